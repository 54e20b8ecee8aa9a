package org.vigil.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.vigil.testsupport.ConsoleForms.follow;
import static org.vigil.testsupport.ConsoleForms.press;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
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
 * Cancelling and deleting each ask first, on a page that says what they mean.
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

            // cancelling asks first
            assertThat(follow(page, "Hủy sự kiện…")).isEqualTo(200);
            assertThat(page.locator("h1").textContent()).isEqualTo("Hủy sự kiện “Their title " + tag + "”?");
            admin(id).body("status", equalTo("scheduled"));
            assertThat(press(page, "Hủy sự kiện")).isEqualTo(303);
            admin(id).body("status", equalTo("cancelled"));
            page.navigate(base + "console/editor/events?lang=vi&status=cancelled");
            assertThat(page.locator("main ul.list").textContent()).contains("Their title " + tag);
            PageReview.review("desk-events", page.url(), page.content());
        }
    }

    @Test
    void cancellingAsksFirstThenCitizensAndTheFeedSeeItCancelledAndADeleteAtAStaleVersionDeletesNothing() {
        String tag = EventFixtures.uniqueTag();
        var created = EventFixtures.create(
                EventFixtures.body("July 30 rally " + tag, "2027-07-30T07:30:00", "2027-07-30T09:30:00", tag));
        long id = created.jsonPath().getLong("id");
        String slug = created.jsonPath().getString("slug");
        String address = base + "console/editor/events/" + id + "?lang=en";
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, true)) {
            Page page = ConsoleLogin.open(context.newPage(), address, ConsoleLogin.EDITOR);
            // the event's page has no form that cancels at once: only a link to the question
            assertThat(page.locator("form[action*='/cancel']").count()).isZero();
            assertThat(follow(page, "Cancel the event…")).isEqualTo(200);
            assertThat(page.url()).contains("/console/editor/events/" + id + "/cancel");
            assertThat(page.locator("h1").textContent()).isEqualTo("Cancel the event “July 30 rally " + tag + "”?");
            assertThat(page.locator("main").textContent())
                    .contains("Citizens will see it as cancelled", "iCalendar feed", "reschedule it");
            PageReview.review("desk-event-cancel", page.url(), page.content());

            // keeping it changes nothing
            assertThat(follow(page, "Keep it")).isEqualTo(200);
            assertThat(page.url()).startsWith(address);
            admin(id).body("status", equalTo("scheduled"));

            // the confirmation without the form token is refused
            page.navigate(base + "console/editor/events/" + id + "/cancel?lang=en");
            String version = page.locator("input[name=version]").inputValue();
            APIResponse forged = context.request()
                    .post(
                            base + "console/editor/events/" + id + "/cancel?lang=en",
                            RequestOptions.create().setForm(FormData.create().set("version", version)));
            assertThat(forged.status()).isEqualTo(403);
            admin(id).body("status", equalTo("scheduled"));

            assertThat(press(page, "Cancel the event")).isEqualTo(303);
            assertThat(page.locator("[role=status]").textContent()).contains("Cancelled");
            admin(id).body("status", equalTo("cancelled"));
            given().get("/events/" + slug + "?lang=en").then().statusCode(200).body(containsString("Cancelled"));
            given().get("/api/v1/events.ics?campaign=" + tag)
                    .then()
                    .statusCode(200)
                    .body(containsString("STATUS:CANCELLED"), containsString("July 30 rally " + tag));
            // a cancelled event cannot be cancelled again: the question says so and offers no button
            assertThat(page.navigate(base + "console/editor/events/" + id + "/cancel?lang=en")
                            .status())
                    .isEqualTo(409);
            assertThat(page.locator("[role=alert]").textContent()).contains("cannot be done in its present state");
            assertThat(page.locator("form[action*='/cancel']").count()).isZero();

            // a delete at a version someone else has replaced deletes nothing
            page.navigate(address);
            assertThat(follow(page, "Delete…")).isEqualTo(200);
            assertThat(page.locator("main").textContent())
                    .contains("only by its absence")
                    .doesNotContain("cancel it instead");
            PageReview.review("desk-event-delete", page.url(), page.content());
            long current = admin(id).extract().jsonPath().getLong("version");
            EventFixtures.replace(
                    id,
                    current,
                    EventFixtures.body("Their rally " + tag, "2027-07-30T07:30:00", "2027-07-30T10:00:00", tag));
            assertThat(press(page, "Delete the event")).isEqualTo(409);
            assertThat(page.locator("[role=alert]").textContent()).contains("Someone else changed this");
            admin(id).body("title", equalTo("Their rally " + tag));

            assertThat(follow(page, "Delete…")).isEqualTo(200);
            assertThat(press(page, "Delete the event")).isEqualTo(303);
            assertThat(page.url()).startsWith(base + "console/editor/events?");
            assertThat(page.locator("[role=status]").textContent()).contains("Deleted.");
            assertThat(page.locator("main").textContent()).doesNotContain("Their rally " + tag);
            PageReview.review("desk-events-deleted", page.url(), page.content());
        }
        given().header("Authorization", Tokens.editor())
                .get(EventFixtures.ADMIN + "/" + id)
                .then()
                .statusCode(404);
        given().get("/events/" + slug + "?lang=en").then().statusCode(404);
    }

    private static ValidatableResponse admin(long id) {
        return given().header("Authorization", Tokens.editor())
                .get(EventFixtures.ADMIN + "/" + id)
                .then()
                .statusCode(200);
    }
}
