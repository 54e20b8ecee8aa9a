package org.vigil.tip;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a generated Android client needs from the document: headers, multipart bodies, every problem. */
@QuarkusTest
class TipOpenApiTest {

    private static JsonPath document() {
        return given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void followUpOperationsDocumentTheRequiredReceiptHeader() {
        JsonPath doc = document();
        for (String operation : List.of(
                "'/api/v1/tips/{reference}'.get",
                "'/api/v1/tips/{reference}/filing-proofs'.get",
                "'/api/v1/tips/{reference}/messages'.post",
                "'/api/v1/tips/{reference}/attachments'.post")) {
            List<Map<String, Object>> parameters = doc.getList("paths." + operation + ".parameters");
            assertThat(parameters)
                    .as(operation)
                    .anySatisfy(p -> assertThat(p)
                            .containsEntry("in", "header")
                            .containsEntry("name", "X-Receipt-Code")
                            .containsEntry("required", true));
            assertThat(parameters)
                    .as("never in the URL")
                    .noneSatisfy(p -> assertThat(p).containsEntry("in", "query"));
        }
    }

    @Test
    void submissionDocumentsIdempotencyMultipartAndEveryProblem() {
        JsonPath doc = document();
        String post = "paths.'/api/v1/tips'.post";
        assertThat(doc.getList(post + ".parameters.name")).contains("Idempotency-Key");
        // one body type per operation: generators take only the first (the multipart form has its own path)
        assertThat(doc.getMap(post + ".requestBody.content")).containsOnlyKeys("application/json");
        assertThat(doc.getMap(post + ".responses")).containsKeys("201", "400", "409", "413", "415", "422", "429");
        assertThat(doc.getMap(post + ".responses.'429'.content")).containsKey("application/problem+json");
        assertThat(doc.getString(post + ".responses.'201'.content.'application/json'.schema.'$ref'"))
                .endsWith("TipReceipt");

        String withFiles = "paths.'/api/v1/tips/with-files'.post";
        assertThat(doc.getList(withFiles + ".parameters.name")).contains("Idempotency-Key");
        assertThat(doc.getMap(withFiles + ".requestBody.content")).containsOnlyKeys("multipart/form-data");
        assertThat(doc.getString(withFiles + ".requestBody.content.'multipart/form-data'.encoding.tip.contentType"))
                .isEqualTo("application/json");
        assertThat(doc.getMap(withFiles + ".responses"))
                .containsKeys("201", "400", "409", "413", "415", "422", "429", "503");
        assertThat(doc.getMap(withFiles + ".responses.'201'.headers")).containsKey("Location");
        assertThat(doc.getString("components.schemas.TipWithFilesForm.properties.files.items.format"))
                .isEqualTo("binary");
        // a $ref stands alone: generators reject one with other keywords beside it
        assertThat(doc.getMap(withFiles + ".requestBody.content.'multipart/form-data'.schema"))
                .containsOnlyKeys("$ref");
        assertThat(doc.getMap("components.schemas.TipWithFilesForm.properties.tip"))
                .doesNotContainKey("type");

        String upload = "paths.'/api/v1/tips/{reference}/attachments'.post";
        assertThat(doc.getMap(upload + ".requestBody.content.'multipart/form-data'.schema"))
                .containsOnlyKeys("$ref");
        assertThat(doc.getString("components.schemas.TipAttachmentsForm.properties.files.items.format"))
                .isEqualTo("binary");
        assertThat(doc.getMap(upload + ".responses")).containsKeys("201", "400", "404", "413", "415", "429", "503");
    }
}
