package org.vigil.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar (target/quarkus-app, prod profile) started as its own process, as a deployment runs
 * it: it starts, answers public reads, pages and checks, and stores tips. With a JDK 25 this is also
 * the training run of the AOT cache (pom.xml, profile "aot"): what it runs here, a new replica finds
 * loaded, linked and profiled, so the loops below are the traffic a replica sees most, tips first.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceSettings.class)
class PackagedServiceIT {

    private static final int ROUNDS = 150;
    private static final String TIP = """
            {"category":"online-fraud","narrative":"Kẻ gian giả danh công an gọi điện yêu cầu chuyển tiền vào \
            tài khoản để xác minh.","inDangerNow":false,"identifiers":[{"type":"phone","value":"0912 345 678"},\
            {"type":"bank-account","value":"0451000012345","bank":"VCB"}],"place":{"text":"Xã Nhơn Hải",\
            "regionCode":"VN-31"},"lang":"vi"}""";

    @Test
    void startsInTheProdProfileWithoutDevEndpoints() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/dev/token").then().statusCode(404);
        given().get("/q/swagger-ui").then().statusCode(404);
    }

    @Test
    void storesTipsEachOnceAndFollowsThemUp() {
        Set<String> references = new HashSet<>();
        Response last = null;
        String lastKey = null;
        for (int i = 0; i < ROUNDS; i++) {
            lastKey = UUID.randomUUID().toString();
            last = given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", lastKey)
                    .body(TIP)
                    .post("/api/v1/tips");
            last.then().statusCode(201).header("Cache-Control", containsString("no-store"));
            references.add(last.path("reference"));
        }
        assertThat(references).as("a new reference for every tip").hasSize(ROUNDS);
        String reference = last.path("reference");
        String receipt = last.path("receipt");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", lastKey)
                .body(TIP)
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .body("reference", equalTo(reference));
        given().header("X-Receipt-Code", receipt)
                .get("/api/v1/tips/" + reference)
                .then()
                .statusCode(200)
                .body("status", equalTo("received"));
        given().header("X-Receipt-Code", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
                .get("/api/v1/tips/" + reference)
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void answersPublicReadsPagesAndChecks() {
        List<String> reads = List.of(
                "/api/v1/articles?lang=vi&limit=20",
                "/api/v1/checklists?lang=vi",
                "/api/v1/events?lang=vi",
                "/api/v1/events.ics?lang=vi",
                "/feeds/articles.atom?lang=vi",
                "/feeds/articles.json?lang=en",
                "/api/v1/languages");
        List<String> pages = List.of("/", "/tip", "/check");
        for (int i = 0; i < ROUNDS; i++) {
            for (String read : reads) {
                assertThat(given().get(read).statusCode()).as(read).isEqualTo(200);
            }
            for (String page : pages) {
                assertThat(given().accept("text/html").get(page).statusCode())
                        .as(page)
                        .isEqualTo(200);
            }
            given().queryParam("type", "phone")
                    .queryParam("value", "0912 345 " + (100 + i))
                    .queryParam("lang", "vi")
                    .get("/api/v1/indicators/check")
                    .then()
                    .statusCode(200)
                    .body("listed", equalTo(false));
        }
        given().get("/api/v1/indicators/check?type=phone&value=abc")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().get("/api/v1/checklists/no-such-checklist")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
