package org.vigil.platform.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every page answers besides its content: the security headers, no cookie, no-store where a
 * tipster's codes or a citizen's answers are, HTML error pages on page addresses (problem+json stays
 * for programs), and public caching like the API's public reads.
 */
@QuarkusTest
class PageAnswersTest {

    private static final List<String> PUBLIC_PAGES = List.of("/", "/articles", "/checklists", "/events", "/check");

    @Test
    void everyPageCarriesTheSecurityHeadersAndNoCookie() {
        for (String path :
                List.of("/", "/articles", "/checklists", "/events", "/check", "/tip", "/follow-up", "/nope")) {
            Response answer = given().accept("text/html").get(path);
            assertThat(answer.header("Content-Security-Policy"))
                    .as(path)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "form-action 'self'")
                    .doesNotContain("unsafe-inline", "*", "http:", "https:");
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.header("Set-Cookie")).as(path).isNull();
            assertThat(answer.contentType()).as(path).startsWith("text/html");
        }
    }

    @Test
    void tipAndFollowUpPagesAndEveryFormAnswerAreNoStore() {
        given().get("/tip").then().statusCode(200).header("Cache-Control", "no-store");
        given().get("/follow-up").then().statusCode(200).header("Cache-Control", "no-store");
        given().contentType("application/x-www-form-urlencoded")
                .formParam("reference", "NOPE")
                .formParam("receipt", "NOPE")
                .post("/follow-up")
                .then()
                .statusCode(404)
                .header("Cache-Control", "no-store")
                .contentType(startsWith("text/html"));
        given().contentType("application/x-www-form-urlencoded")
                .formParam("type", "phone")
                .formParam("value", "0912 000 111")
                .post("/check")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store");
    }

    @Test
    void publicPagesAreCachedLikeThePublicReads() {
        for (String path : PUBLIC_PAGES) {
            Response first = given().header("Accept-Language", "en").get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.header("Cache-Control")).as(path).startsWith("public, max-age=");
            assertThat(first.header("Vary")).as(path).contains("Accept-Language");
            assertThat(first.header("Content-Language")).as(path).isEqualTo("en");
            String etag = first.header("ETag");
            assertThat(etag).as(path).isNotBlank();
            given().header("Accept-Language", "en")
                    .header("If-None-Match", etag)
                    .get(path)
                    .then()
                    .statusCode(304)
                    .header("ETag", etag);
            assertThat(given().header("Accept-Language", "vi").get(path).header("ETag"))
                    .as("another language is another version of " + path)
                    .isNotEqualTo(etag);
        }
    }

    @Test
    void errorsOnPagesArePagesAndOnTheApiProblems() {
        given().header("Accept-Language", "en")
                .accept("text/html,application/xhtml+xml")
                .get("/no-such-page")
                .then()
                .statusCode(404)
                .contentType(startsWith("text/html"))
                .header("Content-Language", "en")
                .body(containsString("<html lang=\"en\""), containsString("Page not found"));
        given().accept("text/html")
                .get("/articles/no-such-article")
                .then()
                .statusCode(404)
                .contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"vi\""), containsString("Không tìm thấy trang"));
        // a program (no Accept for HTML) gets problem+json, even off the API
        given().get("/no-such-page").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/articles/no-such-article")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
