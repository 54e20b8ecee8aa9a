package org.vigil.platform.console;

import io.quarkus.oidc.OIDCException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import org.jboss.logging.Logger;

/**
 * While the login provider cannot be reached, a console address answers with the console's 503 page
 * (through a redirect to /console/unavailable, which needs no login) instead of the failure the OIDC
 * adapter reports below the REST layer. Other failures go on to the usual error pages.
 */
@Singleton
public class ProviderDown {

    private static final Logger LOG = Logger.getLogger(ProviderDown.class);

    void install(@Observes Router router) {
        router.route("/console/*").order(Integer.MIN_VALUE + 1).failureHandler(this::handle);
        router.route("/console").order(Integer.MIN_VALUE + 1).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.response().headWritten() || !isProviderDown(context.failure())) {
            context.next();
            return;
        }
        LOG.warnf(
                "The console's login provider cannot be reached: %s",
                context.failure().getMessage());
        context.response()
                .setStatusCode(303)
                .putHeader(HttpHeaders.LOCATION, "/console/unavailable")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end();
    }

    static boolean isProviderDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OIDCException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
