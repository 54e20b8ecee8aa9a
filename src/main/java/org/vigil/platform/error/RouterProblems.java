package org.vigil.platform.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.page.ErrorPages;
import org.vigil.platform.page.PagePaths;
import org.vigil.platform.page.Pages;

/**
 * Failures decided below the REST layer (unknown route, body over the size limit, ...) get the
 * same problem+json answers as the rest of the API instead of Vert.x's plain pages; on a page
 * address, the same error page as the REST layer's problems ({@link ErrorPages}).
 */
@Singleton
public class RouterProblems {

    private static final Logger LOG = Logger.getLogger(RouterProblems.class);
    private final ObjectMapper json;
    private final ErrorPages pages;

    private final long maxUploadBytes;
    private final long maxBodyBytes;

    RouterProblems(
            ObjectMapper json,
            ErrorPages pages,
            VigilConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxUploadSize) {
        this.json = json;
        this.pages = pages;
        this.maxUploadBytes = maxUploadSize.asLongValue();
        this.maxBodyBytes = config.http().maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        // The HTTP limit is sized for multipart uploads; every other body (JSON) has the smaller
        // vigil.http.max-body-size. A declared length over its limit is refused before the body is
        // read, as a problem rather than Vert.x's bare 413. A chunked body has no length to check:
        // chunked JSON is refused (411), so that only uploads can reach the HTTP limit.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            boolean multipart = type != null && type.regionMatches(true, 0, "multipart/form-data", 0, 19);
            if (length != null && isOver(length, multipart ? maxUploadBytes : maxBodyBytes)) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close"); // the rest of the body is not wanted
                answer(ctx, 413);
            } else if (length == null
                    && !multipart
                    && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                answer(ctx, 411);
            } else if (type != null && !isMediaType(type)) {
                answer(ctx, 415); // the REST layer would fail to parse it while choosing a method
            } else {
                ctx.next();
            }
        });
        for (int status : new int[] {400, 404, 405, 411, 413, 415, 500}) {
            router.errorHandler(status, ctx -> answer(ctx, status));
        }
    }

    private static String langParam(RoutingContext ctx) {
        try {
            return ctx.request().getParam("lang");
        } catch (IllegalArgumentException malformedQuery) {
            return null;
        }
    }

    /** Parsed by the same parser as the REST layer, which would otherwise fail with a 500. */
    private static boolean isMediaType(String contentType) {
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself rejects a malformed length
        }
    }

    private void answer(RoutingContext ctx, int status) {
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().end(); // too late for a problem body; finish what was started
            return;
        }
        if (status >= 500 && ctx.failure() != null) {
            LOG.error("Unexpected failure below the REST layer", ctx.failure());
        }
        if (PagePaths.answersErrorsAsPage(ctx.normalizedPath(), ctx.request().getHeader(HttpHeaders.ACCEPT))) {
            String lang = pages.language(langParam(ctx), ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            ctx.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Pages.HTML)
                    .putHeader(HttpHeaders.CONTENT_LANGUAGE, lang)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(io.vertx.core.buffer.Buffer.buffer(pages.html(status, lang)));
            return;
        }
        try {
            byte[] body = json.writeValueAsBytes(ProblemMapper.forStatus(status));
            ctx.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (Exception e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
