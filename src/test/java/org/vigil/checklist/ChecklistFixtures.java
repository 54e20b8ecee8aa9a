package org.vigil.checklist;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.testsupport.Tokens;

/** Builds checklist requests as editors send them, with unique slugs so that tests never collide. */
final class ChecklistFixtures {

    static final String ADMIN = "/api/v1/admin/checklists";
    static final String PUBLIC = "/api/v1/checklists";

    private ChecklistFixtures() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> item(String id, int weight) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("text", "Is " + id + " true?");
        item.put("weight", weight);
        return item;
    }

    static Map<String, Object> band(Object minPercent, String advice) {
        Map<String, Object> band = new LinkedHashMap<>();
        band.put("minPercent", minPercent);
        band.put("advice", advice);
        return band;
    }

    /**
     * A valid English checklist: items a..d weigh 4, 3, 2, 1 (maximum 10, so every score 0..10 can be
     * reached), medium from 30 %, high from 60 %.
     */
    static Map<String, Object> checklist(String slug) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("lang", "en");
        body.put("translationKey", slug);
        body.put("scamType", "fake-job-abroad");
        body.put("title", "Title of " + slug);
        body.put("introduction", "Answer honestly.");
        body.put("items", new ArrayList<>(List.of(item("a", 4), item("b", 3), item("c", 2), item("d", 1))));
        Map<String, Object> bands = new LinkedHashMap<>();
        bands.put("low", band(0, "low advice"));
        bands.put("medium", band(30, "medium advice"));
        bands.put("high", band(60, "high advice"));
        body.put("bands", bands);
        body.put("relatedArticles", new ArrayList<>(List.of("fake-jobs-abroad")));
        return body;
    }

    static Response post(Map<String, Object> body) {
        return given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(body)
                .post(ADMIN);
    }

    /** Creates the checklist and returns its id. */
    static long create(Map<String, Object> body) {
        return post(body).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static String etag(long id) {
        return given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    static void publish(long id) {
        given().header("Authorization", Tokens.editor())
                .header("If-Match", etag(id))
                .post(ADMIN + "/" + id + "/publish")
                .then()
                .statusCode(200);
    }

    static long createPublished(Map<String, Object> body) {
        long id = create(body);
        publish(id);
        return id;
    }
}
