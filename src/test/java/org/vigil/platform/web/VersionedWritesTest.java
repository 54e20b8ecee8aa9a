package org.vigil.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.platform.web.NoStoreFamiliesTest.Op;
import org.vigil.testsupport.Tokens;

/**
 * One rule for every write that takes a version (EditVersions): without If-Match 428, with a stale
 * one 412, both as problems. The writes are the operations of openapi/openapi.yaml that read
 * If-Match; each is sent to a thing freshly created through its collection's documented example,
 * so that the refusal is the version check and not a 404.
 */
@QuarkusTest
class VersionedWritesTest {

    @Test
    void everyVersionedWriteRequiresIfMatchAndRefusesAStaleOne() throws IOException {
        List<Op> ops = NoStoreFamiliesTest.operations();
        List<Op> versioned =
                ops.stream().filter(VersionedWritesTest::readsIfMatch).toList();
        List<String> ids = versioned.stream().map(Op::id).toList();
        // every editor's change of one thing (a write below an /{id} under /api/v1/admin) is among them
        for (Op op : ops) {
            if (!op.method().equals("get")
                    && op.path().startsWith("/api/v1/admin/")
                    && op.path().contains("/{id}")) {
                assertThat(ids).as("takes a version").contains(op.id());
            }
        }
        assertThat(ids)
                .as("versioned writes: articles', checklists' and events' changes")
                .hasSizeGreaterThanOrEqualTo(13);

        List<String> failures = new ArrayList<>();
        for (Op op : versioned) {
            JsonNode ifMatch = parameters(op).stream()
                    .filter(p -> p.path("name").asText().equalsIgnoreCase("If-Match"))
                    .findFirst()
                    .orElseThrow();
            assertThat(ifMatch.path("required").asBoolean())
                    .as(op.id() + ": If-Match required")
                    .isTrue();
            assertThat(op.node().path("responses").has("428"))
                    .as(op.id() + " documents 428")
                    .isTrue();
            assertThat(op.node().path("responses").has("412"))
                    .as(op.id() + " documents 412")
                    .isTrue();

            long id = create(ops, op);
            String path = op.path().replace("{id}", Long.toString(id));
            Response missing = write(op, path, null);
            Response stale = write(op, path, "\"987654\"");
            if (missing.statusCode() != 428 || !missing.contentType().startsWith("application/problem+json")) {
                failures.add(op.id() + " without If-Match answered " + missing.statusCode());
            }
            if (stale.statusCode() != 412 || !stale.contentType().startsWith("application/problem+json")) {
                failures.add(op.id() + " with a stale If-Match answered " + stale.statusCode());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static boolean readsIfMatch(Op op) {
        return parameters(op).stream()
                .anyMatch(p -> p.path("in").asText().equals("header")
                        && p.path("name").asText().equalsIgnoreCase("If-Match"));
    }

    private static List<JsonNode> parameters(Op op) {
        List<JsonNode> parameters = new ArrayList<>();
        op.pathItem().path("parameters").forEach(parameters::add);
        op.node().path("parameters").forEach(parameters::add);
        return parameters;
    }

    /** A new thing made through the POST of the collection above {@code op}, from its example with a fresh slug. */
    private static long create(List<Op> ops, Op op) {
        String collection = op.path().substring(0, op.path().indexOf("/{id}"));
        Op post = ops.stream()
                .filter(o -> o.method().equals("post") && o.path().equals(collection))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no POST " + collection + " to create what " + op.id() + " changes"));
        return editor().contentType("application/json")
                .body(fresh(example(post)).toString())
                .post(collection)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static Response write(Op op, String path, String ifMatch) {
        RequestSpecification request = editor();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        JsonNode body = example(op);
        if (body != null) {
            request.contentType("application/json").body(fresh(body).toString());
        }
        return request.request(op.method().toUpperCase(), path);
    }

    /** The documented example body, or null for an operation without one. */
    private static JsonNode example(Op op) {
        JsonNode json = op.node().path("requestBody").path("content").path("application/json");
        if (json.isMissingNode()) {
            return null;
        }
        return json.path("examples").elements().hasNext()
                ? json.path("examples").elements().next().path("value")
                : json.path("example");
    }

    /** The example with a slug and translation key no other thing has. */
    private static JsonNode fresh(JsonNode example) {
        JsonNode copy = example.deepCopy();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        if (copy instanceof ObjectNode object) {
            if (object.has("slug")) {
                object.put("slug", "versioned-" + unique);
            }
            if (object.has("translationKey")) {
                object.put("translationKey", "versioned-" + unique);
            }
        }
        return copy;
    }

    private static RequestSpecification editor() {
        return given().header("Authorization", Tokens.editor());
    }
}
