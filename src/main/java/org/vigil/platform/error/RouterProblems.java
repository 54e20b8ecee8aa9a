package org.vigil.platform.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Failures decided below the REST layer (unknown route, body over the size limit, ...) get the
 * same problem+json answers as the rest of the API instead of Vert.x's plain pages.
 */
@Singleton
public class RouterProblems {

    private static final Logger LOG = Logger.getLogger(RouterProblems.class);
    private final ObjectMapper json;

    RouterProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
            router.errorHandler(status, ctx -> answer(ctx, status));
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
        try {
            byte[] body = json.writeValueAsBytes(ProblemMapper.forStatus(status));
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (Exception e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
