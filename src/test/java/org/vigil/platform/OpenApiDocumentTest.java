package org.vigil.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi/openapi.yaml (from which clients are generated) must be exactly what the
 * service serves. After an intended API change, refresh it with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true} and commit the file.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    @Test
    void committedDocumentMatchesTheServedOne() throws IOException {
        String served = given().get("/q/openapi?format=yaml")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("openapi/openapi.yaml is committed").exists();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("openapi/openapi.yaml differs from the served document; run"
                        + " ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true and commit it")
                .isEqualTo(served);
    }

    @Test
    void everyOperationHasASummaryAndDocumentsItsErrors() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!(op instanceof Map<?, ?> operation) || method.equals("parameters")) {
                return;
            }
            assertThat(operation.get("summary"))
                    .as("summary of %s %s", method, path)
                    .isNotNull();
            Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
            assertThat(responses.keySet().stream().map(String::valueOf).anyMatch(code -> code.startsWith("4")))
                    .as("%s %s documents its 4xx problems", method, path)
                    .isTrue();
        }));
    }
}
