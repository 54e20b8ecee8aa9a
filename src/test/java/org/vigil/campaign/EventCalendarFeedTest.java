package org.vigil.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.vigil.campaign.EventFixtures.action;
import static org.vigil.campaign.EventFixtures.body;
import static org.vigil.campaign.EventFixtures.create;
import static org.vigil.campaign.EventFixtures.createId;
import static org.vigil.campaign.EventFixtures.replace;
import static org.vigil.campaign.EventFixtures.uniqueTag;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Tokens;

@QuarkusTest
class EventCalendarFeedTest {

    private static final String FEED = "/api/v1/events.ics";

    @Test
    void feedIsAValidCalendarWithTheEventsData() throws Exception {
        String tag = uniqueTag();
        Map<String, Object> body = body(
                "Mít tinh hưởng ứng Ngày toàn quốc phòng, chống mua bán người 30/7 " + tag,
                "2027-07-30T07:30:00",
                "2027-07-30T09:30:00",
                tag);
        body.put("description", "Theo Quyết định số 793/QĐ-TTg.\nXin mời đoàn viên, thanh niên; học sinh tham dự.");
        body.put("venue", "Quảng trường 16 Tháng 4");
        body.put("address", "Phường Phan Rang, tỉnh Khánh Hòa");
        body.put("coordinates", Map.of("lat", 11.5636, "lon", 108.9886));
        ExtractableResponse<Response> created = create(body);
        long id = created.jsonPath().getLong("id");

        ExtractableResponse<Response> response = given().get(FEED + "?campaign=" + tag + "&lang=vi")
                .then()
                .statusCode(200)
                .header("Content-Type", equalTo("text/calendar;charset=UTF-8"))
                .header("Content-Language", "vi")
                .header("Cache-Control", containsString("public, max-age="))
                .extract();
        String text = response.asString();
        Calendar calendar = parse(text);

        assertThat(calendar.validate().hasErrors())
                .as(calendar.validate().toString())
                .isFalse();
        assertThat(value(calendar, "VERSION")).isEqualTo("2.0");
        assertThat(value(calendar, "PRODID")).isEqualTo("-//Vigil//Campaign events//EN");
        assertThat(value(calendar, "X-WR-CALNAME")).contains("phòng, chống mua bán người");
        assertThat(value(calendar, "REFRESH-INTERVAL")).isEqualTo("PT6H");
        assertThat(value(calendar, "X-PUBLISHED-TTL")).isEqualTo("PT6H");
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones).extracting(z -> z.getTimeZoneId().getValue()).containsExactly("Asia/Ho_Chi_Minh");

        VEvent event = onlyEvent(calendar);
        assertThat(value(event, "UID")).isEqualTo("event-" + id + "@localhost");
        Property start = event.getProperty("DTSTART").orElseThrow();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(start.getValue()).isEqualTo("20270730T073000");
        assertThat(value(event, "DTEND")).isEqualTo("20270730T093000");
        assertThat(value(event, "DTSTAMP")).endsWith("Z");
        assertThat(value(event, "LAST-MODIFIED")).endsWith("Z");
        assertThat(value(event, "SUMMARY")).isEqualTo(body.get("title"));
        assertThat(event.getProperty("SUMMARY")
                        .orElseThrow()
                        .getParameter("LANGUAGE")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("vi");
        assertThat(value(event, "DESCRIPTION")).isEqualTo(body.get("description"));
        assertThat(value(event, "LOCATION")).isEqualTo("Quảng trường 16 Tháng 4, Phường Phan Rang, tỉnh Khánh Hòa");
        assertThat(value(event, "GEO")).isEqualTo("11.5636;108.9886");
        assertThat(value(event, "URL"))
                .isEqualTo("http://localhost:8080/api/v1/events/"
                        + created.jsonPath().getString("slug"));
        assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(event, "SEQUENCE")).isEqualTo("0");

        // RFC 5545 3.1: no line longer than 75 octets, however much Vietnamese it carries
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(text).doesNotContain("\n\n").endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void cancelledAndPostponedEventsStayInTheFeedWithTheirStatus() throws Exception {
        String tag = uniqueTag();
        long cancelled = createId(body("Chợ " + tag, "2026-12-19T06:30:00", "2026-12-19T08:30:00", tag));
        long postponed = createId(body("Ngư dân " + tag, "2027-01-16T08:00:00", "2027-01-16T10:30:00", tag));
        action(cancelled, "cancel", 0);
        action(postponed, "postpone", 0);

        Calendar calendar = parse(given().get(FEED + "?campaign=" + tag)
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertThat(statusOf(calendar, cancelled)).isEqualTo("CANCELLED");
        assertThat(statusOf(calendar, postponed)).isEqualTo("TENTATIVE");
        assertThat(eventWithUid(calendar, cancelled)
                        .orElseThrow()
                        .getProperty("SEQUENCE")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("1");
    }

    @Test
    void sequenceRisesWithEveryChange() throws Exception {
        String tag = uniqueTag();
        Map<String, Object> body = body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);
        long id = createId(body);
        int before = sequenceOf(id, tag);

        body.put("venue", "Main hall");
        replace(id, 0, body);
        int afterEdit = sequenceOf(id, tag);
        action(id, "cancel", 1);
        int afterCancel = sequenceOf(id, tag);

        assertThat(afterEdit).isGreaterThan(before);
        assertThat(afterCancel).isGreaterThan(afterEdit);
    }

    @Test
    void feedHoldsRecentAndFutureEventsAndFollowsRegionAndLanguage() throws Exception {
        String tag = uniqueTag();
        LocalDate today = LocalDate.now();
        long recent = createId(
                body("Recent " + tag, today.minusDays(10) + "T08:00:00", today.minusDays(10) + "T09:00:00", tag));
        long old =
                createId(body("Old " + tag, today.minusDays(60) + "T08:00:00", today.minusDays(60) + "T09:00:00", tag));
        Map<String, Object> elsewhere = body("Elsewhere " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);
        elsewhere.put("region", "lam-dong");
        long other = createId(elsewhere);
        Map<String, Object> here = body("Here " + tag, "2027-03-02T08:00:00", "2027-03-02T09:00:00", tag);
        here.put("region", "khanh-hoa.ca-na");
        long local = createId(here);
        Map<String, Object> english = body("English " + tag, "2027-03-02T08:00:00", "2027-03-02T09:00:00", tag);
        english.put("lang", "en");
        english.put("region", "khanh-hoa.ca-na");
        long englishId = createId(english);

        Calendar vi = parse(given().get(FEED + "?campaign=" + tag)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(uids(vi)).containsExactly(uid(recent), uid(other), uid(local));
        assertThat(uids(vi)).doesNotContain(uid(old));

        Calendar region = parse(given().get(FEED + "?campaign=" + tag + "&region=khanh-hoa")
                .then()
                .extract()
                .asString());
        assertThat(uids(region)).containsExactly(uid(local));

        Calendar en = parse(given().header("Accept-Language", "en")
                .get(FEED + "?campaign=" + tag + "&region=khanh-hoa")
                .then()
                .header("Content-Language", "en")
                .extract()
                .asString());
        assertThat(uids(en)).containsExactly(uid(englishId));
        assertThat(value(en, "X-WR-CALNAME")).isEqualTo("Vigil – Events against human trafficking and fraud");
    }

    @Test
    void eachZoneUsedGetsItsTimeZoneDefinition() throws Exception {
        String tag = uniqueTag();
        Map<String, Object> berlin = body("Conference call " + tag, "2027-03-28T02:30:00", "2027-03-28T04:00:00", tag);
        berlin.put("zone", "Europe/Berlin");
        long berlinId = createId(berlin);
        Map<String, Object> saigon = body("Alias " + tag, "2027-03-29T08:00:00", "2027-03-29T09:00:00", tag);
        saigon.put("zone", "Asia/Saigon");
        long saigonId = createId(saigon);
        createId(body("Default " + tag, "2027-03-30T08:00:00", "2027-03-30T09:00:00", tag));

        Calendar calendar = parse(given().get(FEED + "?campaign=" + tag)
                .then()
                .statusCode(200)
                .extract()
                .asString());

        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones)
                .extracting(z -> z.getTimeZoneId().getValue())
                .containsExactlyInAnyOrder("Europe/Berlin", "Asia/Ho_Chi_Minh");
        Property berlinStart = eventWithUid(calendar, berlinId)
                .orElseThrow()
                .getProperty("DTSTART")
                .orElseThrow();
        assertThat(berlinStart.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Berlin");
        // 02:30 on the night clocks go forward does not exist; java.time moves it to 03:30 CEST
        assertThat(berlinStart.getValue()).isEqualTo("20270328T033000");
        Property aliasStart = eventWithUid(calendar, saigonId)
                .orElseThrow()
                .getProperty("DTSTART")
                .orElseThrow();
        assertThat(aliasStart.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(aliasStart.getValue()).isEqualTo("20270329T080000");
    }

    @Test
    void deletedEventLeavesTheFeed() throws Exception {
        String tag = uniqueTag();
        long kept = createId(body("Kept " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag));
        long deleted = createId(body("Deleted " + tag, "2027-03-02T08:00:00", "2027-03-02T09:00:00", tag));
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"0\"")
                .delete(EventFixtures.ADMIN + "/" + deleted)
                .then()
                .statusCode(204);

        Calendar calendar = parse(given().get(FEED + "?campaign=" + tag)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(uids(calendar)).containsExactly(uid(kept));
    }

    @Test
    void feedAnswersNotModifiedUntilAnEventChanges() {
        String tag = uniqueTag();
        Map<String, Object> body = body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);
        long id = createId(body);
        String url = FEED + "?campaign=" + tag;

        String etag = given().get(url)
                .then()
                .statusCode(200)
                .header("Vary", containsString("Accept-Language"))
                .extract()
                .header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).get(url).then().statusCode(304).body(emptyString());

        action(id, "cancel", 0);
        given().header("If-None-Match", etag).get(url).then().statusCode(200).body(containsString("STATUS:CANCELLED"));
    }

    @Test
    void badFeedParametersAreProblems() {
        given().get(FEED + "?lang=xx")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lang"));
        given().get(FEED + "?region=a%20b")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("region"));
    }

    @Test
    void foldingNeverSplitsACharacter() {
        String line = "SUMMARY:" + "Mít tinh phòng, chống mua bán người 🇻🇳 ".repeat(6);
        String folded = EventCalendar.fold(line + "\r\n");

        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
        for (String physical : folded.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            // a lone half of a surrogate pair would not survive the round trip through UTF-8
            assertThat(new String(physical.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .isEqualTo(physical);
        }
    }

    private static int sequenceOf(long id, String tag) throws Exception {
        Calendar calendar = parse(given().get(FEED + "?campaign=" + tag)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        return Integer.parseInt(eventWithUid(calendar, id)
                .orElseThrow()
                .getProperty("SEQUENCE")
                .orElseThrow()
                .getValue());
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static String uid(long id) {
        return "event-" + id + "@localhost";
    }

    private static List<String> uids(Calendar calendar) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .map(e -> e.getProperty("UID").orElseThrow().getValue())
                .toList();
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static Optional<VEvent> eventWithUid(Calendar calendar, long id) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> e.getProperty("UID").orElseThrow().getValue().equals(uid(id)))
                .findFirst();
    }

    private static String statusOf(Calendar calendar, long id) {
        return eventWithUid(calendar, id)
                .orElseThrow()
                .getProperty("STATUS")
                .orElseThrow()
                .getValue();
    }

    private static String value(Calendar calendar, String property) {
        return calendar.getProperty(property).orElseThrow().getValue();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }
}
