package org.vigil.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.vigil.campaign.EventFixtures.action;
import static org.vigil.campaign.EventFixtures.body;
import static org.vigil.campaign.EventFixtures.create;
import static org.vigil.campaign.EventFixtures.createId;
import static org.vigil.campaign.EventFixtures.replace;
import static org.vigil.campaign.EventFixtures.uniqueTag;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventPublicTest {

    private static final String EVENTS = "/api/v1/events";

    @Test
    void listsUpcomingEventsByStartTimeInKeysetPages() {
        String tag = uniqueTag();
        long third = createId(body("Third " + tag, "2027-03-03T08:00:00", "2027-03-03T09:00:00", tag));
        long first = createId(body("First " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag));
        long second = createId(body("Second " + tag, "2027-03-02T08:00:00", "2027-03-02T09:00:00", tag));
        createId(body("Over " + tag, "2026-07-30T07:00:00", "2026-07-30T09:00:00", tag));
        // started an hour ago, ends in an hour: still upcoming for someone on the way
        LocalDateTime now = LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        DateTimeFormatter iso = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
        long ongoing = createId(body(
                "Ongoing " + tag,
                now.minusHours(1).withNano(0).format(iso),
                now.plusHours(1).withNano(0).format(iso),
                tag));

        ExtractableResponse<Response> page1 = given().get(EVENTS + "?campaign=" + tag + "&limit=2")
                .then()
                .statusCode(200)
                .body("nextCursor", notNullValue())
                .extract();
        assertThat(page1.jsonPath().getList("items.id", Long.class)).containsExactly(ongoing, first);

        ExtractableResponse<Response> page2 = given().get(EVENTS + "?campaign=" + tag + "&limit=2&cursor="
                        + page1.jsonPath().getString("nextCursor"))
                .then()
                .statusCode(200)
                .extract();
        assertThat(page2.jsonPath().getList("items.id", Long.class)).containsExactly(second, third);
        assertThat(page2.jsonPath().getString("nextCursor")).isNull();
    }

    @Test
    void emptyListIsOkWithNoItems() {
        given().get(EVENTS + "?campaign=" + uniqueTag())
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("items", hasSize(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void fromAndToSelectWholeLocalDaysAndPastEvents() {
        String tag = uniqueTag();
        // 20:00 on March 5 in Vietnam is 13:00Z; 00:30 on March 6 is still March 5 in UTC
        long lateOnFifth = createId(body("Evening " + tag, "2027-03-05T20:00:00", "2027-03-05T21:00:00", tag));
        createId(body("Night " + tag, "2027-03-06T00:30:00", "2027-03-06T01:30:00", tag));
        long past = createId(body("Rally " + tag, "2026-07-30T07:00:00", "2026-07-30T09:00:00", tag));

        given().get(EVENTS + "?campaign=" + tag + "&from=2027-03-05&to=2027-03-05")
                .then()
                .statusCode(200)
                .body("items.id", contains((int) lateOnFifth));
        given().get(EVENTS + "?campaign=" + tag + "&from=2026-07-01&to=2026-07-31")
                .then()
                .statusCode(200)
                .body("items.id", contains((int) past));
        given().get(EVENTS + "?campaign=" + tag + "&from=2027-03-05T13:30:00Z&to=2027-03-05T17:00:00Z")
                .then()
                .statusCode(200)
                .body("items.id", contains((int) lateOnFifth));
        given().queryParam("campaign", tag)
                .queryParam("from", "2027-03-05T21:00:00+07:00")
                .get(EVENTS)
                .then()
                .statusCode(200)
                .body("items.title", contains("Night " + tag));
        // an unencoded + arrives as a space; it is read as the offset it was meant to be
        given().urlEncodingEnabled(false)
                .get(EVENTS + "?campaign=" + tag + "&from=2027-03-05T21:00:00+07:00")
                .then()
                .statusCode(200)
                .body("items.title", contains("Night " + tag));
    }

    @Test
    void badQueryParametersAreProblems() {
        given().get(EVENTS + "?from=2027-03-06&to=2027-03-05")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().get(EVENTS + "?from=next-tuesday").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().get(EVENTS + "?to=2027-02-30").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().get(EVENTS + "?status=sideways").then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().get(EVENTS + "?region=khanh%25hoa").then().statusCode(400).body("errors[0].field", equalTo("region"));
        given().get(EVENTS + "?lang=xx").then().statusCode(400).body("errors[0].field", equalTo("lang"));
        given().get(EVENTS + "?cursor=bm90LWEtY3Vyc29y")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().get(EVENTS + "?limit=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().get(EVENTS + "?limit=1000").then().statusCode(200);
    }

    @Test
    void filtersByLanguageRegionAndStatus() {
        String tag = uniqueTag();
        Map<String, Object> vi = body("Mít tinh " + tag, "2027-07-30T07:00:00", "2027-07-30T09:00:00", tag);
        vi.put("region", "khanh-hoa.phan-rang");
        long viId = createId(vi);
        Map<String, Object> en = body("Rally " + tag, "2027-07-30T07:00:00", "2027-07-30T09:00:00", tag);
        en.put("lang", "en");
        en.put("region", "khanh-hoa.phan-rang");
        long enId = createId(en);
        Map<String, Object> elsewhere = body("Gặp gỡ " + tag, "2027-08-01T07:00:00", "2027-08-01T09:00:00", tag);
        elsewhere.put("region", "lam-dong");
        long elsewhereId = createId(elsewhere);
        action(elsewhereId, "cancel", 0);

        given().get(EVENTS + "?campaign=" + tag)
                .then()
                .header("Content-Language", "vi")
                .body("items.id", contains((int) viId, (int) elsewhereId));
        given().header("Accept-Language", "en-GB,en;q=0.9")
                .get(EVENTS + "?campaign=" + tag)
                .then()
                .header("Content-Language", "en")
                .body("items.id", contains((int) enId));
        given().header("Accept-Language", "en")
                .get(EVENTS + "?campaign=" + tag + "&lang=vi")
                .then()
                .body("items.id", contains((int) viId, (int) elsewhereId));
        given().get(EVENTS + "?campaign=" + tag + "&region=khanh-hoa").then().body("items.id", contains((int) viId));
        given().get(EVENTS + "?campaign=" + tag + "&region=khanh-hoa.phan-rang")
                .then()
                .body("items.id", contains((int) viId));
        given().get(EVENTS + "?campaign=" + tag + "&region=khanh").then().body("items", hasSize(0));
        given().get(EVENTS + "?campaign=" + tag + "&status=cancelled")
                .then()
                .body("items.id", contains((int) elsewhereId))
                .body("items[0].status", equalTo("cancelled"));
    }

    @Test
    void listAnswersNotModifiedUntilAnEventChanges() {
        String tag = uniqueTag();
        Map<String, Object> body = body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);
        long id = createId(body);
        String url = EVENTS + "?campaign=" + tag;

        String etag = given().get(url)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", containsString("public, max-age="))
                .header("Vary", containsString("Accept-Language"))
                .header("Content-Language", "vi")
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag).get(url).then().statusCode(304).body(emptyString());
        assertThat(given().get(url).then().extract().header("ETag"))
                .as("same version, same ETag")
                .isEqualTo(etag);
        given().header("If-None-Match", etag).get(url + "&limit=5").then().statusCode(200);

        body.put("title", "Talk in the main hall " + tag);
        replace(id, 0, body);

        String changed = given().header("If-None-Match", etag)
                .get(url)
                .then()
                .statusCode(200)
                .body("items[0].title", equalTo("Talk in the main hall " + tag))
                .extract()
                .header("ETag");
        assertThat(changed).isNotEqualTo(etag);

        createId(body("Another " + tag, "2027-03-02T08:00:00", "2027-03-02T09:00:00", tag));
        given().header("If-None-Match", changed).get(url).then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void oneEventBySlugWithConditionalGet() {
        String tag = uniqueTag();
        Map<String, Object> body = body("Rally " + tag, "2027-07-30T07:00:00", "2027-07-30T09:30:00", tag);
        body.put("lang", "en");
        body.put("coordinates", Map.of("lat", 11.5636, "lon", 108.9886));
        ExtractableResponse<Response> created = create(body);
        String slug = created.jsonPath().getString("slug");

        String etag = given().get(EVENTS + "/" + slug)
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .header("Cache-Control", containsString("public, max-age="))
                .header("Vary", containsString("Accept-Language"))
                .body("id", equalTo(created.jsonPath().getInt("id")))
                .body("start", equalTo("2027-07-30T07:00:00"))
                .body("end", equalTo("2027-07-30T09:30:00"))
                .body("zone", equalTo("Asia/Ho_Chi_Minh"))
                .body("startsAt", equalTo("2027-07-30T00:00:00Z"))
                .body("endsAt", equalTo("2027-07-30T02:30:00Z"))
                .body("status", equalTo("scheduled"))
                .body("version", equalTo(0))
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get(EVENTS + "/" + slug)
                .then()
                .statusCode(304)
                .body(emptyString());

        action(created.jsonPath().getLong("id"), "postpone", 0);
        given().header("If-None-Match", etag)
                .get(EVENTS + "/" + slug)
                .then()
                .statusCode(200)
                .body("status", equalTo("postponed"))
                .body("version", equalTo(1));

        given().get(EVENTS + "/no-such-event-" + tag).then().statusCode(404).contentType("application/problem+json");
    }
}
