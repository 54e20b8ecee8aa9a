package org.vigil.stats.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.ConsoleLogin;
import org.vigil.testsupport.PageReview;

/**
 * The summary page and its CSV through the real login: a supervisor sees the current month, a bad
 * period comes back with why and what was typed, the CSV counts a new tip and holds no content; an
 * officer gets the 403 page.
 */
@QuarkusTest
class SummaryPagesTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aSupervisorSeesThePeriodAndDownloadsItsCountsAsCsv() {
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Page page = ConsoleLogin.open(
                    context.newPage(), base + "console/police/summary?lang=vi", ConsoleLogin.SUPERVISOR);
            assertThat(page.locator("h1").textContent()).isEqualTo("Báo cáo tổng hợp cho Ban Chỉ đạo");
            PageReview.review("console-summary", base + "console/police/summary?lang=vi", page.content());
            String csv = page.locator("a[download]").getAttribute("href");
            long before =
                    received(context.request().get(base + csv.substring(1)).text());

            String marker = "Nội dung không được xuất " + UUID.randomUUID();
            given().contentType(ContentType.JSON)
                    .body(Map.of("category", "online-fraud", "narrative", marker))
                    .post("/api/v1/tips")
                    .then()
                    .statusCode(201);
            APIResponse download = context.request().get(base + csv.substring(1));
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.headers().get("content-type")).startsWith("text/csv");
            assertThat(download.headers().get("content-disposition"))
                    .startsWith("attachment; filename=\"vigil-summary-");
            String text = download.text();
            assertThat(text).startsWith("measure,key,value\r\nperiod,from,").doesNotContain(marker);
            assertThat(received(text)).isEqualTo(before + 1);
            assertThat(text.lines().filter(l -> l.startsWith("category,")).count())
                    .as("every category, counted or not")
                    .isEqualTo(6);
            assertThat(text.lines().skip(1))
                    .as("codes and numbers only")
                    .allMatch(l -> l.matches("[a-z-]+,[A-Za-z0-9-]+,[0-9-]*"));

            page.navigate(base + "console/police/summary?lang=en&from=2026-13-01&to=2025-01-01");
            assertThat(page.locator("#summary-from-error").textContent()).isEqualTo("Give the first day as a date.");
            assertThat(page.locator("#summary-from").getAttribute("value")).isEqualTo("2026-13-01");
            assertThat(page.locator("a[download]").count()).isZero();
            PageReview.review(
                    "console-summary-refused",
                    base + "console/police/summary?lang=en&from=2026-13-01&to=2025-01-01",
                    page.content());
            page.navigate(base + "console/police/summary?lang=en&from=2026-02-01&to=2025-01-01");
            assertThat(page.locator("#summary-to-error").textContent()).startsWith("Give the last day as a date");
        }
    }

    private static long received(String csv) {
        return csv.lines()
                .filter(l -> l.startsWith("tips,received,"))
                .mapToLong(l -> Long.parseLong(l.substring("tips,received,".length())))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anOfficerCannotOpenTheSummary() {
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = ConsoleLogin.open(
                    context.newPage(), base + "console/police/indicators?lang=en", ConsoleLogin.OFFICER_56);
            assertThat(page.locator("header nav a").allTextContents()).doesNotContain("Summary", "Forwarding");
            var response = page.navigate(base + "console/police/summary?lang=en");
            assertThat(response.status()).isEqualTo(403);
            assertThat(page.locator("h1").textContent()).isEqualTo("Not open to your role");
            assertThat(context.request()
                            .get(base + "console/police/summary/csv")
                            .status())
                    .isEqualTo(403);
        }
    }
}
