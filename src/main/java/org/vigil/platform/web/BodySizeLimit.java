package org.vigil.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vigil.platform.error.Problem;
import org.vigil.platform.error.ProblemMapper;

/**
 * quarkus.http.limits.max-body-size is raised for multipart uploads; every other body (JSON) is
 * still refused above {@code vigil.http.max-body-size} with a 413 problem, before it is read.
 * A body sent without Content-Length (chunked) is only bounded by the global limit.
 */
@Singleton
public class BodySizeLimit {

    private final long limit;
    private final byte[] tooLargeBody;

    BodySizeLimit(@ConfigProperty(name = "vigil.http.max-body-size", defaultValue = "1M") MemorySize limit,
            ObjectMapper json) throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.tooLargeBody = json.writeValueAsBytes(ProblemMapper.forStatus(413));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            boolean multipart = type != null && type.regionMatches(true, 0, "multipart/form-data", 0, 19);
            if (!multipart && length != null && tooLarge(length)) {
                // answered here, before the body is read; the connection closes as the rest is not wanted
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Buffer.buffer(tooLargeBody));
                return;
            }
            ctx.next();
        });
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer rejects a malformed Content-Length itself
        }
    }
}
