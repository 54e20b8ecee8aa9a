package org.vigil.platform.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * quarkus.http.limits.max-body-size is raised for multipart uploads; every other body (JSON) is
 * still refused above {@code vigil.http.max-body-size} with a 413 problem, before it is read.
 * A body sent without Content-Length (chunked) is only bounded by the global limit.
 */
@Singleton
public class BodySizeLimit {

    private final long limit;

    BodySizeLimit(@ConfigProperty(name = "vigil.http.max-body-size", defaultValue = "1M") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            boolean multipart = type != null && type.regionMatches(true, 0, "multipart/form-data", 0, 19);
            if (!multipart && length != null && tooLarge(length)) {
                ctx.fail(413);
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
