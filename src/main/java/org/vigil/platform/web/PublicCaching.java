package org.vigil.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.error.ApiException;

/**
 * Conditional GET for public reads. The ETag is computed from the content's version only, so
 * every replica gives the same one, and a matching {@code If-None-Match} answers 304 before the
 * body is built.
 */
@ApplicationScoped
public class PublicCaching {

    private final String cacheControl;

    PublicCaching(VigilConfig config) {
        // Written by hand: JAX-RS CacheControl has no "public" directive, and shared caches (CDNs) need it.
        cacheControl = "public, max-age=" + config.http().publicMaxAge().toSeconds();
    }

    /** A strong ETag from the parts that identify one version of a representation. */
    public static EntityTag etag(Object... versionParts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : versionParts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return new EntityTag(HexFormat.of().formatHex(sha.digest(), 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * 304 when the client holds this version, 412 (a problem) when an If-Match names another one,
     * otherwise 200 with the body from {@code body}.
     * {@code language} is the Content-Language, or null when the representation has none.
     */
    public Response conditional(Request request, EntityTag etag, String language, String mediaType, Supplier<Object> body) {
        Response.ResponseBuilder builder = request.evaluatePreconditions(etag);
        if (builder == null) {
            builder = Response.ok(body.get(), mediaType);
        } else if (builder.build().getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
            // an If-Match naming another version: a problem like any refusal, never a cacheable bare 412
            throw ApiException.preconditionFailed("If-Match names a version other than the current one");
        } else {
            builder = Response.notModified();
        }
        builder.tag(etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, "Accept-Language");
        if (language != null) {
            builder.header(HttpHeaders.CONTENT_LANGUAGE, language);
        }
        return builder.build();
    }
}
