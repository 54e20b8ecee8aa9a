package org.vigil.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Tokens;

/** Every kind of client mistake gets a 4xx problem+json answer that discloses nothing internal. */
@QuarkusTest
class ProblemAnswersTest {

    @TestHTTPResource("/")
    URI base;

    private static final String ADMIN_ARTICLES = "/api/v1/admin/articles";

    private static ValidatableResponse assertCleanProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("status", equalTo(status))
                .body("type", containsString("/problems/"))
                .body(not(containsString("org.vigil")))
                .body(not(containsString("Exception")))
                .body(not(containsString("jackson")))
                .body(not(containsString("SELECT")))
                .body(not(containsString("\tat ")));
    }

    @Test
    void validationProblemNamesEachInvalidField() {
        assertCleanProblem(
                        given().header("Authorization", Tokens.editor())
                                .contentType("application/json")
                                .body(
                                        "{\"lang\":\"vi\",\"category\":\"online-fraud\",\"title\":\"\",\"summary\":\"s\",\"bodyMarkdown\":\"b\","
                                                + "\"tags\":[\"Not A Slug\"]}")
                                .post(ADMIN_ARTICLES)
                                .then(),
                        400)
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("source"))
                .body("errors.field", hasItem("tags[0]"));
    }

    @Test
    void malformedJsonIsAProblem() {
        assertCleanProblem(
                        given().header("Authorization", Tokens.editor())
                                .contentType("application/json")
                                .body("{\"title\": \"unterminated")
                                .post(ADMIN_ARTICLES)
                                .then(),
                        400)
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void wrongTypeAndUnknownFieldsAreNamed() {
        assertCleanProblem(
                        given().header("Authorization", Tokens.editor())
                                .contentType("application/json")
                                .body("{\"tags\": 42}")
                                .post(ADMIN_ARTICLES)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("tags"));
        assertCleanProblem(
                        given().header("Authorization", Tokens.editor())
                                .contentType("application/json")
                                .body("{\"status\": \"PUBLISHED\"}")
                                .post(ADMIN_ARTICLES)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void wrongMediaTypeIsAProblem() {
        assertCleanProblem(
                given().header("Authorization", Tokens.editor())
                        .contentType("text/plain")
                        .body("hello")
                        .post(ADMIN_ARTICLES)
                        .then(),
                415);
    }

    @Test
    void unacceptableMediaTypeIsAProblem() {
        assertCleanProblem(
                given().accept("application/xml").get("/api/v1/articles").then(), 406);
    }

    @Test
    void bodyOverTheLimitIsAProblem() {
        String huge = "{\"title\":\"" + "x".repeat(1_100_000) + "\"}";
        assertCleanProblem(
                given().header("Authorization", Tokens.editor())
                        .contentType("application/json")
                        .body(huge)
                        .post(ADMIN_ARTICLES)
                        .then(),
                413);
    }

    @Test
    void chunkedJsonIsRefusedButAChunkedUploadIsRead() throws Exception {
        // a chunked body has no Content-Length to check against the 1 MB limit before it is read
        HttpResponse<String> json = send(
                "/api/v1/tips",
                "application/json",
                "{\"category\":\"online-fraud\",\"narrative\":\"" + "x".repeat(1_000) + "\"}");
        assertThat(json.statusCode()).isEqualTo(411);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.body()).contains("/problems/length-required").doesNotContain("Exception");

        // multipart uploads may be chunked: this one reaches the REST layer, which wants its tip part
        HttpResponse<String> upload = send(
                "/api/v1/tips/with-files",
                "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"keepLocation\"\r\n\r\nfalse\r\n--b--\r\n");
        assertThat(upload.statusCode()).isEqualTo(400);
        assertThat(upload.body()).contains("\"tip\"");
    }

    /** A POST whose body goes out chunked (an InputStream of unknown length). */
    private HttpResponse<String> send(String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void missingOrForeignTokenIsAProblem() {
        assertCleanProblem(given().get(ADMIN_ARTICLES).then(), 401).header("WWW-Authenticate", "Bearer");
        assertCleanProblem(
                given().header("Authorization", "Bearer not-a-jwt")
                        .get(ADMIN_ARTICLES)
                        .then(),
                401);
        assertCleanProblem(
                given().header("Authorization", Tokens.bearer("someone", "officer"))
                        .get(ADMIN_ARTICLES)
                        .then(),
                403);
    }

    @Test
    void badPathParameterIsAProblemNotAServerError() {
        assertCleanProblem(
                given().header("Authorization", Tokens.editor())
                        .get(ADMIN_ARTICLES + "/not-a-number")
                        .then(),
                404);
    }

    @Test
    void unconvertibleQueryParameterIsABadRequestNamingIt() {
        assertCleanProblem(given().get("/api/v1/articles?limit=abc").then(), 400)
                .body("errors.field", hasItem("limit"));
        assertCleanProblem(given().get("/api/v1/articles?limit=0").then(), 400).body("errors.field", hasItem("limit"));
    }

    @Test
    void foreignIfMatchOnAPublicReadIsAProblemThatIsNotCached() {
        assertCleanProblem(
                        given().header("If-Match", "\"not-this-version\"")
                                .get("/api/v1/articles")
                                .then(),
                        412)
                .header("Cache-Control", "no-store");
        given().header("If-Match", "*").get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void unparseableContentTypeIsAProblemNotAServerError() {
        assertCleanProblem(
                given().contentType("@@@/;;;")
                        .body("{}".getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/tips")
                        .then(),
                415);
        assertCleanProblem(
                given().header("Authorization", Tokens.editor())
                        .contentType("@@@/;;;")
                        .body("{}".getBytes(StandardCharsets.UTF_8))
                        .post(ADMIN_ARTICLES)
                        .then(),
                415);
    }

    @Test
    void truncatedMultipartBodyIsAProblemNotAServerError() {
        String unterminated =
                "--b\r\nContent-Disposition: form-data; name=\"tip\"\r\nContent-Type: application/json\r\n\r\n{}";
        assertCleanProblem(
                given().contentType("multipart/form-data; boundary=b")
                        .body(unterminated.getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/tips/with-files")
                        .then(),
                400);
        assertCleanProblem(
                given().contentType("multipart/form-data; boundary=b")
                        .body("{\"category\":\"other\"}".getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/tips/with-files")
                        .then(),
                400);
    }

    @Test
    void devTokenShortcutIsNotPartOfNonDevBuilds() {
        assertCleanProblem(given().get("/dev/token?role=editor").then(), 404);
    }
}
