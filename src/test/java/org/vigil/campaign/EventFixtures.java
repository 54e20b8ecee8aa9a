package org.vigil.campaign;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.vigil.testsupport.Tokens;

/** Events made through the admin API; each test uses its own campaign tag so its lists hold only its events. */
final class EventFixtures {

    static final String ADMIN = "/api/v1/admin/events";

    private EventFixtures() {}

    /** A campaign tag no other test uses. */
    static String uniqueTag() {
        return "t-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A valid request body: title, times and campaign; tests add or replace fields. */
    static Map<String, Object> body(String title, String start, String end, String campaign) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("start", start);
        body.put("end", end);
        body.put("campaign", campaign);
        return body;
    }

    static ExtractableResponse<Response> create(Map<String, Object> body) {
        return given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(ADMIN)
                .then()
                .statusCode(201)
                .extract();
    }

    static long createId(Map<String, Object> body) {
        return create(body).jsonPath().getLong("id");
    }

    static ExtractableResponse<Response> action(long id, String action, long version) {
        return given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"" + version + "\"")
                .when()
                .post(ADMIN + "/" + id + "/" + action)
                .then()
                .statusCode(200)
                .extract();
    }

    static ExtractableResponse<Response> replace(long id, long version, Map<String, Object> body) {
        return given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(200)
                .extract();
    }
}
