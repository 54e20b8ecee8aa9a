package org.vigil.platform.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.vigil.platform.crypto.KeyedHash;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.page.PagePaths;

/**
 * The token every console form carries (hidden field {@value #FIELD}), bound to the login session: a
 * keyed hash of the provider's session id ({@code sid}, else the token's subject and issue time), so
 * it needs no cookie or storage of its own, is the same on every replica and dies with the session.
 * A state-changing console request without it, or with another session's, is refused with 403.
 *
 * <p>Not quarkus-rest-csrf: its filter checks every form POST of the application and sets its own
 * cookie, while citizens' pages must never get a cookie and their forms (tips, follow-ups, the
 * check) carry no token; this one is confined to /console.
 */
@RequestScoped
public class CsrfTokens {

    public static final String FIELD = "csrf";
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final SecurityIdentity identity;
    private final KeyedHash hash;

    CsrfTokens(SecurityIdentity identity, KeyedHash hash) {
        this.identity = identity;
        this.hash = hash;
    }

    /** This session's token (empty without a login). */
    public String token() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return "";
        }
        Object sid = token.getClaim("sid");
        String session = sid != null ? "sid:" + sid : "sub:" + token.getSubject() + ":" + token.getIssuedAtTime();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash.hash("console-csrf", session));
    }

    @ServerRequestFilter(readBody = true)
    public void check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())
                || !PagePaths.isConsole(request.getUriInfo().getPath())) {
            return;
        }
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object sent = context.getFormParameter(FIELD, true, false);
        String expected = token();
        if (!(sent instanceof String value)
                || expected.isEmpty()
                || !KeyedHash.same(
                        value.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException(
                    403,
                    "/problems/forbidden",
                    "Forbidden",
                    "The form's token is missing or belongs to another session: open the page again and resend");
        }
    }
}
