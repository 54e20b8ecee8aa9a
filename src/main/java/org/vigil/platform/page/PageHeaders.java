package org.vigil.platform.page;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The headers every page carries, whoever answers it (a page, an error page, the fast path of
 * cached reads, a static file): nothing is loaded from another host or framed by one, no Referer
 * leaves for the sites an article links to, and a citizen's page never sets a cookie, whatever a
 * library might add (the console, under /console, keeps its login session).
 */
@Singleton
public class PageHeaders {

    /**
     * Only this service's own files; no inline script or style (JSON-LD is data, not run); forms
     * post here only; no framing, no plugins, no base URL but the page's own.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
            + " base-uri 'none'; object-src 'none'";

    void install(@Observes Router router) {
        // First of all routes (with PrivateAnswers), so that even the router's own answers carry them;
        // set when the headers go out, so that no later writer can drop them.
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String path = context.normalizedPath();
        if (PagePaths.isPage(path)) {
            boolean citizen = PagePaths.isCitizenPage(path);
            context.addHeadersEndHandler(v -> {
                HttpServerResponse response = context.response();
                response.headers()
                        .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .set("Referrer-Policy", "no-referrer")
                        .set("X-Content-Type-Options", "nosniff")
                        .set("X-Frame-Options", "DENY")
                        .set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), browsing-topics=()");
                if (citizen) {
                    response.headers().remove(HttpHeaders.SET_COOKIE);
                }
            });
        }
        context.next();
    }
}
