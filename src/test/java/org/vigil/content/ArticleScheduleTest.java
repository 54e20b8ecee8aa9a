package org.vigil.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.vigil.content.Articles.ADMIN;
import static org.vigil.content.Articles.body;
import static org.vigil.content.Articles.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Tokens;

/**
 * Scheduled publication: an article scheduled for a moment appears at that moment in the lists, the
 * feeds, delta sync and the pages, and not before, although this replica's ReadCache (5 s in tests)
 * holds answers loaded just before it. The second replica is deploy/checks/replicas.sh's.
 */
@QuarkusTest
class ArticleScheduleTest {

    /** Long enough to read everything before the moment on a busy machine, short against the cache's 5 s. */
    static final Duration AHEAD = Duration.ofSeconds(3);

    @Test
    void aScheduledArticleAppearsEverywhereAtItsTimeAndNotBefore() throws Exception {
        String u = unique();
        String tag = "t-" + u;
        Map<String, Object> article = body("scheduled-" + u, "en", tag);
        String slug = (String) article.get("slug");
        long id = Articles.create(article);
        Instant at = Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.MILLIS);
        schedule(id, Articles.current(id), at)
                .statusCode(200)
                .body("status", equalTo("scheduled"))
                .body("publishedAt", equalTo(at.toString()));
        // a client syncs after the scheduling and before the moment; the greatest updatedAt it sees is
        // another article's, published after the scheduling
        Map<String, Object> other = body("scheduled-other-" + u, "en", tag);
        Articles.createPublished(other);
        String since = given().queryParam("lang", "en")
                .queryParam("tag", tag)
                .queryParam("updatedSince", "2000-01-01T00:00:00Z")
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.slug", equalTo(List.of(other.get("slug"))))
                .extract()
                .path("items[0].updatedAt");

        // every reader's answer, read (and cached) just before the moment: the article is nowhere
        Map<String, String> before = new LinkedHashMap<>();
        for (String url : READS) {
            String body = read(url, tag, since).extract().asString();
            assertThat(body).as(url + " before the moment").doesNotContain(slug);
        }
        for (String url : READS) {
            before.put(url, read(url, tag, since).extract().header("ETag"));
        }
        given().get("/api/v1/articles/" + slug).then().statusCode(404);
        given().get("/articles/" + slug).then().statusCode(404);
        assertThat(Instant.now())
                .as("the reads took too long for this test to prove anything")
                .isBefore(at);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), at).toMillis() + 50));

        for (String url : READS) {
            var answer = read(url, tag, since).extract();
            assertThat(answer.asString()).as(url + " at the moment").contains(slug);
            assertThat(answer.header("ETag")).as(url + "'s ETag").isNotEqualTo(before.get(url));
        }
        given().get("/api/v1/articles/" + slug).then().statusCode(200).body("publishedAt", equalTo(at.toString()));
        given().get("/articles/" + slug).then().statusCode(200);
        given().queryParam("lang", "en")
                .queryParam("tag", tag)
                .get("/api/v1/articles")
                .then()
                .body("items[0].slug", equalTo(slug));
        admin(id).body("status", equalTo("published"));
    }

    /** What readers read, with the tag or the sync point where a URL takes them. */
    static final List<String> READS = List.of(
            "/api/v1/articles?lang=en&tag={tag}",
            "/api/v1/articles?lang=en&tag={tag}&updatedSince={since}",
            "/feeds/articles.atom?lang=en",
            "/feeds/articles.json?lang=en",
            "/articles?lang=en",
            "/?lang=en");

    static ValidatableResponse read(String url, String tag, String since) {
        return given().get(url.replace("{tag}", tag).replace("{since}", since))
                .then()
                .statusCode(200);
    }

    @Test
    void aScheduleIsMovedOrTakenBackBeforeItsTime() {
        long id = Articles.create(body("resched-" + unique(), "vi", "t-" + unique()));
        Instant first = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        schedule(id, Articles.current(id), first).statusCode(200);
        Instant second = first.plus(Duration.ofHours(3));
        schedule(id, Articles.current(id), second)
                .statusCode(200)
                .body("status", equalTo("scheduled"))
                .body("publishedAt", equalTo(second.toString()))
                .body("updatedAt", equalTo(second.toString()));
        given().header("Authorization", Tokens.editor())
                .queryParam("status", "scheduled")
                .queryParam("limit", 100)
                .get(ADMIN)
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id));
        Articles.change(id, "withdraw").statusCode(409).contentType("application/problem+json");

        Articles.change(id, "unschedule")
                .statusCode(200)
                .body("status", equalTo("draft"))
                .body("publishedAt", nullValue());
        Articles.change(id, "unschedule").statusCode(409).contentType("application/problem+json");
    }

    @Test
    void publishingAScheduledArticleBringsItForward() {
        Map<String, Object> article = body("forward-" + unique(), "vi", "t-" + unique());
        long id = Articles.create(article);
        Instant later = Instant.now().plus(Duration.ofDays(1));
        schedule(id, Articles.current(id), later).statusCode(200);
        Instant published = Instant.parse(
                Articles.change(id, "publish").statusCode(200).extract().path("publishedAt"));
        assertThat(published).isBefore(later);
        given().get("/api/v1/articles/" + article.get("slug")).then().statusCode(200);
    }

    @Test
    void aTimeInThePastOrTooFarAheadOrMissingIsRefusedNaming_publishAt() {
        long id = Articles.create(body("past-" + unique(), "vi", "t-" + unique()));
        String etag = Articles.current(id);
        for (Object when : new Object[] {
            Instant.now().minusSeconds(60).toString(),
            Instant.now().plus(Duration.ofDays(400)).toString(),
            "tomorrow"
        }) {
            given().header("Authorization", Tokens.editor())
                    .header("If-Match", etag)
                    .contentType(ContentType.JSON)
                    .body(Map.of("publishAt", when))
                    .post(ADMIN + "/" + id + "/schedule")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("publishAt"));
        }
        given().header("Authorization", Tokens.editor())
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post(ADMIN + "/" + id + "/schedule")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("publishAt"));
        admin(id).body("status", equalTo("draft")).header("ETag", etag);
    }

    @Test
    void schedulingFollowsTheEditVersionRuleAndTheLifecycle() {
        long id = Articles.create(body("sched-rules-" + unique(), "vi", "t-" + unique()));
        Instant later = Instant.now().plus(Duration.ofHours(5));
        schedule(id, null, later).statusCode(428).contentType("application/problem+json");
        String stale = Articles.current(id);
        Articles.put(id, stale, body("sched-rules-" + unique(), "vi", "t-" + unique()))
                .statusCode(200);
        schedule(id, stale, later).statusCode(412).contentType("application/problem+json");

        Articles.publish(id);
        schedule(id, Articles.current(id), later).statusCode(409).contentType("application/problem+json");
        Articles.withdraw(id);
        schedule(id, Articles.current(id), later).statusCode(409);
        admin(id).body("status", not(equalTo("scheduled")));
    }

    static ValidatableResponse schedule(long id, String ifMatch, Instant at) {
        var request = given().header("Authorization", Tokens.editor())
                .contentType(ContentType.JSON)
                .body(Map.of("publishAt", at.toString()));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post(ADMIN + "/" + id + "/schedule").then();
    }

    static ValidatableResponse admin(long id) {
        return given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .statusCode(200);
    }
}
