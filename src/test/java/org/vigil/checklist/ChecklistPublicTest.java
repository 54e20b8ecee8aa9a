package org.vigil.checklist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.vigil.checklist.ChecklistFixtures.ADMIN;
import static org.vigil.checklist.ChecklistFixtures.PUBLIC;
import static org.vigil.checklist.ChecklistFixtures.checklist;
import static org.vigil.checklist.ChecklistFixtures.create;
import static org.vigil.checklist.ChecklistFixtures.createPublished;
import static org.vigil.checklist.ChecklistFixtures.etag;
import static org.vigil.checklist.ChecklistFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.platform.config.VigilConfig;
import org.vigil.testsupport.Tokens;

@QuarkusTest
class ChecklistPublicTest {

    @Inject
    VigilConfig config;

    @Test
    void publishedChecklistShowsItemsBandsArticlesAndTranslations() {
        String key = unique("pub");
        Map<String, Object> en = checklist(unique("pub-en"));
        en.put("translationKey", key);
        Map<String, Object> vi = checklist(unique("pub-vi"));
        vi.put("translationKey", key);
        vi.put("lang", "vi");
        vi.put("title", "Lời mời làm việc ở nước ngoài này có phải là bẫy?");
        createPublished(en);
        createPublished(vi);

        given().get(PUBLIC + "/" + en.get("slug"))
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Content-Language", "en")
                .body("slug", equalTo(en.get("slug")))
                .body("scamType", equalTo("fake-job-abroad"))
                .body("lang", equalTo("en"))
                .body("items.id", contains("a", "b", "c", "d"))
                .body("items.weight", contains(4, 3, 2, 1))
                .body("items[0].text", equalTo("Is a true?"))
                .body("maxScore", equalTo(10))
                .body("bands.low.minPercent", equalTo(0))
                .body("bands.medium.minPercent", equalTo(30))
                .body("bands.medium.minScore", equalTo(3))
                .body("bands.high.minScore", equalTo(6))
                .body("bands.high.advice", equalTo("high advice"))
                .body("relatedArticles[0].slug", equalTo("fake-jobs-abroad"))
                .body("relatedArticles[0].url", equalTo(config.publicBaseUrl() + "/api/v1/articles/fake-jobs-abroad"))
                .body("translations", equalTo(List.of(Map.of("lang", "vi", "slug", vi.get("slug")))))
                .body("version", equalTo(1))
                .body("updatedAt", not(emptyOrNullString()))
                .body("$", not(org.hamcrest.Matchers.hasKey("status")))
                .body("$", not(org.hamcrest.Matchers.hasKey("id")));
        given().get(PUBLIC + "/" + vi.get("slug"))
                .then()
                .statusCode(200)
                .header("Content-Language", "vi")
                .body("title", equalTo("Lời mời làm việc ở nước ngoài này có phải là bẫy?"))
                .body("translations.slug", contains(en.get("slug")));
    }

    @Test
    void unpublishedTranslationsAreNotListed() {
        String key = unique("hidden");
        Map<String, Object> en = checklist(unique("hid-en"));
        en.put("translationKey", key);
        Map<String, Object> vi = checklist(unique("hid-vi"));
        vi.put("translationKey", key);
        vi.put("lang", "vi");
        createPublished(en);
        create(vi);
        given().get(PUBLIC + "/" + en.get("slug")).then().statusCode(200).body("translations.size()", equalTo(0));
    }

    @Test
    void conditionalGetAnswers304UntilTheChecklistChanges() {
        Map<String, Object> body = checklist(unique("etag"));
        long id = createPublished(body);
        String url = PUBLIC + "/" + body.get("slug");
        String etag = given().get(url)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("public, max-age="))
                .header("Vary", containsString("Accept-Language"))
                .extract()
                .header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(given().get(url).then().extract().header("ETag"))
                .as("same version, same ETag")
                .isEqualTo(etag);

        given().header("If-None-Match", etag)
                .get(url)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .body(emptyOrNullString());

        body.put("title", "A new title");
        given().header("Authorization", Tokens.editor())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(body)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(200);
        String changed = given().header("If-None-Match", etag)
                .get(url)
                .then()
                .statusCode(200)
                .body("title", equalTo("A new title"))
                .extract()
                .header("ETag");
        assertThat(changed).isNotEqualTo(etag);
    }

    @Test
    void publishingATranslationChangesTheEtag() {
        String key = unique("tr-etag");
        Map<String, Object> en = checklist(unique("tre-en"));
        en.put("translationKey", key);
        Map<String, Object> vi = checklist(unique("tre-vi"));
        vi.put("translationKey", key);
        vi.put("lang", "vi");
        createPublished(en);
        long viId = create(vi);
        String url = PUBLIC + "/" + en.get("slug");
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");
        ChecklistFixtures.publish(viId);
        given().header("If-None-Match", etag).get(url).then().statusCode(200).body("translations.lang", contains("vi"));
    }

    @Test
    void listShowsOnlyPublishedChecklistsInTheResolvedLanguage() {
        String key = unique("langs");
        Map<String, Object> en = checklist(unique("list-en"));
        en.put("translationKey", key);
        Map<String, Object> vi = checklist(unique("list-vi"));
        vi.put("translationKey", key);
        vi.put("lang", "vi");
        Map<String, Object> draft = checklist(unique("list-draft"));
        createPublished(en);
        createPublished(vi);
        create(draft);

        assertThat(slugs(given().queryParam("lang", "en").queryParam("limit", 100)))
                .contains((String) en.get("slug"))
                .doesNotContain((String) vi.get("slug"), (String) draft.get("slug"));
        assertThat(slugs(given().header("Accept-Language", "en-US,en;q=0.9").queryParam("limit", 100)))
                .contains((String) en.get("slug"))
                .doesNotContain((String) vi.get("slug"));
        assertThat(slugs(given().queryParam("limit", 100)))
                .as("Vietnamese by default")
                .contains((String) vi.get("slug"))
                .doesNotContain((String) en.get("slug"));
        assertThat(slugs(given().header("Accept-Language", "en")
                        .queryParam("lang", "vi")
                        .queryParam("limit", 100)))
                .as("?lang= wins")
                .contains((String) vi.get("slug"));

        given().queryParam("lang", "en")
                .queryParam("limit", 100)
                .get(PUBLIC)
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .header("Vary", containsString("Accept-Language"))
                .body("items.find { it.slug == '" + en.get("slug") + "' }.title", equalTo(en.get("title")))
                .body("items.find { it.slug == '" + en.get("slug") + "' }.scamType", equalTo("fake-job-abroad"));
    }

    @Test
    void listFiltersByScamType() {
        Map<String, Object> loan = checklist(unique("loan"));
        loan.put("scamType", "loan-app");
        createPublished(loan);
        Map<String, Object> job = checklist(unique("job"));
        createPublished(job);
        JsonPath page = given().queryParam("lang", "en")
                .queryParam("scamType", "loan-app")
                .queryParam("limit", 100)
                .get(PUBLIC)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items.scamType", String.class)).containsOnly("loan-app");
        assertThat(page.getList("items.slug", String.class)).contains((String) loan.get("slug"));
    }

    @Test
    void withdrawnChecklistLeavesTheList() {
        Map<String, Object> body = checklist(unique("gone"));
        long id = createPublished(body);
        assertThat(slugs(given().queryParam("lang", "en").queryParam("limit", 100)))
                .contains((String) body.get("slug"));
        given().header("Authorization", Tokens.editor())
                .header("If-Match", etag(id))
                .post(ADMIN + "/" + id + "/withdraw")
                .then()
                .statusCode(200);
        assertThat(slugs(given().queryParam("lang", "en").queryParam("limit", 100)))
                .doesNotContain((String) body.get("slug"));
        given().get(PUBLIC + "/" + body.get("slug")).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listPagesNewestFirstWithoutRepeats() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = checklist(unique("page"));
            body.put("scamType", "virtual-currency");
            createPublished(body);
            mine.add((String) body.get("slug"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("lang", "en")
                    .queryParam("scamType", "virtual-currency")
                    .queryParam("limit", 2)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get(PUBLIC)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("items.slug", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(mine.get(2), mine.get(1), mine.get(0));
    }

    @Test
    void listAnswers304UntilAChecklistIsPublished() {
        String etag = given().queryParam("lang", "en")
                .queryParam("scamType", "phishing-link")
                .get(PUBLIC)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .queryParam("lang", "en")
                .queryParam("scamType", "phishing-link")
                .get(PUBLIC)
                .then()
                .statusCode(304);
        Map<String, Object> body = checklist(unique("phish"));
        body.put("scamType", "phishing-link");
        createPublished(body);
        given().header("If-None-Match", etag)
                .queryParam("lang", "en")
                .queryParam("scamType", "phishing-link")
                .get(PUBLIC)
                .then()
                .statusCode(200)
                .body("items.slug", hasItem(body.get("slug")));
    }

    @Test
    void emptyListIsOkWithNoItems() {
        given().queryParam("lang", "en")
                .queryParam("scamType", "other")
                .queryParam("cursor", org.vigil.platform.web.Cursor.encode("2000-01-01T00:00:00Z", 0))
                .get(PUBLIC)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("$", not(org.hamcrest.Matchers.hasKey("nextCursor")));
    }

    @Test
    void badListParametersAreProblems() {
        given().queryParam("scamType", "alien-abduction")
                .get(PUBLIC)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("scamType"));
        given().queryParam("lang", "xx")
                .get(PUBLIC)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("lang"));
        given().queryParam("cursor", "bm9wZQ")
                .get(PUBLIC)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("cursor"));
        given().queryParam("cursor", org.vigil.platform.web.Cursor.encode("yesterday", "x"))
                .get(PUBLIC)
                .then()
                .statusCode(400)
                .body("errors.field", contains("cursor"));
        given().queryParam("limit", -1)
                .get(PUBLIC)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("limit"));
        given().queryParam("limit", 5000).get(PUBLIC).then().statusCode(200);
    }

    @Test
    void unknownChecklistIsNotFound() {
        given().get(PUBLIC + "/no-such-checklist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void demoContentIsNotLoadedOutsideDevMode() {
        given().get(PUBLIC + "/is-this-job-offer-abroad-a-trap").then().statusCode(404);
    }

    private static List<String> slugs(io.restassured.specification.RequestSpecification request) {
        return request.get(PUBLIC).then().statusCode(200).extract().jsonPath().getList("items.slug", String.class);
    }
}
