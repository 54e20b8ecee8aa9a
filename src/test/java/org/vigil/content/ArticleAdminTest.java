package org.vigil.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.vigil.content.Articles.ADMIN;
import static org.vigil.content.Articles.body;
import static org.vigil.content.Articles.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Tokens;

@QuarkusTest
class ArticleAdminTest {

    @Test
    void createsADraftWithLocationAndVersionEtag() {
        String slug = "draft-" + unique();
        ExtractableResponse<Response> created = Articles.post(body(slug, "vi", "t-" + unique()))
                .statusCode(201)
                .body("status", equalTo("draft"))
                .body("slug", equalTo(slug))
                .body("publishedAt", nullValue())
                .body(
                        "bodyHtml",
                        equalTo(
                                "<h2>Dấu hiệu</h2>\n<ul>\n<li>Hứa hẹn lợi nhuận cao</li>\n<li>Yêu cầu chuyển tiền</li>\n</ul>\n"))
                .extract();
        long id = created.jsonPath().getLong("id");
        long version = created.jsonPath().getLong("version");
        assertThat(created.header("Location")).endsWith(ADMIN + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"" + version + "\"");

        given().header("Authorization", Tokens.editor())
                .get(created.header("Location"))
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"" + version + "\""))
                .body("slug", equalTo(slug));
        given().get("/api/v1/articles/" + slug).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void generatesAnAsciiSlugFromAVietnameseTitleAndKeepsItUnique() {
        String u = unique();
        Map<String, Object> body = body(null, "vi", "t-" + u);
        body.put("title", "Đường dây lừa đảo “việc nhẹ lương cao” " + u);
        Articles.post(body).statusCode(201).body("slug", equalTo("duong-day-lua-dao-viec-nhe-luong-cao-" + u));
        Articles.post(body).statusCode(201).body("slug", equalTo("duong-day-lua-dao-viec-nhe-luong-cao-" + u + "-2"));
    }

    @Test
    void aSlugThatIsTakenIsAConflict() {
        String slug = "taken-" + unique();
        Articles.create(body(slug, "vi", "t-" + unique()));
        Articles.post(body(slug, "en", "t-" + unique()))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
    }

    @Test
    void aSecondTranslationInTheSameLanguageIsAConflict() {
        String key = "key-" + unique();
        Map<String, Object> first = body("tr-" + unique(), "vi", "t-" + unique());
        first.put("translationKey", key);
        Articles.create(first);
        Map<String, Object> second = body("tr-" + unique(), "vi", "t-" + unique());
        second.put("translationKey", key);
        Articles.post(second).statusCode(409).contentType("application/problem+json");
        second.put("lang", "en");
        Articles.post(second).statusCode(201);
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsWritten() {
        String slug = "invalid-" + unique();
        Map<String, Object> body = body(slug, "vi", "t-" + unique());
        body.put("title", "x".repeat(201));
        body.put("summary", " ");
        body.put("tags", List.of("ok", "Not Kebab", "y".repeat(41)));
        Articles.post(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title", "summary", "tags[1]", "tags[2]"));

        Articles.create(body(slug, "vi", "t-" + unique())); // the slug was not taken by the refused request
    }

    @Test
    void unknownCategoryAndLanguageAndANonWebCanonicalUrlAreRefusedTogether() {
        String slug = "refused-" + unique();
        Map<String, Object> body = body(slug, "xx", "t-" + unique());
        body.put("category", "gambling");
        body.put("canonicalUrl", "javascript:alert(1)");
        Articles.post(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("lang", "category", "canonicalUrl"));
        Articles.create(body(slug, "vi", "t-" + unique()));
    }

    @Test
    void tooManyTagsAndAMissingSourceAreRefused() {
        Map<String, Object> body = body("tags-" + unique(), "vi", "t");
        body.put(
                "tags",
                java.util.stream.IntStream.range(0, 21)
                        .mapToObj(i -> "tag-" + i)
                        .toList());
        body.remove("source");
        Articles.post(body).statusCode(400).body("errors.field", containsInAnyOrder("tags", "source"));
    }

    @Test
    void aBodyOver100KilobytesIsRefused() {
        Map<String, Object> body = body("big-" + unique(), "vi", "t-" + unique());
        body.put("bodyMarkdown", "ừ".repeat(40_000)); // 40,000 characters but 120,000 bytes
        Articles.post(body).statusCode(400).body("errors.field", equalTo(List.of("bodyMarkdown")));
    }

    @Test
    void fieldsEditorsMayNotSetAreRefused() {
        Map<String, Object> body = body("status-" + unique(), "vi", "t-" + unique());
        body.put("status", "published");
        Articles.post(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("status"));
        body.remove("status");
        body.put("version", 7);
        Articles.post(body).statusCode(400).body("errors.field", hasItem("version"));
        body.remove("version");
        body.put("tags", Map.of("not", "a list"));
        Articles.post(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("tags")));
    }

    @Test
    void updateNeedsTheCurrentVersionInIfMatch() {
        Map<String, Object> body = body("edit-" + unique(), "vi", "t-" + unique());
        long id = Articles.create(body);
        String etag = Articles.etag(id);
        body.put("title", "Tiêu đề mới");

        Articles.put(id, null, body).statusCode(428).contentType("application/problem+json");
        Articles.put(id, "\"999\"", body).statusCode(412).contentType("application/problem+json");
        String newEtag = Articles.put(id, etag, body)
                .statusCode(200)
                .body("title", equalTo("Tiêu đề mới"))
                .extract()
                .header("ETag");
        assertThat(newEtag).isNotEqualTo(etag).isEqualTo(Articles.etag(id));
        Articles.put(id, etag, body).statusCode(412);
    }

    @Test
    void theSlugCanChangeOnlyUntilFirstPublication() {
        Map<String, Object> body = body("before-" + unique(), "vi", "t-" + unique());
        long id = Articles.create(body);
        String renamed = "renamed-" + unique();
        body.put("slug", renamed);
        Articles.put(id, Articles.etag(id), body).statusCode(200).body("slug", equalTo(renamed));

        Articles.publish(id);
        body.put("slug", "again-" + unique());
        Articles.put(id, Articles.etag(id), body).statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/articles/" + renamed).then().statusCode(200);
    }

    @Test
    void invalidTransitionsAreConflicts() {
        long id = Articles.create(body("flow-" + unique(), "vi", "t-" + unique()));
        Articles.change(id, "withdraw").statusCode(409).contentType("application/problem+json");
        Articles.publish(id);
        Articles.change(id, "publish").statusCode(409);
        Articles.withdraw(id);
        Articles.publish(id); // a withdrawn article can come back
        Articles.delete(id);
        given().header("Authorization", Tokens.editor())
                .header("If-Match", Articles.etag(id))
                .delete(ADMIN + "/" + id)
                .then()
                .statusCode(409);
        Articles.change(id, "publish").statusCode(409);
        Articles.put(id, Articles.etag(id), body("flow-x-" + unique(), "vi", "t"))
                .statusCode(409);
        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("deleted"));
    }

    @Test
    void stateChangesCheckIfMatchWhenItIsSent() {
        long id = Articles.create(body("ifmatch-" + unique(), "vi", "t-" + unique()));
        String etag = Articles.etag(id);
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"999\"")
                .post(ADMIN + "/" + id + "/publish")
                .then()
                .statusCode(412);
        given().header("Authorization", Tokens.editor())
                .header("If-Match", etag)
                .post(ADMIN + "/" + id + "/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("published"))
                .body("publishedAt", notNullValue());
        given().header("Authorization", Tokens.editor())
                .header("If-Match", etag)
                .delete(ADMIN + "/" + id)
                .then()
                .statusCode(412);
    }

    @Test
    void unknownArticleIsNotFound() {
        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/99999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Articles.change(99_999_999, "publish").statusCode(404);
    }

    @Test
    void adminListShowsEveryStateNewestFirstAndFiltersByStatus() {
        long first = Articles.create(body("list-" + unique(), "vi", "t-" + unique()));
        long second = Articles.create(body("list-" + unique(), "en", "t-" + unique()));
        long third = Articles.create(body("list-" + unique(), "vi", "t-" + unique()));
        Articles.delete(third);

        ExtractableResponse<Response> page = given().header("Authorization", Tokens.editor())
                .queryParam("limit", 2)
                .get(ADMIN)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("nextCursor", notNullValue())
                .extract();
        assertThat(page.jsonPath().getList("items.id", Long.class)).containsExactly(third, second);
        given().header("Authorization", Tokens.editor())
                .queryParam("limit", 1)
                .queryParam("cursor", page.jsonPath().getString("nextCursor"))
                .get(ADMIN)
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo((int) first));

        given().header("Authorization", Tokens.editor())
                .queryParam("status", "deleted")
                .queryParam("limit", 1)
                .get(ADMIN)
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo((int) third))
                .body("items[0].status", equalTo("deleted"));
        given().header("Authorization", Tokens.editor())
                .queryParam("status", "gone")
                .get(ADMIN)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("status")));
    }

    @Test
    void editorsEndpointsNeedAToken() {
        given().get(ADMIN).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(body("anon-" + unique(), "vi", "t"))
                .post(ADMIN)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void editorsEndpointsRefuseOtherRoles() {
        given().header("Authorization", Tokens.bearer("officer-1", "officer"))
                .get(ADMIN)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("officer-1", "officer"))
                .contentType(ContentType.JSON)
                .body(body("officer-" + unique(), "vi", "t"))
                .post(ADMIN)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
