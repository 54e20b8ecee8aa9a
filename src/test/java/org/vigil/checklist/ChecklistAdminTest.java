package org.vigil.checklist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.vigil.checklist.ChecklistFixtures.ADMIN;
import static org.vigil.checklist.ChecklistFixtures.PUBLIC;
import static org.vigil.checklist.ChecklistFixtures.checklist;
import static org.vigil.checklist.ChecklistFixtures.create;
import static org.vigil.checklist.ChecklistFixtures.createPublished;
import static org.vigil.checklist.ChecklistFixtures.etag;
import static org.vigil.checklist.ChecklistFixtures.item;
import static org.vigil.checklist.ChecklistFixtures.post;
import static org.vigil.checklist.ChecklistFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Tokens;

@QuarkusTest
class ChecklistAdminTest {

    @Inject
    DataSource db;

    @Test
    void editorCreatesADraftWithLocationAndVersionEtag() {
        String slug = unique("create");
        ValidatableResponse created = post(checklist(slug))
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .header("Cache-Control", "no-store")
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(0))
                .body("slug", equalTo(slug))
                .body("items.id", contains("a", "b", "c", "d"))
                .body("bands.medium.minPercent", equalTo(30))
                .body("relatedArticles", contains("fake-jobs-abroad"));
        long id = created.extract().jsonPath().getLong("id");
        assertThat(created.extract().header("ETag")).isEqualTo("\"0\"");
        assertThat(created.extract().header("Location")).endsWith(ADMIN + "/" + id);

        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("slug", equalTo(slug))
                .body("items.weight", contains(4, 3, 2, 1));
        given().get(PUBLIC + "/" + slug).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void translationKeyDefaultsToTheSlug() {
        Map<String, Object> body = checklist(unique("nokey"));
        body.remove("translationKey");
        post(body).then().statusCode(201).body("translationKey", equalTo(body.get("slug")));
    }

    @Test
    void duplicateSlugIsAConflictAndNothingIsWritten() {
        String slug = unique("dup");
        create(checklist(slug));
        Map<String, Object> again = checklist(slug);
        again.put("translationKey", unique("other"));
        post(again)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
        assertThat(count("select count(*) from checklist where slug = ?", slug)).isEqualTo(1);
    }

    @Test
    void secondChecklistInTheSameLanguageOfATranslationIsAConflict() {
        String key = unique("key");
        Map<String, Object> first = checklist(unique("tr1"));
        first.put("translationKey", key);
        create(first);
        Map<String, Object> second = checklist(unique("tr2"));
        second.put("translationKey", key);
        post(second).then().statusCode(409).contentType("application/problem+json");
        second.put("lang", "vi");
        post(second).then().statusCode(201).body("translations.lang", contains("en"));
    }

    @Test
    void invalidChecklistsAreRefusedNamingTheField() {
        assertInvalid(b -> b.put("items", List.of()), "items");
        assertInvalid(b -> b.remove("items"), "items");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= Checklist.MAX_ITEMS; i++) {
            tooMany.add(item("i" + i, 1));
        }
        assertInvalid(b -> b.put("items", tooMany), "items");
        assertInvalid(b -> b.put("items", List.of(item("a", 1), item("b", 1), item("a", 1))), "items[2].id");
        assertInvalid(b -> b.put("items", List.of(item("a", 0))), "items[0].weight");
        assertInvalid(b -> b.put("items", List.of(item("a", 1), item("b", 11))), "items[1].weight");
        assertInvalid(b -> b.put("items", List.of(item("Not A Slug", 1))), "items[0].id");
        assertInvalid(
                b -> b.put("items", List.of(Map.of("id", "a", "text", "x".repeat(501), "weight", 1))), "items[0].text");
        assertInvalid(b -> b.remove("bands"), "bands");
        assertInvalid(b -> bands(b).remove("high"), "bands.high");
        assertInvalid(b -> bands(b).put("medium", ChecklistFixtures.band(60, "m")), "bands.high.minPercent");
        assertInvalid(b -> bands(b).put("medium", ChecklistFixtures.band(0, "m")), "bands.medium.minPercent");
        assertInvalid(b -> bands(b).put("low", ChecklistFixtures.band(10, "l")), "bands.low.minPercent");
        assertInvalid(b -> bands(b).put("high", ChecklistFixtures.band(101, "h")), "bands.high.minPercent");
        assertInvalid(b -> bands(b).put("high", ChecklistFixtures.band(90, " ")), "bands.high.advice");
        assertInvalid(b -> b.put("lang", "xx"), "lang");
        assertInvalid(b -> b.put("scamType", "alien-abduction"), "scamType");
        assertInvalid(b -> b.put("title", "t".repeat(201)), "title");
        assertInvalid(b -> b.put("introduction", ""), "introduction");
        assertInvalid(b -> b.put("slug", "Has Spaces"), "slug");
        assertInvalid(b -> b.put("relatedArticles", List.of("ok", "NOT OK")), "relatedArticles[1]");
    }

    @Test
    void clientCannotSetServerManagedFields() {
        Map<String, Object> body = checklist(unique("status"));
        body.put("status", "PUBLISHED");
        post(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("status"));
        assertThat(count("select count(*) from checklist where slug = ?", body.get("slug")))
                .isZero();
    }

    @Test
    void missingBodyIsRefused() {
        given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .post(ADMIN)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void updateNeedsTheCurrentVersionInIfMatch() {
        long id = create(checklist(unique("upd")));
        Map<String, Object> changed = checklist(unique("upd2"));
        given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(changed)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"41\"")
                .contentType(ContentType.JSON)
                .body(changed)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        String etag = given().header("Authorization", Tokens.editor())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(changed)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(200)
                .body("slug", equalTo(changed.get("slug")))
                .body("version", equalTo(1))
                .extract()
                .header("ETag");
        assertThat(etag).isEqualTo("\"1\"");
        // the old version is stale now
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(changed)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(412);
    }

    @Test
    void updateReplacesItemsAsAWholeEvenWhenReordered() {
        Map<String, Object> body = checklist(unique("items"));
        long id = create(body);
        body.put("items", List.of(item("d", 7), item("a", 5), item("e", 1)));
        body.put("relatedArticles", List.of());
        given().header("Authorization", Tokens.editor())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(body)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(200);
        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .statusCode(200)
                .body("items.id", contains("d", "a", "e"))
                .body("items.weight", contains(7, 5, 1))
                .body("relatedArticles.size()", equalTo(0));
        assertThat(count("select count(*) from checklist_item where checklist_id = ?", id))
                .isEqualTo(3);
    }

    @Test
    void refusedUpdateLeavesTheChecklistAsItWas() {
        Map<String, Object> body = checklist(unique("keep"));
        long id = create(body);
        body.put("items", List.of(item("x", 1), item("x", 2)));
        given().header("Authorization", Tokens.editor())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(body)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("items[1].id"));
        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .body("version", equalTo(0))
                .body("items.id", contains("a", "b", "c", "d"));
    }

    @Test
    void updateToATakenSlugIsAConflict() {
        String taken = unique("taken");
        create(checklist(taken));
        Map<String, Object> body = checklist(unique("mine"));
        long id = create(body);
        body.put("slug", taken);
        given().header("Authorization", Tokens.editor())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(body)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void publishWithdrawAndPublishAgain() {
        String slug = unique("flow");
        long id = create(checklist(slug));
        given().header("Authorization", Tokens.editor())
                .post(ADMIN + "/" + id + "/publish")
                .then()
                .statusCode(428);
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"0\"")
                .post(ADMIN + "/" + id + "/withdraw")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"0\"")
                .post(ADMIN + "/" + id + "/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("publishedAt", startsWith("20"))
                .header("ETag", "\"1\"");
        given().get(PUBLIC + "/" + slug).then().statusCode(200);

        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"0\"")
                .post(ADMIN + "/" + id + "/withdraw")
                .then()
                .statusCode(412);
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"1\"")
                .post(ADMIN + "/" + id + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().get(PUBLIC + "/" + slug).then().statusCode(404);

        given().header("Authorization", Tokens.editor())
                .header("If-Match", etag(id))
                .post(ADMIN + "/" + id + "/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        given().get(PUBLIC + "/" + slug).then().statusCode(200);
    }

    @Test
    void deleteRemovesTheChecklistAndItsItems() {
        String slug = unique("del");
        long id = createPublished(checklist(slug));
        given().header("Authorization", Tokens.editor())
                .delete(ADMIN + "/" + id)
                .then()
                .statusCode(428);
        given().header("Authorization", Tokens.editor())
                .header("If-Match", etag(id))
                .delete(ADMIN + "/" + id)
                .then()
                .statusCode(204);
        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get(PUBLIC + "/" + slug).then().statusCode(404);
        assertThat(count("select count(*) from checklist_item where checklist_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from checklist_related_article where checklist_id = ?", id))
                .isZero();
    }

    @Test
    void unknownChecklistIsNotFound() {
        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/999999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.editor())
                .header("If-Match", "\"0\"")
                .delete(ADMIN + "/999999999")
                .then()
                .statusCode(404);
    }

    @Test
    void listPagesThroughAllStatesNewestFirst() {
        String type = "romance-scam";
        String lang = "vi";
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = checklist(unique("adminlist"));
            body.put("scamType", type);
            body.put("lang", lang);
            mine.add(create(body));
        }
        createPublished(checklist(unique("other-type")));

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().header("Authorization", Tokens.editor())
                    .queryParam("scamType", type)
                    .queryParam("lang", lang)
                    .queryParam("status", "draft")
                    .queryParam("limit", 2)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get(ADMIN)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", "no-store")
                    .extract()
                    .jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            assertThat(page.getList("items.scamType", String.class)).containsOnly(type);
            seen.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(seen).containsSubsequence(mine.get(2), mine.get(1), mine.get(0));
    }

    @Test
    void badListParametersAreProblems() {
        given().header("Authorization", Tokens.editor())
                .queryParam("status", "LOST")
                .get(ADMIN)
                .then()
                .statusCode(400)
                .body("errors.field", contains("status"));
        given().header("Authorization", Tokens.editor())
                .queryParam("cursor", "!!!")
                .get(ADMIN)
                .then()
                .statusCode(400)
                .body("errors.field", contains("cursor"));
        given().header("Authorization", Tokens.editor())
                .queryParam("limit", 0)
                .get(ADMIN)
                .then()
                .statusCode(400)
                .body("errors.field", contains("limit"));
        given().header("Authorization", Tokens.editor())
                .queryParam("limit", 1000)
                .get(ADMIN)
                .then()
                .statusCode(200);
    }

    @Test
    void withoutTokenIsUnauthorized() {
        given().get(ADMIN).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-a-jwt")
                .get(ADMIN)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(checklist(unique("anon")))
                .post(ADMIN)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void wrongRoleIsForbidden() {
        String officer = Tokens.bearer("officer-1", "officer");
        given().header("Authorization", officer)
                .get(ADMIN)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String slug = unique("forbidden");
        given().header("Authorization", officer)
                .contentType(ContentType.JSON)
                .body(checklist(slug))
                .post(ADMIN)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(count("select count(*) from checklist where slug = ?", slug)).isZero();
    }

    private void assertInvalid(Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = checklist(unique("invalid"));
        change.accept(body);
        post(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
        assertThat(count("select count(*) from checklist where slug = ?", body.get("slug")))
                .as("nothing is written for an invalid %s", field)
                .isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bands(Map<String, Object> body) {
        return (Map<String, Object>) body.get("bands");
    }

    private long count(String sql, Object param) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
