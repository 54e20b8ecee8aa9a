package org.vigil.indicator.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.indicator.IndicatorFixtures;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.ConsoleLogin;
import org.vigil.testsupport.PageReview;
import org.vigil.testsupport.Tokens;

/**
 * The indicator pages through the real Keycloak login in a real Chromium: a supervisor publishes an
 * officer's proposal and the public check lists it; bad input and a stale form come back with what
 * was typed; the proposer cannot publish their own (four eyes, refused by the service); an officer
 * sees no form and is refused one; a dispute is decided on its page.
 */
@QuarkusTest
class IndicatorPagesTest {

    @TestHTTPResource("/")
    URL base;

    /** An officer's proposal of a fresh phone number through the police API; its id. */
    private static long proposed(String phone, String token) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "phone",
                        "value",
                        phone,
                        "scamTypes",
                        List.of("impersonated-police"),
                        "evidence",
                        "Gọi cho 9 người dân, tự xưng công an phường, đòi chuyển tiền bảo lãnh."))
                .post("/api/v1/police/indicators")
                .then()
                .statusCode(201)
                .extract()
                .<Number>path("id")
                .longValue();
    }

    private static boolean listed(String phone) {
        return given().queryParam("type", "phone")
                .queryParam("value", phone)
                .get("/api/v1/indicators/check")
                .then()
                .statusCode(200)
                .extract()
                .path("listed");
    }

    @Test
    void aSupervisorPublishesAnOfficersProposalAndThePublicCheckThenListsIt() {
        String phone = IndicatorFixtures.phone();
        String e164 = IndicatorFixtures.e164(phone);
        long id = proposed(phone, Tokens.officer(ConsoleLogin.OFFICER_56, "VN-56"));
        assertThat(listed(phone)).isFalse();

        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Page page = ConsoleLogin.open(
                    context.newPage(), base + "console/police/indicators?lang=en", ConsoleLogin.SUPERVISOR);
            assertThat(page.locator("h1").textContent()).isEqualTo("Indicators");
            assertThat(page.locator("header nav a[aria-current=page]").textContent())
                    .isEqualTo("Indicators");
            PageReview.review("console-indicators", base + "console/police/indicators?lang=en", page.content());

            page.locator("a[href^='/console/police/indicators/" + id + "?']").click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Phone number: " + e164);
            assertThat(page.locator("dl").textContent()).contains("officer56", "tự xưng công an phường");
            Page second = context.newPage();
            second.navigate(page.url());

            // a day in the past: the form again, with why and the day typed
            page.locator("#expires-on").fill("2001-01-01");
            page.locator("form[action$='/publish'] button").click();
            assertThat(page.locator("#expires-on-error").textContent())
                    .isEqualTo("Choose a day from today to two years ahead.");
            assertThat(page.locator("#expires-on").inputValue()).isEqualTo("2001-01-01");
            PageReview.review("console-indicator-refused", base + "console/police/indicators/" + id, page.content());

            page.locator("#expires-on").fill(IndicatorFixtures.tomorrow());
            page.locator("form[action$='/publish'] button").click();
            page.waitForURL(url -> url.contains("done=published"));
            assertThat(page.locator("p.ok").textContent()).startsWith("Published");
            assertThat(page.locator("dl").textContent()).contains("Verified and published by", "supervisor56");
            assertThat(page.locator("#partners").textContent()).isEqualTo("What partners did");
            PageReview.review("console-indicator-published", page.url(), page.content());
            assertThat(listed(phone)).as("the public check lists it now").isTrue();

            // the second tab still shows the proposal: rejecting it now is stale, and says so
            second.locator("#reason").fill("Số đã cấp lại cho thuê bao khác");
            second.locator("form[action$='/reject'] button").click();
            assertThat(second.locator("p.alert").textContent())
                    .contains("Someone else acted on this indicator first", "Published");
            assertThat(second.locator("#reason").inputValue()).isEqualTo("Số đã cấp lại cho thuê bao khác");
            assertThat(listed(phone)).isTrue();

            // the published one offers delisting, with a reason, which takes it off the public check
            page.locator("#reason").fill("Nhà mạng xác nhận số đã thu hồi");
            page.locator("form[action$='/delist'] button").click();
            page.waitForURL(url -> url.contains("done=delisted"));
            assertThat(listed(phone)).as("delisted from its page").isFalse();
        }
    }

    @Test
    void theProposerCannotPublishTheirOwnAndAnOfficerGetsNoForm() {
        String phone = IndicatorFixtures.phone();
        long own = proposed(phone, Tokens.bearer(ConsoleLogin.SUPERVISOR, "supervisor"));
        String page0 = base + "console/police/indicators/" + own + "?lang=en";

        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = ConsoleLogin.open(context.newPage(), page0, ConsoleLogin.SUPERVISOR);
            assertThat(page.locator("form[action$='/publish']").count()).isZero();
            assertThat(page.locator("p.notice").textContent()).contains("You proposed this indicator");
            String csrf =
                    page.locator("form[action$='/reject'] input[name=csrf]").inputValue();

            // the service refuses it too, whatever the page offers
            APIResponse forced = context.request()
                    .post(
                            base + "console/police/indicators/" + own + "/publish",
                            RequestOptions.create()
                                    .setHeader("Accept", "text/html")
                                    .setForm(FormData.create()
                                            .set("csrf", csrf)
                                            .set("lang", "en")
                                            .set("expiresOn", IndicatorFixtures.tomorrow())));
            assertThat(forced.status()).isEqualTo(409);
            assertThat(forced.text()).contains("You proposed this indicator: another supervisor must verify");
            assertThat(listed(phone)).isFalse();
        }

        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Page page = ConsoleLogin.open(context.newPage(), page0, ConsoleLogin.OFFICER_56_B);
            assertThat(page.locator("h1").textContent()).isEqualTo("Phone number: " + IndicatorFixtures.e164(phone));
            assertThat(page.locator("main form").count())
                    .as("an officer gets no form")
                    .isZero();
            assertThat(page.locator("p.notice").textContent()).startsWith("A supervisor other than the proposer");
            PageReview.review("console-indicator-officer", page0, page.content());
            // the officer's own form token (test probe), so that only the role can be what refuses
            String csrf = context.request().get(base + "console/test-form").text();
            APIResponse refused = context.request()
                    .post(
                            base + "console/police/indicators/" + own + "/reject",
                            RequestOptions.create()
                                    .setHeader("Accept", "text/html")
                                    .setForm(FormData.create().set("csrf", csrf).set("reason", "thử")));
            assertThat(refused.status()).isEqualTo(403);
        }
        given().header("Authorization", Tokens.supervisor("supervisor.hung"))
                .get("/api/v1/police/indicators/" + own)
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"));
    }

    @Test
    void aDisputeIsDecidedOnItsPage() {
        String phone = IndicatorFixtures.phone();
        long id = IndicatorFixtures.listedPhone(phone);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "phone",
                        "value",
                        phone,
                        "statement",
                        "Đây là số của cửa hàng tôi, chưa từng gọi ai đòi tiền.",
                        "contact",
                        Map.of("name", "Cửa hàng Minh Anh")))
                .post("/api/v1/indicators/disputes")
                .then()
                .statusCode(202);

        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Page page = ConsoleLogin.open(
                    context.newPage(), base + "console/police/indicators/disputes?lang=vi", ConsoleLogin.SUPERVISOR);
            assertThat(page.locator("h1").textContent()).isEqualTo("Khiếu nại");
            var item = page.locator("li:has(a[href^='/console/police/indicators/" + id + "?'])");
            assertThat(item.textContent()).contains("Đây là số của cửa hàng tôi", "Cửa hàng Minh Anh");
            PageReview.review("console-disputes", base + "console/police/indicators/disputes?lang=vi", page.content());

            // no decision chosen: the form again with why, the reason kept
            item.locator("textarea").fill("Chủ thuê bao chứng minh số thuộc cửa hàng.");
            item.locator("button").click();
            item = page.locator("li:has(a[href^='/console/police/indicators/" + id + "?'])");
            assertThat(item.locator("p.error").first().textContent()).isEqualTo("Chọn chấp nhận hoặc bác khiếu nại.");
            assertThat(item.locator("textarea").inputValue()).isEqualTo("Chủ thuê bao chứng minh số thuộc cửa hàng.");

            item.locator("input[value=yes]").check();
            item.locator("button").click();
            page.waitForURL(url -> url.contains("done=upheld"));
            assertThat(page.locator("p.ok").textContent()).startsWith("Đã chấp nhận khiếu nại");
        }
        assertThat(listed(phone)).as("an upheld dispute delists it").isFalse();
    }
}
