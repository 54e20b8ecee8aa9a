package org.vigil.forwarding.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.forwarding.OutboxRelay;
import org.vigil.indicator.IndicatorFixtures;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.ConsoleLogin;
import org.vigil.testsupport.PageReview;

/**
 * The forwarding page through the real login: an admin sees the counts and sends a parked event
 * again; a supervisor is refused the page and the requeue, with a valid form token.
 */
@QuarkusTest
class ForwardingPagesTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource db;

    @Inject
    Scheduler scheduler;

    @Test
    void anAdminSeesParkedEventsAndSendsThemAgain() throws SQLException, InterruptedException {
        // the relay would otherwise deliver the event while it is being parked here, and mark it delivered after
        scheduler.pause(OutboxRelay.JOB);
        Thread.sleep(1_000);
        String reference = given().contentType(ContentType.JSON)
                .body(Map.of("category", "online-fraud", "narrative", "Sự kiện để tạm giữ"))
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .extract()
                .path("reference");
        try (Connection c = db.getConnection();
                var s = c.prepareStatement(
                        "UPDATE outbox_event SET state = 'PARKED', attempts = 8 WHERE payload LIKE ?")) {
            s.setString(1, "%" + reference + "%");
            assertThat(s.executeUpdate()).isEqualTo(1);
        } finally {
            scheduler.resume(OutboxRelay.JOB);
        }

        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Page page = ConsoleLogin.open(
                    context.newPage(), base + "console/police/forwarding?lang=en", ConsoleLogin.ADMIN);
            assertThat(page.locator("h1").textContent()).isEqualTo("Forwarding to the case system");
            assertThat(page.locator("p.alert").textContent()).contains("Some events are parked");
            assertThat(Long.parseLong(
                            page.locator(".figures div:nth-child(2) dd").textContent()))
                    .isGreaterThanOrEqualTo(1);
            PageReview.review("console-forwarding", base + "console/police/forwarding?lang=en", page.content());

            page.locator("form[action$='/requeue'] button").click();
            page.waitForURL(url -> url.contains("requeued="));
            assertThat(page.locator("p.ok").textContent())
                    .containsPattern("[1-9][0-9]* parked event\\(s\\) will be sent");
        }
        try (Connection c = db.getConnection();
                var s = c.prepareStatement("SELECT state FROM outbox_event WHERE payload LIKE ?")) {
            s.setString(1, "%" + reference + "%");
            try (var r = s.executeQuery()) {
                r.next();
                assertThat(r.getString(1)).isIn("PENDING", "DELIVERED");
            }
        }
    }

    @Test
    void aSupervisorIsRefusedThePageAndTheRequeue() {
        long proposal = IndicatorFixtures.propose("phone", IndicatorFixtures.phone(), null, null);
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = ConsoleLogin.open(
                    context.newPage(),
                    base + "console/police/indicators/" + proposal + "?lang=en",
                    ConsoleLogin.SUPERVISOR);
            // a valid form token of this session, so that only the role can be what refuses
            String csrf = page.locator("input[name=csrf]").first().inputValue();
            assertThat(page.locator("header nav a").allTextContents())
                    .contains("Indicators")
                    .doesNotContain("Forwarding");
            assertThat(page.navigate(base + "console/police/forwarding?lang=en").status())
                    .isEqualTo(403);
            APIResponse requeue = context.request()
                    .post(
                            base + "console/police/forwarding/requeue?lang=en",
                            RequestOptions.create()
                                    .setHeader("Accept", "text/html")
                                    .setForm(FormData.create().set("csrf", csrf).set("lang", "en")));
            assertThat(requeue.status()).isEqualTo(403);
            assertThat(requeue.text()).contains("Not open to your role");
        }
    }
}
