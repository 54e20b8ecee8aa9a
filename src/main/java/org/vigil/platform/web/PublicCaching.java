package org.vigil.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.error.ApiException;

/**
 * Conditional GET for public reads. The ETag is computed from the content's version only, so
 * every replica gives the same one, and a matching {@code If-None-Match} answers 304 before the
 * body is built. {@link #cached} also keeps the answer in this replica's {@link ReadCache}, so that
 * repeated reads cost no database query at all.
 */
@ApplicationScoped
public class PublicCaching {

    /** The Vary of every answer of {@link #cached}: language and, for large ones, gzip. */
    static final String VARY = "Accept-Language, Accept-Encoding";

    private final String cacheControl;
    private final ReadCache cache;
    private final PublicReadRoute route;
    private final ObjectMapper json;

    PublicCaching(VigilConfig config, ReadCache cache, PublicReadRoute route, ObjectMapper json) {
        cacheControl = cacheControl(config.http().publicMaxAge());
        this.cache = cache;
        this.route = route;
        this.json = json;
    }

    static String cacheControl(Duration maxAge) {
        // Written by hand: JAX-RS CacheControl has no "public" directive, and shared caches (CDNs) need it.
        return "public, max-age=" + maxAge.toSeconds();
    }

    /** What identifies one version of a public answer: its ETag, and its Content-Language (or null). */
    public record Version(EntityTag etag, String language) {}

    /**
     * A cached answer; {@code body} is null while only its version was needed (for 304s), and
     * {@code gzip} is the body gzipped once, kept when that saves enough to be worth it.
     */
    record Answer(Version version, String mediaType, byte[] body, byte[] gzip) {

        int weight() {
            return (body == null ? 0 : body.length) + (gzip == null ? 0 : gzip.length);
        }
    }

    /** Bodies smaller than this are sent as they are: gzip would save too little. */
    static final int GZIP_MIN_BYTES = 1024;

    /**
     * Like {@link #conditional}, through the {@link ReadCache}: {@code key} identifies the answer
     * within {@code topic} (the resource and its resolved parameters). A cached version answers a
     * matching If-None-Match, and a cached body a plain read, without a database query. On a miss
     * {@code version} runs first (a cheap query), and {@code body} only when a 200 is due.
     * Bodies are stored as bytes (JSON from the service's ObjectMapper, text as UTF-8) and, when
     * larger than {@link #GZIP_MIN_BYTES}, also gzipped once, for the clients that accept it.
     */
    public Response cached(
            Request request,
            HttpHeaders headers,
            String topic,
            Object key,
            String mediaType,
            Supplier<Version> version,
            Supplier<Object> body) {
        route.remember(topic, key, mediaType);
        Optional<Answer> cached = cache.find(topic, Answer.class, key, mediaType);
        if (cached.isPresent()) {
            Answer answer = cached.get();
            if (answer.body() != null
                    || request.evaluatePreconditions(answer.version().etag()) != null) {
                return send(request, headers, answer);
            }
        }
        // Version and body are read together, so that the stored pair belongs together (as far as
        // two queries can) even when the content changed since the version was cached.
        ReadCache.Stamp stamp = cache.stamp(topic);
        Version current = version.get();
        Answer answer = new Answer(current, mediaType, null, null);
        if (request.evaluatePreconditions(current.etag()) == null) {
            byte[] bytes = bytes(body.get());
            answer = new Answer(current, mediaType, bytes, bytes.length < GZIP_MIN_BYTES ? null : gzip(bytes));
        }
        cache.put(topic, stamp, answer, answer.weight(), key, mediaType);
        return send(request, headers, answer);
    }

    private Response send(Request request, HttpHeaders headers, Answer answer) {
        boolean gzip = answer.gzip() != null && acceptsGzip(headers);
        boolean[] withBody = {false};
        Response.ResponseBuilder builder =
                preconditions(request, answer.version().etag(), answer.version().language(), answer.mediaType(), () -> {
                    withBody[0] = true;
                    return gzip ? answer.gzip() : answer.body();
                });
        // One Vary for every answer of these resources, 304s included, as shared caches need it
        builder.header(HttpHeaders.VARY, VARY);
        if (gzip && withBody[0]) {
            // The same ETag for both codings: they are one representation to the client, and a
            // client switching codings still gets its 304.
            builder.header("Content-Encoding", "gzip");
        }
        return builder.build();
    }

    static boolean acceptsGzip(HttpHeaders headers) {
        return acceptsGzip(headers == null ? null : headers.getRequestHeader(HttpHeaders.ACCEPT_ENCODING));
    }

    /** Whether Accept-Encoding allows gzip: named (or else "*") without q=0. */
    static boolean acceptsGzip(List<String> values) {
        Boolean any = null;
        for (String value : values == null ? List.<String>of() : values) {
            for (String coding : value.split(",")) {
                String[] parts = coding.trim().split(";");
                String name = parts[0].trim().toLowerCase(Locale.ROOT);
                boolean refused = false;
                for (int i = 1; i < parts.length; i++) {
                    refused |=
                            parts[i].replace(" ", "").toLowerCase(Locale.ROOT).matches("q=0(\\.0{0,3})?");
                }
                if (name.equals("gzip") || name.equals("x-gzip")) {
                    return !refused;
                }
                if (name.equals("*")) {
                    any = !refused;
                }
            }
        }
        return Boolean.TRUE.equals(any);
    }

    /** Whether If-None-Match names {@code etag} (the weak comparison of RFC 9110 13.1.2) or is "*". */
    static boolean matches(String ifNoneMatch, EntityTag etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String quoted = "\"" + etag.getValue() + "\"";
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(quoted) || tag.equals("W/" + quoted)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] bytes(Object body) {
        if (body instanceof byte[] raw) {
            return raw;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answer could not be written as JSON", e);
        }
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
    public Response conditional(
            Request request, EntityTag etag, String language, String mediaType, Supplier<Object> body) {
        return preconditions(request, etag, language, mediaType, body)
                .header(HttpHeaders.VARY, "Accept-Language")
                .build();
    }

    private Response.ResponseBuilder preconditions(
            Request request, EntityTag etag, String language, String mediaType, Supplier<Object> body) {
        Response.ResponseBuilder builder = request.evaluatePreconditions(etag);
        if (builder == null) {
            builder = Response.ok(body.get(), mediaType);
        } else if (builder.build().getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
            // an If-Match naming another version: a problem like any refusal, never a cacheable bare 412
            throw ApiException.preconditionFailed("If-Match names a version other than the current one");
        } else {
            builder = Response.notModified();
        }
        builder.tag(etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (language != null) {
            builder.header(HttpHeaders.CONTENT_LANGUAGE, language);
        }
        return builder;
    }
}
