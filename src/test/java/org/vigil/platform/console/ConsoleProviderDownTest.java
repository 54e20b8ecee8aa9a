package org.vigil.platform.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console while its login provider is down (nothing listens at the configured issuer): a clear
 * 503 page in the pages' layout, never a stack trace; the rest of the service answers as usual.
 */
@QuarkusTest
@TestProfile(ConsoleProviderDownTest.ProviderDown.class)
class ConsoleProviderDownTest {

    public static class ProviderDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/vigil");
        }
    }

    @Test
    void theConsoleSaysTheLoginProviderIsUnavailable() {
        given().accept("text/html")
                .header("Accept-Language", "en")
                .get("/console/police")
                .then()
                .statusCode(503)
                .header("Cache-Control", "no-store")
                .body(containsString("Login provider unavailable"), not(containsString("Exception")));
        given().accept("text/html").get("/").then().statusCode(200);
    }
}
