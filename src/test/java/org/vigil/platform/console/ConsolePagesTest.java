package org.vigil.platform.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.ConsoleLogin;
import org.vigil.testsupport.PageReview;
import org.vigil.testsupport.Tokens;

/**
 * The staff console's login through the real Keycloak (KeycloakTestResource) in a real Chromium:
 * the shell by role and region, the editors' pages closed to an officer, the session cookie, the form
 * token, the logout that ends the provider's session too, a lost session that comes back to its
 * page, and the bearer-token API beside it.
 */
@QuarkusTest
class ConsolePagesTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anOfficerLogsInAndSeesTheShellWithTheirRegionButNotTheEditorsDesk() {
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Page page = ConsoleLogin.open(context.newPage(), base + "console/?lang=en", ConsoleLogin.OFFICER_56);

            assertThat(page.locator("h1").textContent()).isEqualTo("Staff console");
            assertThat(page.locator(".staff").textContent()).contains("Logged in as officer56", "Region VN-56");
            List<String> nav = page.locator("header nav").first().locator("a").allTextContents();
            assertThat(nav).containsExactly("Start", "Police desk", "Tip queue");

            Cookie session = context.cookies(base + "console/").stream()
                    .filter(c -> c.name.equals("q_session"))
                    .findFirst()
                    .orElseThrow();
            assertThat(session.httpOnly).isTrue();
            assertThat(session.sameSite).hasToString("LAX");
            assertThat(session.path).isEqualTo("/console");

            page.navigate(base + "console/editor?lang=en");
            assertThat(page.locator("h1").textContent()).isEqualTo("Not open to your role");
            assertThat(page.context()
                            .request()
                            .get(
                                    base + "console/editor",
                                    RequestOptions.create().setHeader("Accept", "text/html"))
                            .status())
                    .isEqualTo(403);

            page.navigate(base + "console/police?lang=vi");
            assertThat(page.locator("h1").textContent()).isEqualTo("Bàn công an");
            PageReview.review("console-police", base + "console/police?lang=vi", page.content());
        }
    }

    @Test
    void anEditorSeesTheEditorsDeskAndNotThePoliceDesk() {
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = ConsoleLogin.open(context.newPage(), base + "console/editor?lang=vi", ConsoleLogin.EDITOR);
            assertThat(page.locator("h1").textContent()).isEqualTo("Bàn biên tập");
            assertThat(page.locator(".staff").textContent()).contains("editor");
            assertThat(page.locator("header nav").first().locator("a").allTextContents())
                    .containsExactly("Trang đầu", "Bàn biên tập");
            page.navigate(base + "console/police?lang=vi");
            assertThat(page.locator("h1").textContent()).isEqualTo("Vai trò của bạn không được mở");
            page.navigate(base + "console/?lang=vi");
            PageReview.review("console-home", base + "console/?lang=vi", page.content());
        }
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefused() {
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Page page = ConsoleLogin.open(context.newPage(), base + "console/", ConsoleLogin.OFFICER_31);
            String form = base + "console/test-form";
            String token = context.request().get(form).text();
            assertThat(token).hasSize(43);

            var without = context.request()
                    .post(
                            form,
                            RequestOptions.create().setForm(FormData.create().set("text", "x")));
            assertThat(without.status()).isEqualTo(403);
            var forged = context.request()
                    .post(
                            form,
                            RequestOptions.create()
                                    .setForm(FormData.create().set("text", "x").set("csrf", "A" + token.substring(1))));
            assertThat(forged.status()).isEqualTo(403);
            var with = context.request()
                    .post(
                            form,
                            RequestOptions.create()
                                    .setForm(FormData.create().set("text", "x").set("csrf", token)));
            assertThat(with.status()).isEqualTo(200);
            assertThat(with.text()).isEqualTo("accepted x");
        }
    }

    @Test
    void logoutEndsTheProviderSessionTooAndALostSessionComesBackToItsPage() {
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Page page = ConsoleLogin.open(context.newPage(), base + "console/police?lang=en", ConsoleLogin.SUPERVISOR);
            assertThat(page.locator(".staff").textContent()).contains("All regions");

            page.locator(".staff a.logout").click();
            page.waitForURL(url -> url.contains("/console/signed-out"));
            assertThat(page.locator("h1").textContent()).isIn("You are logged out", "Bạn đã đăng xuất");
            page.navigate(base + "console/police");
            assertThat(ConsoleLogin.isLoginForm(page))
                    .as("after logout Keycloak asks for the password again")
                    .isTrue();

            ConsoleLogin.logIn(page, ConsoleLogin.SUPERVISOR);
            assertThat(page.url()).isEqualTo(base + "console/police");
            // the session is lost (expired, or the cookies cleared): the login, then back to the page asked for
            context.clearCookies();
            page.navigate(base + "console/editor?lang=en");
            ConsoleLogin.logIn(page, ConsoleLogin.EDITOR);
            assertThat(page.url()).isEqualTo(base + "console/editor?lang=en");
            assertThat(page.locator("h1").textContent()).isEqualTo("Editors' desk");
        }
    }

    @Test
    void theApiKeepsItsBearerTokensAndTheConsoleTakesNone() {
        given().header("Authorization", Tokens.officer("api-officer", "VN-56"))
                .get("/api/v1/police/tips")
                .then()
                .statusCode(200);
        given().get("/api/v1/police/tips").then().statusCode(401);
        // a bearer token does not open a console page: its mechanism is the login (a redirect to the provider)
        given().redirects()
                .follow(false)
                .header("Authorization", Tokens.officer("api-officer", "VN-56"))
                .accept("text/html")
                .get("/console/")
                .then()
                .statusCode(302);
    }
}
