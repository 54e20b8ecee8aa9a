package org.vigil.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.ConsoleLogin;

/**
 * The console's session idles out without a long wait in the test: the session cookie's life is the
 * ID token's (Keycloak's realm: 5 minutes) plus quarkus.oidc.authentication.session-age-extension (25
 * minutes), renewed only when a request within it refreshes the tokens. So an unused session dies
 * 25 to 30 minutes after its last request, and the login then returns to the page (ConsolePagesTest).
 */
@QuarkusTest
class ConsoleIdleTest {

    private static final Duration ID_TOKEN = Duration.ofMinutes(5);
    private static final Duration EXTENSION = Duration.ofMinutes(25);

    @TestHTTPResource("/")
    URL base;

    @Test
    void theSessionCookieEndsHalfAnHourAfterTheLoginUnlessUsed() {
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Instant before = Instant.now();
            Page page = ConsoleLogin.open(context.newPage(), base + "console/?lang=en", ConsoleLogin.OFFICER_31);
            Instant after = Instant.now();
            assertThat(page.locator("h1").textContent()).isEqualTo("Staff console");
            Cookie session = context.cookies(base + "console/").stream()
                    .filter(c -> c.name.equals("q_session"))
                    .findFirst()
                    .orElseThrow();
            assertThat(session.expires).as("a persistent cookie with an end").isPositive();
            Instant ends = Instant.ofEpochSecond(session.expires.longValue());
            assertThat(ends)
                    .isAfterOrEqualTo(before.plus(EXTENSION))
                    .isBefore(after.plus(ID_TOKEN).plus(EXTENSION).plusSeconds(5));
        }
    }
}
