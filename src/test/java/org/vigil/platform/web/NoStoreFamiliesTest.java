package org.vigil.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.platform.security.Roles;
import org.vigil.testsupport.Tokens;

/**
 * No browser or proxy keeps what is not public: every operation of the committed
 * openapi/openapi.yaml that is not a public read answers {@code Cache-Control: no-store}, with the
 * token of a role it lets through and without one, successes and problems alike. Operations are
 * read from the document, so a new address is checked without this class changing; a new public
 * read must be named here (or be a conditional read, documenting 304) to be let off.
 */
@QuarkusTest
class NoStoreFamiliesTest {

    /** Public reads that are not conditional reads of PublicCaching (they document no 304). */
    private static final Set<String> PUBLIC_UNCONDITIONAL =
            Set.of("GET /api/v1/languages", "GET /.well-known/jwks.json");

    private static final List<String> ROLES =
            List.of(Roles.EDITOR, Roles.SUPERVISOR, Roles.OFFICER, Roles.ADMIN, Roles.PARTNER);

    record Op(String method, String path, JsonNode node, JsonNode pathItem) {

        String id() {
            return method.toUpperCase() + " " + path;
        }

        boolean secured() {
            return node.path("security").size() > 0;
        }

        boolean publicRead() {
            return method.equals("get")
                    && !secured()
                    && (node.path("responses").has("304") || PUBLIC_UNCONDITIONAL.contains(id()));
        }
    }

    static List<Op> operations() throws IOException {
        JsonNode document =
                new YAMLMapper().readTree(Path.of("openapi", "openapi.yaml").toFile());
        List<Op> ops = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (Set.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                        ops.add(new Op(op.getKey(), path.getKey(), op.getValue(), path.getValue()));
                    }
                }));
        return ops;
    }

    @Test
    void everyOperationThatIsNotAPublicReadAnswersNoStore() throws IOException {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int checked = 0;
        for (Op op : operations()) {
            if (op.publicRead()) {
                continue;
            }
            checked++;
            // as a stranger: the security layer's or the resource's refusal
            check(op, send(op, null), failures, statuses);
            if (op.secured()) {
                // with the first role let through: the resource's own answer (often a 2xx)
                for (String role : ROLES) {
                    Response answer = send(op, Tokens.bearer("nostore-" + role, role));
                    if (answer.statusCode() != 403) {
                        check(op, answer, failures, statuses);
                        break;
                    }
                }
            }
        }
        System.out.println("NoStoreFamiliesTest: " + checked + " operations, answers " + statuses);
        assertThat(checked).as("operations that are not public reads").isGreaterThan(40);
        assertThat(statuses.keySet())
                .as("successes were checked too, not only problems")
                .anyMatch(s -> s.startsWith("2"));
        assertThat(failures).as("answers without Cache-Control: no-store").isEmpty();
    }

    @Test
    void publicReadsKeepTheirPublicCaching() throws IOException {
        int checked = 0;
        for (Op op : operations()) {
            if (!op.publicRead() || op.path().contains("{")) {
                continue;
            }
            checked++;
            Response answer = given().get(op.path());
            assertThat(answer.statusCode()).as(op.id()).isEqualTo(200);
            String cacheControl = answer.header("Cache-Control");
            if (op.node().path("responses").has("304")) {
                assertThat(cacheControl).as(op.id()).startsWith("public, max-age=");
            } else {
                assertThat(cacheControl == null ? "" : cacheControl).as(op.id()).doesNotContain("no-store");
            }
        }
        assertThat(checked).as("public reads").isGreaterThan(5);
    }

    private static void check(Op op, Response answer, List<String> failures, Map<String, Integer> statuses) {
        statuses.merge(String.valueOf(answer.statusCode()), 1, Integer::sum);
        if (!"no-store".equals(answer.header("Cache-Control"))) {
            failures.add(op.id() + " answered " + answer.statusCode() + " with Cache-Control "
                    + answer.header("Cache-Control"));
        }
    }

    /** A plausible request from the document: examples for parameters and body, unknown ids for path parameters. */
    private static Response send(Op op, String authorization) {
        RequestSpecification request = given().redirects().follow(false);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        String path = op.path();
        List<JsonNode> parameters = new ArrayList<>();
        op.pathItem().path("parameters").forEach(parameters::add);
        op.node().path("parameters").forEach(parameters::add);
        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            String example = p.has("example")
                    ? p.get("example").asText()
                    : p.path("schema").path("examples").path(0).asText(null);
            switch (p.path("in").asText()) {
                case "path" ->
                    path = path.replace(
                            "{" + name + "}",
                            p.path("schema").path("type").asText().equals("integer")
                                    ? "987654321987"
                                    : example == null ? "x" : example);
                case "query" -> {
                    if (p.path("required").asBoolean() || (example != null && !name.equals("cursor"))) {
                        request.queryParam(name, example == null ? "x" : example);
                    }
                }
                case "header" -> {
                    if (name.equalsIgnoreCase("Idempotency-Key")) {
                        request.header(name, UUID.randomUUID().toString());
                    } else if (example != null && !name.equalsIgnoreCase("If-None-Match")) {
                        request.header(name, example);
                    }
                }
                default -> {}
            }
        }
        JsonNode json = op.node().path("requestBody").path("content").path("application/json");
        if (!json.isMissingNode()) {
            JsonNode example = json.path("examples").elements().hasNext()
                    ? json.path("examples").elements().next().path("value")
                    : json.path("example");
            request.contentType("application/json").body(example.isMissingNode() ? "{}" : example.toString());
        }
        return request.request(op.method().toUpperCase(), path);
    }
}
