package org.vigil.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.vigil.campaign.EventFixtures.ADMIN;
import static org.vigil.campaign.EventFixtures.action;
import static org.vigil.campaign.EventFixtures.body;
import static org.vigil.campaign.EventFixtures.create;
import static org.vigil.campaign.EventFixtures.createId;
import static org.vigil.campaign.EventFixtures.replace;
import static org.vigil.campaign.EventFixtures.uniqueTag;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Tokens;

@QuarkusTest
class EventAdminTest {

    @Inject
    EntityManager entityManager;

    @Test
    void createdEventGetsDefaultsGeneratedSlugLocationAndEtag() {
        String tag = uniqueTag();
        ExtractableResponse<Response> created = create(body(
                "Đối thoại với ngư dân về xuất cảnh trái phép " + tag,
                "2027-03-05T07:30:00",
                "2027-03-05T09:00:00",
                tag));

        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith(ADMIN + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.jsonPath().getString("slug"))
                .isEqualTo("doi-thoai-voi-ngu-dan-ve-xuat-canh-trai-phep-" + tag);
        assertThat(created.jsonPath().getString("zone")).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(created.jsonPath().getString("lang")).isEqualTo("vi");
        assertThat(created.jsonPath().getString("status")).isEqualTo("scheduled");
        assertThat(created.jsonPath().getString("start")).isEqualTo("2027-03-05T07:30:00");
        assertThat(created.jsonPath().getString("startsAt")).isEqualTo("2027-03-05T00:30:00Z");
        assertThat(created.jsonPath().getString("endsAt")).isEqualTo("2027-03-05T02:00:00Z");
        assertThat(created.jsonPath().getLong("version")).isZero();

        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .header("Cache-Control", "no-store")
                .body("title", equalTo("Đối thoại với ngư dân về xuất cảnh trái phép " + tag))
                .body("updatedAt", equalTo(created.jsonPath().getString("updatedAt")));
    }

    @Test
    void storesTheWallClockTimeAsWrittenAndTheInstantInUtc() {
        String tag = uniqueTag();
        long id = createId(body("Talk " + tag, "2027-03-05T07:30:00", "2027-03-05T09:00:00", tag));

        // whatever the JVM's zone, the local column holds what the editor wrote
        Object[] row = (Object[]) entityManager
                .createNativeQuery(
                        "select cast(local_start as char), cast(starts_at as char), time_zone from campaign_event where id = ?1")
                .setParameter(1, id)
                .getSingleResult();
        assertThat(row).containsExactly("2027-03-05 07:30:00", "2027-03-05 00:30:00.000000", "Asia/Ho_Chi_Minh");
    }

    @Test
    void keepsEveryEditorFieldAsWritten() {
        String tag = uniqueTag();
        Map<String, Object> body = body("Rally " + tag, "2027-07-30T07:00:00", "2027-07-30T09:30:00", tag);
        body.put("slug", "rally-" + tag);
        body.put("description", "Decision 793/QD-TTg");
        body.put("zone", "Asia/Bangkok");
        body.put("venue", "16 April Square");
        body.put("address", "Phan Rang Ward, Khanh Hoa");
        body.put("coordinates", Map.of("lat", 11.5636, "lon", 108.9886));
        body.put("region", "khanh-hoa.phan-rang");
        body.put("organiser", "Provincial Police");
        body.put("audience", List.of("students", "union-members"));
        body.put("lang", "en");

        create(body);

        given().get("/api/v1/events/rally-" + tag)
                .then()
                .statusCode(200)
                .body("description", equalTo("Decision 793/QD-TTg"))
                .body("zone", equalTo("Asia/Bangkok"))
                .body("venue", equalTo("16 April Square"))
                .body("address", equalTo("Phan Rang Ward, Khanh Hoa"))
                .body("coordinates.lat", equalTo(11.5636f))
                .body("coordinates.lon", equalTo(108.9886f))
                .body("region", equalTo("khanh-hoa.phan-rang"))
                .body("organiser", equalTo("Provincial Police"))
                .body("audience", contains("students", "union-members"))
                .body("campaign", equalTo(tag))
                .body("lang", equalTo("en"));
    }

    @Test
    void sameTitleTwiceGetsANumberedSlug() {
        String tag = uniqueTag();
        String first = create(body("Nói chuyện tại trường " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag))
                .jsonPath()
                .getString("slug");
        String second = create(body("Nói chuyện tại trường " + tag, "2027-03-08T08:00:00", "2027-03-08T09:00:00", tag))
                .jsonPath()
                .getString("slug");

        assertThat(first).isEqualTo("noi-chuyen-tai-truong-" + tag);
        assertThat(second).isEqualTo(first + "-2");
    }

    @Test
    void suppliedSlugThatIsTakenIsAConflictNamingSlug() {
        String tag = uniqueTag();
        Map<String, Object> body = body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);
        body.put("slug", "talk-" + tag);
        create(body);

        given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(body)
                .post(ADMIN)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", contains("slug"));
        given().get("/api/v1/events?campaign=" + tag).then().body("items", hasSize(1));
    }

    @Test
    void zoneMustBeAnIanaZone() {
        String tag = uniqueTag();
        for (String zone : List.of("Mars/Olympus", "+07:00", "GMT+7")) {
            Map<String, Object> body = body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);
            body.put("zone", zone);
            given().header("Authorization", Tokens.editor())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(ADMIN)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("zone"));
        }
        given().get("/api/v1/events?campaign=" + tag).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void endMustComeAfterStart() {
        String tag = uniqueTag();
        for (String end : List.of("2027-03-01T08:00:00", "2027-03-01T07:59:00")) {
            given().header("Authorization", Tokens.editor())
                    .contentType(ContentType.JSON)
                    .body(body("Talk " + tag, "2027-03-01T08:00:00", end, tag))
                    .post(ADMIN)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("end"));
        }
        given().get("/api/v1/events?campaign=" + tag).then().body("items", hasSize(0));
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() {
        String tag = uniqueTag();
        Map<String, Object> body = body("", "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);
        body.put("coordinates", Map.of("lat", 91, "lon", 108.9));
        body.put("audience", List.of("Học sinh"));
        body.put("slug", "Not A Slug");
        body.put("region", "khanh hoa");
        given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(body)
                .post(ADMIN)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("title", "coordinates.lat", "audience[0]", "slug", "region"));

        Map<String, Object> noLon = body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);
        noLon.put("coordinates", Map.of("lat", 11.5));
        given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(noLon)
                .post(ADMIN)
                .then()
                .statusCode(400)
                .body("errors.field", contains("coordinates.lon"));

        Map<String, Object> badLang = body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);
        badLang.put("lang", "xx");
        given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(badLang)
                .post(ADMIN)
                .then()
                .statusCode(400)
                .body("errors.field", contains("lang"));

        given().get("/api/v1/events?campaign=" + tag).then().body("items", hasSize(0));
    }

    @Test
    void unreadableTimesAndUnknownFieldsAreBadRequests() {
        String tag = uniqueTag();
        Map<String, Object> badStart = body("Talk " + tag, "2027-13-01T08:00:00", "2027-03-01T09:00:00", tag);
        given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(badStart)
                .post(ADMIN)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("start"));

        Map<String, Object> withStatus = body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);
        withStatus.put("status", "cancelled");
        given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(withStatus)
                .post(ADMIN)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("status"));

        Map<String, Object> noStart = body("Talk " + tag, null, "2027-03-01T09:00:00", tag);
        given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(noStart)
                .post(ADMIN)
                .then()
                .statusCode(400)
                .body("errors.field", contains("start"));

        given().get("/api/v1/events?campaign=" + tag).then().body("items", hasSize(0));
    }

    @Test
    void updateNeedsTheCurrentVersionInIfMatch() {
        String tag = uniqueTag();
        Map<String, Object> body = body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);
        ExtractableResponse<Response> created = create(body);
        long id = created.jsonPath().getLong("id");
        body.put("title", "Talk moved to the hall " + tag);

        given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(body)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"7\"")
                .contentType(ContentType.JSON)
                .body(body)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");

        ExtractableResponse<Response> updated = replace(id, 0, body);
        assertThat(updated.header("ETag")).isEqualTo("\"1\"");
        assertThat(updated.jsonPath().getLong("version")).isEqualTo(1);
        assertThat(updated.jsonPath().getString("title")).isEqualTo("Talk moved to the hall " + tag);
        assertThat(updated.jsonPath().getString("slug"))
                .as("slug kept when absent")
                .isEqualTo(created.jsonPath().getString("slug"));
        assertThat(updated.jsonPath().getString("updatedAt"))
                .isNotEqualTo(created.jsonPath().getString("updatedAt"));

        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(body)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(412);
    }

    @Test
    void invalidUpdateChangesNothing() {
        String tag = uniqueTag();
        Map<String, Object> body = body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);
        long id = createId(body);
        body.put("title", "Changed " + tag);
        body.put("zone", "Nowhere/Land");

        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(body)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", contains("zone"));

        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .body("title", equalTo("Talk " + tag))
                .body("version", equalTo(0));
    }

    @Test
    void postponeCancelAndRescheduleMoveTheStatusAndRaiseTheVersion() {
        String tag = uniqueTag();
        long id = createId(body("Gặp gỡ ngư dân " + tag, "2027-01-16T08:00:00", "2027-01-16T10:30:00", tag));

        assertThat(action(id, "postpone", 0).jsonPath().getString("status")).isEqualTo("postponed");
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"1\"")
                .post(ADMIN + "/" + id + "/postpone")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        ExtractableResponse<Response> cancelled = action(id, "cancel", 1);
        assertThat(cancelled.jsonPath().getString("status")).isEqualTo("cancelled");
        assertThat(cancelled.header("ETag")).isEqualTo("\"2\"");
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"2\"")
                .post(ADMIN + "/" + id + "/cancel")
                .then()
                .statusCode(409);

        ExtractableResponse<Response> rescheduled = given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"2\"")
                .contentType(ContentType.JSON)
                .body(Map.of("start", "2027-02-20T08:00:00", "end", "2027-02-20T10:00:00"))
                .post(ADMIN + "/" + id + "/reschedule")
                .then()
                .statusCode(200)
                .extract();
        assertThat(rescheduled.jsonPath().getString("status")).isEqualTo("scheduled");
        assertThat(rescheduled.jsonPath().getString("start")).isEqualTo("2027-02-20T08:00:00");
        assertThat(rescheduled.jsonPath().getString("zone")).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(rescheduled.jsonPath().getLong("version")).isEqualTo(3);
    }

    @Test
    void statusActionsNeedIfMatchAndValidTimes() {
        String tag = uniqueTag();
        long id = createId(body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag));

        given().header("Authorization", Tokens.editor())
                .post(ADMIN + "/" + id + "/cancel")
                .then()
                .statusCode(428);
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"5\"")
                .post(ADMIN + "/" + id + "/postpone")
                .then()
                .statusCode(412);
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(Map.of("start", "2027-03-02T08:00:00", "end", "2027-03-02T07:00:00", "zone", "Asia/Ho_Chi_Minh"))
                .post(ADMIN + "/" + id + "/reschedule")
                .then()
                .statusCode(400)
                .body("errors.field", contains("end"));

        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .body("status", equalTo("scheduled"))
                .body("version", equalTo(0));
    }

    @Test
    void deletedEventIsGoneEverywhere() {
        String tag = uniqueTag();
        ExtractableResponse<Response> created =
                create(body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag));
        long id = created.jsonPath().getLong("id");

        given().header("Authorization", Tokens.editor())
                .delete(ADMIN + "/" + id)
                .then()
                .statusCode(428);
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"0\"")
                .delete(ADMIN + "/" + id)
                .then()
                .statusCode(204);

        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/events/" + created.jsonPath().getString("slug"))
                .then()
                .statusCode(404);
        given().get("/api/v1/events?campaign=" + tag).then().body("items", hasSize(0));
    }

    @Test
    void unknownEventIsNotFound() {
        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/999999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"0\"")
                .post(ADMIN + "/999999999/cancel")
                .then()
                .statusCode(404);
    }

    @Test
    void editorsOnly() {
        String tag = uniqueTag();
        Map<String, Object> body = body("Talk " + tag, "2027-03-01T08:00:00", "2027-03-01T09:00:00", tag);

        given().contentType(ContentType.JSON)
                .body(body)
                .post(ADMIN)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("officer-1", "officer"))
                .contentType(ContentType.JSON)
                .body(body)
                .post(ADMIN)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get(ADMIN).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("officer-1", "officer"))
                .get(ADMIN)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        given().get("/api/v1/events?campaign=" + tag).then().body("items", hasSize(0));
    }

    @Test
    void editorListIncludesPastEventsAllLanguagesAndPagesByStart() {
        String tag = uniqueTag();
        Map<String, Object> past = body("Past " + tag, "2026-07-30T07:00:00", "2026-07-30T09:00:00", tag);
        Map<String, Object> english = body("English " + tag, "2027-05-01T08:00:00", "2027-05-01T09:00:00", tag);
        english.put("lang", "en");
        long later = createId(body("Later " + tag, "2027-06-01T08:00:00", "2027-06-01T09:00:00", tag));
        long pastId = createId(past);
        long englishId = createId(english);

        ExtractableResponse<Response> first = given().header("Authorization", Tokens.editor())
                .get(ADMIN + "?campaign=" + tag + "&limit=2")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("nextCursor", notNullValue())
                .extract();
        assertThat(first.jsonPath().getList("items.id", Long.class)).containsExactly(pastId, englishId);

        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "?campaign=" + tag + "&limit=2&cursor="
                        + first.jsonPath().getString("nextCursor"))
                .then()
                .statusCode(200)
                .body("items.id", contains((int) later))
                .body("nextCursor", nullValue());

        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "?campaign=" + tag + "&lang=en")
                .then()
                .body("items.id", contains((int) englishId));
        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "?campaign=" + tag + "&status=sideways")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("status"));
    }
}
