package org.vigil.platform.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.vigil.platform.page.PagePaths;

/**
 * The one declaration of which answers no browser or proxy may keep: every answer under a
 * {@link Family}, whoever writes it (a resource, the problem mapper, the security layer or the
 * router's own checks), is {@code Cache-Control: no-store}. Public reads keep the public caching
 * of {@link PublicCaching}; an address outside these families that is not a public read is a gap,
 * which NoStoreFamiliesTest finds from the OpenAPI document. A page's answer to a form (a POST:
 * a checked number, a checklist's score) is personal wherever it is.
 */
@Singleton
public class PrivateAnswers {

    public static final String NO_STORE = "no-store";

    /** Path families whose answers are personal, secret or unpublished. */
    public enum Family {
        /** Tipsters' submissions, status and messages: who sent what must not linger anywhere. */
        TIPS("/api/v1/tips"),
        /** Editors' drafts and versions. */
        ADMIN("/api/v1/admin"),
        /** Everything the police read or write, indicator and forwarding answers included. */
        POLICE("/api/v1/police"),
        /** The partners' indicator feed. */
        PARTNER("/api/v1/partner"),
        /** The same feed over TAXII 2.1. */
        TAXII("/taxii2"),
        /** A citizen's checked value and its answer. */
        INDICATOR_CHECK("/api/v1/indicators/check"),
        /** A citizen's dispute of a listed indicator. */
        INDICATOR_DISPUTES("/api/v1/indicators/disputes"),
        /** A citizen's answers to a self-assessment checklist and its result. */
        SELF_ASSESSMENT("/api/v1/checklists/{slug}/assessment"),
        /** The tip form (its idempotency key is one tip's) and the reference and receipt it answers with. */
        TIP_PAGE("/tip"),
        /** A tipster's thread, and the receipt that the page's forms carry. */
        FOLLOW_UP_PAGE("/follow-up"),
        /** The staff console: tips, drafts and who is logged in. */
        CONSOLE("/console");

        private final List<String> segments;

        Family(String template) {
            this.segments = List.of(template.substring(1).split("/"));
        }

        /** Whether {@code path} is this family's address or below it; a {@code {name}} segment matches any one segment. */
        boolean covers(String path) {
            String[] parts = path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
            if (parts.length < segments.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                String expected = segments.get(i);
                boolean any = expected.startsWith("{") && !parts[i].isEmpty();
                if (!any && !expected.equals(parts[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The family {@code path} belongs to, or null. */
    static Family familyOf(String path) {
        for (Family family : Family.values()) {
            if (family.covers(path)) {
                return family;
            }
        }
        return null;
    }

    void install(@Observes Router router) {
        // First of all routes, so that even the router's own refusals on these paths carry it;
        // set when the headers go out, so that no later writer can drop it.
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String path = context.normalizedPath();
        boolean formAnswer = context.request().method() == HttpMethod.POST && PagePaths.isPage(path);
        if (path != null && (formAnswer || familyOf(path) != null)) {
            context.addHeadersEndHandler(v -> context.response().headers().set(HttpHeaders.CACHE_CONTROL, NO_STORE));
        }
        context.next();
    }
}
