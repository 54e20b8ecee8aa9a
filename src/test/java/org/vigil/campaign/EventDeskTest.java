package org.vigil.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vigil.testsupport.ConsoleForms.press;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.ConsoleLogin;
import org.vigil.testsupport.PageReview;
import org.vigil.testsupport.Tokens;

/**
 * The editors' page for campaign events in a real Chromium at a phone's width, logged in as the demo
 * editor: bad times come back with the typed text, an event is saved, postponed, rescheduled and
 * cancelled, and a save over someone else's newer one is refused with the typed text kept.
 */
@QuarkusTest
class EventDeskTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anEditorAddsPostponesReschedulesAndCancelsAnEventAndAStaleSaveIsRefused() {
        String tag = EventFixtures.uniqueTag();
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, true)) {
            Page page = ConsoleLogin.open(
                    context.newPage(), base + "console/editor/events/new?lang=vi", ConsoleLogin.EDITOR);
            page.fill("#title", "Mít tinh 30/7 " + tag);
            page.fill("#end", "2027-07-30T09:30");
            page.fill("#venue", "Quảng trường 16 Tháng 4");
            assertThat(press(page, "Lưu")).isEqualTo(400);
            assertThat(page.locator("[role=alert]").textContent()).contains("Nhập ngày giờ bắt đầu.");
            assertThat(page.inputValue("#venue")).isEqualTo("Quảng trường 16 Tháng 4");
            assertThat(page.inputValue("#end")).isEqualTo("2027-07-30T09:30");
            PageReview.review("desk-event-refused", base + "console/editor/events?lang=vi", page.content());

            page.fill("#start", "2027-07-30T07:30");
            page.locator("details summary").click();
            page.fill("#campaign", tag);
            assertThat(press(page, "Lưu")).isEqualTo(303);
            assertThat(page.locator("[role=status]").textContent()).contains("Đã lưu.");
            long id = Long.parseLong(page.url().replaceAll(".*/events/(\\d+)\\?.*", "$1"));
            admin(id).body("start", equalTo("2027-07-30T07:30:00")).body("campaign", equalTo(tag));
            PageReview.review("desk-event", page.url(), page.content());

            assertThat(press(page, "Hoãn")).isEqualTo(303);
            admin(id).body("status", equalTo("postponed"));

            page.fill("#newStart", "2027-08-06T09:30");
            page.fill("#newEnd", "2027-08-06T07:30");
            assertThat(press(page, "Dời lịch")).isEqualTo(400);
            assertThat(page.locator("#newEnd").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.inputValue("#newStart")).isEqualTo("2027-08-06T09:30");
            page.fill("#newStart", "2027-08-06T07:30");
            page.fill("#newEnd", "2027-08-06T09:30");
            assertThat(press(page, "Dời lịch")).isEqualTo(303);
            admin(id).body("status", equalTo("scheduled")).body("start", equalTo("2027-08-06T07:30:00"));

            // someone else saves first, through the API
            page.fill("#title", "Tiêu đề của tôi " + tag);
            long version = admin(id).extract().jsonPath().getLong("version");
            EventFixtures.replace(
                    id,
                    version,
                    EventFixtures.body("Their title " + tag, "2027-08-06T07:30:00", "2027-08-06T10:00:00", tag));
            assertThat(press(page, "Lưu")).isEqualTo(409);
            assertThat(page.locator("[role=alert]").textContent()).contains("Người khác đã lưu mục này");
            assertThat(page.inputValue("#title")).isEqualTo("Tiêu đề của tôi " + tag);
            admin(id).body("title", equalTo("Their title " + tag));
            PageReview.review("desk-event-stale", base + "console/editor/events?lang=vi", page.content());

            assertThat(press(page, "Hủy sự kiện")).isEqualTo(303);
            admin(id).body("status", equalTo("cancelled"));
            page.navigate(base + "console/editor/events?lang=vi&status=cancelled");
            assertThat(page.locator("main ul.list").textContent()).contains("Their title " + tag);
            PageReview.review("desk-events", page.url(), page.content());
        }
    }

    private static ValidatableResponse admin(long id) {
        return given().header("Authorization", Tokens.editor())
                .get(EventFixtures.ADMIN + "/" + id)
                .then()
                .statusCode(200);
    }
}
