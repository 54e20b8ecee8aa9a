package org.vigil.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.vigil.content.Articles.body;
import static org.vigil.content.Articles.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticlePublicTest {

    static final String ARTICLES = "/api/v1/articles";

    @Test
    void aPublishedArticleHasSanitizedHtmlTranslationsAndAttribution() {
        String key = "key-" + unique();
        Map<String, Object> vi = body("vi-" + unique(), "vi", "t-" + unique());
        vi.put("translationKey", key);
        vi.put("author", "Phòng Cảnh sát hình sự");
        vi.put("bodyMarkdown", """
                ## Thủ đoạn

                <script>alert('xss')</script>

                <img src="x" onerror="alert(1)">

                [Bấm vào đây](javascript:alert(1)) hoặc [xem hướng dẫn](https://example.org/huong-dan)

                - Việc nhẹ lương cao
                """);
        Articles.createPublished(vi);
        Map<String, Object> en = body("en-" + unique(), "en", "t-" + unique());
        en.put("translationKey", key);
        Articles.createPublished(en);

        String html = given().get(ARTICLES + "/" + vi.get("slug"))
                .then()
                .statusCode(200)
                .header("Content-Language", "vi")
                .header("Cache-Control", containsString("public"))
                .header("Cache-Control", containsString("public, max-age="))
                .header("Vary", containsString("Accept-Language"))
                .header("ETag", notNullValue())
                .body("title", equalTo(vi.get("title")))
                .body("bodyMarkdown", containsString("<script>"))
                .body("translations", hasSize(1))
                .body("translations[0].lang", equalTo("en"))
                .body("translations[0].slug", equalTo(en.get("slug")))
                .body("translations[0].url", equalTo("http://localhost:8080/articles/" + en.get("slug")))
                .body("attribution.source", equalTo("Công an tỉnh"))
                .body("attribution.author", equalTo("Phòng Cảnh sát hình sự"))
                .body("attribution.licence", equalTo("CC BY 4.0"))
                .body("canonicalUrl", equalTo("http://localhost:8080/articles/" + vi.get("slug")))
                .body("publishedAt", notNullValue())
                .extract()
                .path("bodyHtml");
        assertThat(html)
                .contains(
                        "<h2>Thủ đoạn</h2>",
                        "<li>Việc nhẹ lương cao</li>",
                        "<a href=\"https://example.org/huong-dan\">xem hướng dẫn</a>",
                        "<a>Bấm vào đây</a>");
        assertThat(html.toLowerCase()).doesNotContain("<script", "onerror", "javascript:", "alert");
    }

    @Test
    void theEditorsCanonicalUrlIsKept() {
        Map<String, Object> article = body("canon-" + unique(), "vi", "t-" + unique());
        article.put("canonicalUrl", "https://baoninhthuan.com.vn/news/1");
        Articles.createPublished(article);
        given().get(ARTICLES + "/" + article.get("slug"))
                .then()
                .statusCode(200)
                .body("canonicalUrl", equalTo("https://baoninhthuan.com.vn/news/1"))
                .body("translations", hasSize(0));
    }

    @Test
    void draftsWithdrawnAndDeletedArticlesAreNotFound() {
        Map<String, Object> draft = body("hidden-" + unique(), "vi", "t-" + unique());
        Articles.create(draft);
        Map<String, Object> withdrawn = body("hidden-" + unique(), "vi", "t-" + unique());
        Articles.withdraw(Articles.createPublished(withdrawn));
        Map<String, Object> deleted = body("hidden-" + unique(), "vi", "t-" + unique());
        Articles.delete(Articles.createPublished(deleted));

        for (Map<String, Object> article : List.of(draft, withdrawn, deleted)) {
            given().get(ARTICLES + "/" + article.get("slug"))
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
    }

    @Test
    void theListHasPublishedSummariesNewestFirstPagedByCursor() {
        String tag = "t-" + unique();
        Map<String, Object> oldest = body("old-" + unique(), "vi", tag);
        Articles.createPublished(oldest);
        Map<String, Object> middle = body("mid-" + unique(), "vi", tag);
        Articles.createPublished(middle);
        Map<String, Object> newest = body("new-" + unique(), "vi", tag);
        Articles.createPublished(newest);
        Articles.create(body("draft-" + unique(), "vi", tag));

        ExtractableResponse<Response> first = given().queryParam("tag", tag)
                .queryParam("limit", 2)
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .header("Content-Language", "vi")
                .body("items.slug", equalTo(List.of(newest.get("slug"), middle.get("slug"))))
                .body("items[0].bodyMarkdown", nullValue())
                .body("items[0].bodyHtml", nullValue())
                .body("items[0].summary", equalTo(newest.get("summary")))
                .body("items[0].tags", equalTo(List.of(tag)))
                .body("items[0].category", equalTo("online-fraud"))
                .body("items[0].url", equalTo("http://localhost:8080/articles/" + newest.get("slug")))
                .body("items[0].version", notNullValue())
                .body("nextCursor", notNullValue())
                .extract();
        given().queryParam("tag", tag)
                .queryParam("limit", 2)
                .queryParam("cursor", first.<String>path("nextCursor"))
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items.slug", equalTo(List.of(oldest.get("slug"))))
                .body("nextCursor", nullValue());
    }

    @Test
    void anEmptyListIsOkWithNoItems() {
        given().queryParam("tag", "nothing-" + unique())
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void theListFiltersByCategoryAndLanguage() {
        String tag = "t-" + unique();
        Map<String, Object> trafficking = body("cat-" + unique(), "vi", tag);
        trafficking.put("category", "human-trafficking");
        Articles.createPublished(trafficking);
        Map<String, Object> fraud = body("cat-" + unique(), "vi", tag);
        Articles.createPublished(fraud);
        Map<String, Object> english = body("cat-" + unique(), "en", tag);
        Articles.createPublished(english);

        given().queryParam("tag", tag)
                .queryParam("category", "online-fraud")
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items.slug", equalTo(List.of(fraud.get("slug"))));
        given().queryParam("tag", tag)
                .queryParam("lang", "en")
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("items.slug", equalTo(List.of(english.get("slug"))));
        given().queryParam("tag", tag)
                .header("Accept-Language", "en-GB,en;q=0.8")
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("items.slug", equalTo(List.of(english.get("slug"))));
    }

    @Test
    void unknownCategoryOrLanguageIsAProblem() {
        given().queryParam("category", "gambling")
                .get(ARTICLES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));
        given().queryParam("lang", "xx")
                .get(ARTICLES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lang"));
    }

    @Test
    void searchIgnoresAccentsAndCaseAndNeedsEveryWord() {
        String u = unique();
        Map<String, Object> article = body("search-" + u, "vi", "t-" + u);
        article.put("title", "Cảnh báo thủ đoạn lừa đảo mới");
        article.put("bodyMarkdown", "Mã bài viết kx" + u + ".\n\nĐối tượng giả danh Công an.");
        Articles.createPublished(article);

        given().queryParam("q", "LUA DAO kx" + u)
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items.slug", equalTo(List.of(article.get("slug"))));
        given().queryParam("q", "gia danh cong an kx" + u)
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items.slug", equalTo(List.of(article.get("slug"))));
        given().queryParam("q", "lua dao tien-ao kx" + u)
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void searchTakesPercentAndUnderscoreLiterally() {
        String u = unique();
        Map<String, Object> withPercent = body("pct-" + u, "vi", "t-" + u);
        withPercent.put("bodyMarkdown", "Lãi 30% mỗi tháng, mã kx" + u);
        Articles.createPublished(withPercent);
        Map<String, Object> without = body("nopct-" + u, "vi", "t-" + u);
        without.put("bodyMarkdown", "Không có ký tự đặc biệt, mã kx" + u);
        Articles.createPublished(without);

        given().queryParam("q", "kx" + u + " %")
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items.slug", equalTo(List.of(withPercent.get("slug"))));
        given().queryParam("q", "kx" + u + " _")
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void tooManySearchWordsAreAProblem() {
        given().queryParam("q", "a b c d e f g h i")
                .get(ARTICLES)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void deltaSyncSendsChangesOldestFirstWithTombstones() {
        Instant since = Instant.now().minus(1, ChronoUnit.SECONDS);
        String tag = "t-" + unique();
        Map<String, Object> kept = body("kept-" + unique(), "vi", tag);
        long keptId = Articles.createPublished(kept);
        Map<String, Object> withdrawn = body("wd-" + unique(), "vi", tag);
        Articles.withdraw(Articles.createPublished(withdrawn));
        Map<String, Object> deleted = body("del-" + unique(), "vi", tag);
        Articles.delete(Articles.createPublished(deleted));
        Articles.delete(Articles.create(body("never-" + unique(), "vi", tag))); // never public: no tombstone

        given().queryParam("tag", tag)
                .queryParam("updatedSince", since.toString())
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items.slug", equalTo(List.of(kept.get("slug"), withdrawn.get("slug"), deleted.get("slug"))))
                .body("items[0].title", equalTo(kept.get("title")))
                .body("items[1].withdrawn", equalTo(true))
                .body("items[1].title", nullValue())
                .body("items[1].lang", equalTo("vi"))
                .body("items[1].updatedAt", notNullValue())
                .body("items[2].deleted", equalTo(true))
                .body("items[2].withdrawn", nullValue());
        given().queryParam("tag", tag)
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items.slug", equalTo(List.of(kept.get("slug"))));

        // a client resumes from a cursor and sees the later edit last
        ExtractableResponse<Response> page = given().queryParam("tag", tag)
                .queryParam("updatedSince", since.toString())
                .queryParam("limit", 2)
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract();
        kept.put("title", "Đã cập nhật");
        Articles.put(keptId, Articles.etag(keptId), kept).statusCode(200);
        given().queryParam("tag", tag)
                .queryParam("updatedSince", since.toString())
                .queryParam("limit", 2)
                .queryParam("cursor", page.<String>path("nextCursor"))
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items.slug", equalTo(List.of(deleted.get("slug"), kept.get("slug"))))
                .body("items[1].title", equalTo("Đã cập nhật"));
    }

    @Test
    void aCursorFromTheOtherOrderOrNotFromUsIsAProblem() {
        String tag = "t-" + unique();
        Articles.createPublished(body("c1-" + unique(), "vi", tag));
        Articles.createPublished(body("c2-" + unique(), "vi", tag));
        String cursor = given().queryParam("tag", tag)
                .queryParam("limit", 1)
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        given().queryParam("tag", tag)
                .queryParam("cursor", cursor)
                .queryParam("updatedSince", "2020-01-01T00:00:00Z")
                .get(ARTICLES)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().queryParam("cursor", "not-a-cursor")
                .get(ARTICLES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void badInstantAndLimitAreProblems() {
        given().queryParam("updatedSince", "yesterday")
                .get(ARTICLES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("updatedSince"));
        given().queryParam("limit", 0)
                .get(ARTICLES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aLimitAbove100IsCapped() {
        String tag = "t-" + unique();
        for (int i = 0; i < 101; i++) {
            Articles.createPublished(body("cap-" + i + "-" + unique(), "vi", tag));
        }
        given().queryParam("tag", tag)
                .queryParam("limit", 500)
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .body("items", hasSize(100))
                .body("nextCursor", notNullValue());
    }

    @Test
    void aListAnswers304UntilItChanges() {
        String tag = "t-" + unique();
        Map<String, Object> article = body("etag-" + unique(), "vi", tag);
        long id = Articles.createPublished(article);
        String etag = given().queryParam("tag", tag)
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        given().queryParam("tag", tag)
                .header("If-None-Match", etag)
                .get(ARTICLES)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .header("Cache-Control", containsString("public, max-age="))
                .body(emptyString());

        Articles.withdraw(id);
        given().queryParam("tag", tag)
                .header("If-None-Match", etag)
                .get(ARTICLES)
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("items", hasSize(0));
    }

    @Test
    void anArticleAnswers304UntilItOrATranslationChanges() {
        String key = "key-" + unique();
        Map<String, Object> vi = body("etag-vi-" + unique(), "vi", "t-" + unique());
        vi.put("translationKey", key);
        long viId = Articles.createPublished(vi);
        String url = ARTICLES + "/" + vi.get("slug");
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");

        given().header("If-None-Match", etag)
                .get(url)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .header("Content-Language", "vi")
                .header("Vary", containsString("Accept-Language"))
                .body(emptyString());

        Map<String, Object> en = body("etag-en-" + unique(), "en", "t-" + unique());
        en.put("translationKey", key);
        Articles.createPublished(en);
        String withTranslation = given().header("If-None-Match", etag)
                .get(url)
                .then()
                .statusCode(200)
                .body("translations[0].slug", equalTo(en.get("slug")))
                .extract()
                .header("ETag");

        vi.put("summary", "Tóm tắt mới");
        Articles.put(viId, Articles.etag(viId), vi).statusCode(200);
        given().header("If-None-Match", withTranslation)
                .get(url)
                .then()
                .statusCode(200)
                .body("summary", equalTo("Tóm tắt mới"));
    }
}
