package org.vigil.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformTest {

    @Test
    void livenessAndReadinessIncludeTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void listsSupportedLanguagesFromTheDatabase() {
        given().get("/api/v1/languages")
                .then()
                .statusCode(200)
                .body("code", hasItems("vi", "en"))
                .body("find { it.code == 'vi' }.nativeName", equalTo("Tiếng Việt"));
    }

    @Test
    void unknownRouteIsAProblem() {
        given().get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"));
        given().get("/nothing/here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodIsAProblem() {
        given().delete("/api/v1/languages")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405));
    }
}
