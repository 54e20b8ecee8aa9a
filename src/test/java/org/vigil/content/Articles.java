package org.vigil.content;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.testsupport.Tokens;

/** Test data through the editors' API: unique slugs and tags, so tests never see each other's articles. */
final class Articles {

    static final String ADMIN = "/api/v1/admin/articles";

    private Articles() {}

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid request body; tests change fields of it. */
    static Map<String, Object> body(String slug, String lang, String tag) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("lang", lang);
        body.put("category", "online-fraud");
        body.put("title", "Cảnh giác lừa đảo " + slug);
        body.put("summary", "Tóm tắt " + slug);
        body.put("bodyMarkdown", "## Dấu hiệu\n\n- Hứa hẹn lợi nhuận cao\n- Yêu cầu chuyển tiền\n");
        body.put("tags", List.of(tag));
        body.put("source", "Công an tỉnh");
        body.put("licence", "CC BY 4.0");
        return body;
    }

    static ValidatableResponse post(Map<String, Object> body) {
        return given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(body)
                .post(ADMIN)
                .then();
    }

    static long create(Map<String, Object> body) {
        return post(body).statusCode(201).extract().jsonPath().getLong("id");
    }

    static long createPublished(Map<String, Object> body) {
        long id = create(body);
        publish(id);
        return id;
    }

    static ValidatableResponse change(long id, String action) {
        return given().header("Authorization", Tokens.editor())
                .header("If-Match", current(id))
                .post(ADMIN + "/" + id + "/" + action)
                .then();
    }

    static void publish(long id) {
        change(id, "publish").statusCode(200);
    }

    static void withdraw(long id) {
        change(id, "withdraw").statusCode(200);
    }

    static void delete(long id) {
        given().header("Authorization", Tokens.editor())
                .header("If-Match", current(id))
                .delete(ADMIN + "/" + id)
                .then()
                .statusCode(204);
    }

    static String etag(long id) {
        return given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** The ETag to send in If-Match: the article's current one, or "*" for an id without an article (a 404 then). */
    static String current(long id) {
        var read = given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .extract();
        return read.statusCode() == 200 ? read.header("ETag") : "*";
    }

    static ValidatableResponse put(long id, String ifMatch, Map<String, Object> body) {
        var request = given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(ADMIN + "/" + id).then();
    }
}
