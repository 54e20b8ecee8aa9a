package org.vigil.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.PageReview;

/** Campaign events in a real browser: filtered by region and month, with schema.org Event and calendar links. */
@QuarkusTest
class EventPagesTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCitizenFindsAnEventByRegionAndMonthAndAddsItToTheCalendar() throws Exception {
        String tag = EventFixtures.uniqueTag();
        Map<String, Object> body =
                EventFixtures.body("Mít tinh 30/7 " + tag, "2031-07-30T07:30:00", "2031-07-30T09:30:00", tag);
        body.put("region", "khanh-hoa.phan-rang");
        body.put("venue", "Quảng trường 16 Tháng 4");
        body.put("organiser", "Công an tỉnh");
        String slug = EventFixtures.create(body).path("slug");
        Map<String, Object> elsewhere =
                EventFixtures.body("Elsewhere " + tag, "2031-07-30T07:30:00", "2031-07-30T09:30:00", tag);
        elsewhere.put("region", "lam-dong");
        EventFixtures.create(elsewhere);

        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = context.newPage();
            page.navigate(base + "events?lang=vi");
            page.locator("#region").selectOption("khanh-hoa");
            page.locator("#month").fill("2031-07");
            page.getByText("Lọc").click();
            assertThat(page.locator("main").textContent())
                    .contains("Mít tinh 30/7 " + tag)
                    .doesNotContain("Elsewhere " + tag);
            assertThat(page.locator("a[href^='webcal://']").getAttribute("href"))
                    .startsWith("webcal://localhost:8080/api/v1/events.ics?lang=vi&region=khanh-hoa");
            PageReview.review("events-filtered", page.url());
            page.getByText("Mít tinh 30/7 " + tag).click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Mít tinh 30/7 " + tag);
            JsonNode data = new ObjectMapper()
                    .readTree(page.locator("script[type='application/ld+json']").textContent());
            assertThat(data.path("@type").asText()).isEqualTo("Event");
            assertThat(data.path("startDate").asText()).isEqualTo("2031-07-30T07:30+07:00");
            assertThat(data.path("location").path("name").asText()).isEqualTo("Quảng trường 16 Tháng 4");
            assertThat(data.path("eventStatus").asText()).isEqualTo("https://schema.org/EventScheduled");
            assertThat(page.locator("a[href$='.ics']").getAttribute("href")).isEqualTo("/events/" + slug + ".ics");
        }
        String ics = given().get("/events/" + slug + ".ics")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"))
                .header("ETag", startsWith("\""))
                .extract()
                .asString()
                .replace("\r\n ", "");
        assertThat(ics).contains("SUMMARY;LANGUAGE=vi:Mít tinh 30/7 " + tag).containsOnlyOnce("BEGIN:VEVENT");
        given().queryParam("month", "tháng bảy")
                .get("/events")
                .then()
                .statusCode(400)
                .contentType(startsWith("text/html"))
                .body(containsString("Hãy chọn một tháng"), containsString("value=\"tháng bảy\""));
        given().get("/events/no-such-event.ics").then().statusCode(404);
        PageReview.review("events", base + "events?lang=en");
        PageReview.review("event", base + "events/" + slug);
    }
}
