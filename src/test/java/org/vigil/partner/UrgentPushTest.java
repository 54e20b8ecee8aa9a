package org.vigil.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.forwarding.ForwardingConfig;
import org.vigil.forwarding.OutboxEvent;
import org.vigil.indicator.IndicatorFixtures;
import org.vigil.indicator.IndicatorService;
import org.vigil.testsupport.Tokens;

/**
 * Urgent indicators: a supervisor publishes a tip-in-danger's identifier at once, a second one
 * confirms it in time or it lapses; the publication is pushed, signed, through the outbox to the
 * webhooks of the partners of its sector — here real HTTP servers in the test that verify every
 * signature with their own code and count deliveries per event id.
 */
@QuarkusTest
class UrgentPushTest {

    private static final String POLICE = "/api/v1/police/indicators/";
    private static final String ADMIN_PARTNERS = "/api/v1/admin/partners/";
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    WebhookRelay relay;

    @Inject
    IndicatorService indicators;

    @Inject
    ForwardingConfig outboxRules;

    @Inject
    Scheduler scheduler;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private final List<Receiver> receivers = new ArrayList<>();
    private final List<String> organisations = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        scheduler.resume(WebhookRelay.JOB);
        // no push of this test may wait for a receiver that is gone, nor stay parked for the next test's health
        for (String code : organisations) {
            admin().delete(ADMIN_PARTNERS + code + "/webhook");
        }
        if (!organisations.isEmpty()) {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createQuery("delete from OutboxEvent e where e.destination in :codes")
                            .setParameter("codes", organisations)
                            .executeUpdate());
        }
        receivers.forEach(r -> r.server.stop(0));
    }

    @Test
    void anUrgentIndicatorIsPushedSignedToThePartnersOfItsSectorWhoAcknowledgeByAnActionReport() throws Exception {
        Receiver bank = receiver(200, 0);
        Receiver telecom = receiver(200, 0);
        Receiver disabled = receiver(200, 0);
        String bankCode = organisation("bank", List.of("bank-account", "phone"), true, bank);
        organisation("telecom", List.of("bank-account", "phone"), true, telecom);
        organisation("bank", List.of("bank-account"), false, disabled);
        organisation("bank", List.of("bank-account"), true, null);

        Urgent urgent = proposedFromATipInDanger();
        supervisor("supervisor.hung")
                .body(urgentBody(today().plusDays(14)))
                .post(POLICE + urgent.id() + "/publish-urgent")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("verifiedBy", equalTo("supervisor.hung"))
                .body("urgent.confirmBy", notNullValue())
                .body("urgent.confirmedBy", nullValue())
                .body("history.action", hasItem("URGENT_PUBLISHED"));

        Delivery delivery = bank.await(1).get(0);
        assertThat(delivery.verified())
                .as("signature of " + delivery.signature())
                .isTrue();
        JsonNode body = json.readTree(delivery.body());
        assertThat(body.get("eventId").asText()).isEqualTo(delivery.eventId());
        assertThat(body.get("type").asText()).isEqualTo("indicator.urgent");
        assertThat(body.at("/indicator/id").asLong()).isEqualTo(urgent.id());
        assertThat(body.at("/indicator/type").asText()).isEqualTo("bank-account");
        assertThat(body.at("/indicator/value").asText()).isEqualTo(urgent.digits());
        assertThat(body.at("/indicator/bank").asText()).isEqualTo("VCB");
        assertThat(body.at("/indicator/state").asText()).isEqualTo("listed");
        assertThat(body.get("reportTo").asText()).isEqualTo("/api/v1/partner/indicators/" + urgent.id() + "/actions");
        assertThat(delivery.body()).as("nothing of the tip").doesNotContain(urgent.reference());
        Thread.sleep(500);
        assertThat(bank.deliveries).as("once").hasSize(1);
        assertThat(telecom.deliveries)
                .as("a bank account is not the operators' to act on")
                .isEmpty();
        assertThat(disabled.deliveries).isEmpty();

        // the bank acknowledges by an action report
        given().header("Authorization", Tokens.partnerOf("it.bank", bankCode))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "account-frozen", "actedAt", Instant.now().toString()))
                .post("/api/v1/partner/indicators/" + urgent.id() + "/actions")
                .then()
                .statusCode(201);

        // four eyes after the fact: not the supervisor who published it
        supervisor("supervisor.hung")
                .post(POLICE + urgent.id() + "/confirm-urgent")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(details(urgent.id()).getString("urgent.confirmedBy")).isNull();
        String until = supervisor("supervisor.mai")
                .post(POLICE + urgent.id() + "/confirm-urgent")
                .then()
                .statusCode(200)
                .body("urgent.confirmedBy", equalTo("supervisor.mai"))
                .body("history.action", hasItem("URGENT_CONFIRMED"))
                .extract()
                .path("expiresAt");
        assertThat(Instant.parse(until))
                .isEqualTo(today().plusDays(15).atStartOfDay(ZONE).toInstant());
        supervisor("supervisor.an")
                .post(POLICE + urgent.id() + "/confirm-urgent")
                .then()
                .statusCode(409);
    }

    @Test
    void twoRelaysDeliverEveryPushOnceAndNeverOneTwiceAtTheSameTime() throws Exception {
        Receiver one = receiver(200, 40);
        Receiver other = receiver(200, 40);
        organisation("bank", List.of("bank-account"), true, one);
        organisation("bank", List.of("bank-account"), true, other);
        pauseRelay();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Long> published = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                published.add(publishUrgent(proposedFromATipInDanger().id()));
            }
            Set<String> events = eventIds();
            assertThat(events).hasSize(16);

            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Integer>> relays = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                relays.add(pool.submit(() -> {
                    start.await();
                    int claimed = 0;
                    for (int n; (n = relay.relay(3)) > 0; ) {
                        claimed += n;
                    }
                    return claimed;
                }));
            }
            List<Integer> claimed = new ArrayList<>();
            for (Future<Integer> f : relays) {
                claimed.add(f.get());
            }

            assertThat(claimed).as("both relays took part").allMatch(n -> n > 0);
            for (Receiver receiver : List.of(one, other)) {
                receiver.await(8);
                assertThat(receiver.deliveries).allMatch(Delivery::verified);
                assertThat(receiver.maxInFlight.get())
                        .as("one event, one delivery at a time")
                        .isEqualTo(1);
            }
            Thread.sleep(300);
            Map<String, Long> perEvent = new LinkedHashMap<>();
            for (Receiver receiver : List.of(one, other)) {
                receiver.deliveries.forEach(d -> perEvent.merge(d.eventId(), 1L, Long::sum));
            }
            assertThat(perEvent.keySet()).isEqualTo(events);
            assertThat(perEvent.values()).as("each event exactly once").allMatch(n -> n == 1);
            assertThat(rows().stream().map(e -> e.state).collect(Collectors.toSet()))
                    .containsExactly(OutboxEvent.State.DELIVERED);
            assertThat(one.deliveries.stream()
                            .map(d -> read(d.body()).at("/indicator/id").asLong())
                            .collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(published);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFailingReceiverGetsRetriesWithBackoffThenThePushParksAndShowsInForwardingHealth() throws Exception {
        Receiver failing = receiver(503, 0);
        organisation("bank", List.of("bank-account"), true, failing);
        pauseRelay();
        publishUrgent(proposedFromATipInDanger().id());
        OutboxEvent queued = rows().get(0);

        assertThat(relay.relay(10)).isEqualTo(1);
        OutboxEvent failed = rows().get(0);
        assertThat(failed.state).isEqualTo(OutboxEvent.State.PENDING);
        assertThat(failed.attempts).isEqualTo(1);
        assertThat(failed.lastError).contains("HTTP 503");
        assertThat(failed.nextAttemptAt).isAfter(Instant.now());
        assertThat(relay.relay(10)).as("not due during its backoff").isZero();

        for (int attempt = 2; attempt <= outboxRules.maxAttempts(); attempt++) {
            makeDue();
            relay.relay(10);
        }
        assertThat(rows().get(0).state).isEqualTo(OutboxEvent.State.PARKED);
        makeDue();
        assertThat(relay.relay(10)).as("a parked push is not retried by itself").isZero();
        assertThat(failing.deliveries).hasSize(outboxRules.maxAttempts());
        assertThat(failing.deliveries)
                .as("every attempt signed, under the same event id")
                .allMatch(d -> d.verified() && d.eventId().equals(queued.eventId));

        given().get("/q/health/well")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'forwarding' }.data.parked", greaterThanOrEqualTo(1));
        admin().get("/api/v1/police/forwarding").then().statusCode(200).body("parked", greaterThanOrEqualTo(1));

        cleanUp();
        organisations.clear();
        receivers.clear();
        given().get("/q/health/well").then().statusCode(200);
    }

    @Test
    void replayedTamperedAndUnsignedPushesFailTheReceiversCheck() throws Exception {
        Receiver bank = receiver(200, 0);
        organisation("bank", List.of("bank-account"), true, bank);
        publishUrgent(proposedFromATipInDanger().id());
        Delivery d = bank.await(1).get(0);
        long t = Long.parseLong(d.signature().split(",")[0].substring(2));

        assertThat(Verifier.verify(bank.secret, d.signature(), d.body(), t)).isTrue();
        assertThat(Verifier.verify(bank.secret, d.signature(), d.body(), t + 301))
                .as("replayed six minutes later")
                .isFalse();
        assertThat(Verifier.verify(bank.secret, d.signature(), d.body().replace("VCB", "ACB"), t))
                .as("body changed")
                .isFalse();
        assertThat(Verifier.verify(bank.secret, d.signature().replace("t=" + t, "t=" + (t + 60)), d.body(), t + 60))
                .as("timestamp moved")
                .isFalse();
        assertThat(Verifier.verify(bank.secret, null, d.body(), t))
                .as("unsigned")
                .isFalse();
        assertThat(Verifier.verify("another-secret-of-at-least-32-chars!", d.signature(), d.body(), t))
                .isFalse();
    }

    @Test
    void anUnconfirmedUrgentPublicationLapses() {
        Urgent urgent = proposedFromATipInDanger();
        publishUrgent(urgent.id());
        check(urgent).then().statusCode(200).body("listed", equalTo(true));

        // the confirmation window has passed (as if two hours went by): the check already says so,
        // and the expiry job records the lapse
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "UPDATE indicator SET urgent_confirm_by = ?1, expires_at = ?1 WHERE id = ?2")
                        .setParameter(1, Instant.now().minusSeconds(1))
                        .setParameter(2, urgent.id())
                        .executeUpdate());
        check(urgent).then().statusCode(200).body("listed", equalTo(false));
        assertThat(indicators.expire()).isGreaterThanOrEqualTo(1);
        supervisor("supervisor.mai")
                .post(POLICE + urgent.id() + "/confirm-urgent")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        var lapsed = details(urgent.id());
        assertThat(lapsed.getString("status")).isEqualTo("EXPIRED");
        assertThat(lapsed.getList("history.action")).contains("URGENT_LAPSED");
        assertThat(lapsed.getString("urgent.confirmedBy")).isNull();
    }

    @Test
    void badUrgentPublicationsAreRefusedWholeWithProblems() {
        Receiver bank = receiver(200, 0);
        organisation("bank", List.of("bank-account", "phone"), true, bank);
        Urgent urgent = proposedFromATipInDanger();
        int history = details(urgent.id()).getList("history").size();

        supervisor("supervisor.hung")
                .body(urgentBody(today().plusDays(15)))
                .post(POLICE + urgent.id() + "/publish-urgent")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("expiresOn"));
        supervisor("supervisor.hung")
                .body(urgentBody(today().minusDays(1)))
                .post(POLICE + urgent.id() + "/publish-urgent")
                .then()
                .statusCode(400);
        supervisor("supervisor.hung")
                .body(Map.of("expiresOn", today().plusDays(3).toString()))
                .post(POLICE + urgent.id() + "/publish-urgent")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        supervisor("supervisor.hung")
                .body(urgentBody(today().plusDays(3)))
                .post(POLICE + "999999999/publish-urgent")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        IndicatorFixtures.as(Tokens.officer("officer.lan", "VN-31"))
                .body(urgentBody(today().plusDays(3)))
                .post(POLICE + urgent.id() + "/publish-urgent")
                .then()
                .statusCode(403);
        // an identifier of a tip nobody is in danger in goes the usual way
        long ordinary = IndicatorFixtures.propose("phone", IndicatorFixtures.phone(), null, null);
        supervisor("supervisor.hung")
                .body(urgentBody(today().plusDays(3)))
                .post(POLICE + ordinary + "/publish-urgent")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        Urgent calm = proposedFromATip(false);
        supervisor("supervisor.hung")
                .body(urgentBody(today().plusDays(3)))
                .post(POLICE + calm.id() + "/publish-urgent")
                .then()
                .statusCode(422);
        supervisor("supervisor.hung")
                .post(POLICE + calm.id() + "/confirm-urgent")
                .then()
                .statusCode(409);
        supervisor("supervisor.hung")
                .post(POLICE + "999999999/confirm-urgent")
                .then()
                .statusCode(404);

        var after = details(urgent.id());
        assertThat(after.getString("status")).isEqualTo("PROPOSED");
        assertThat(after.getList("history")).hasSize(history);
        assertThat(details(calm.id()).getString("status")).isEqualTo("PROPOSED");
        assertThat(rows()).as("nothing queued").isEmpty();

        // published once, it cannot be published as urgent again
        publishUrgent(urgent.id());
        supervisor("supervisor.an")
                .body(urgentBody(today().plusDays(3)))
                .post(POLICE + urgent.id() + "/publish-urgent")
                .then()
                .statusCode(409);
        assertThat(rows()).hasSize(1);
    }

    @Test
    void onlyAdminsRegisterAWebhookWithAnHttpsUrlAndALongSecretWhichIsStoredEncrypted() {
        String code = "push-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(organisationBody("bank", List.of("phone"), true))
                .put(ADMIN_PARTNERS + code)
                .then()
                .statusCode(201);
        organisations.add(code);
        String secret = secret();
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("url", "ftp://hooks.example/x", "secret", secret),
                Map.<String, Object>of("url", "not a url at all", "secret", secret),
                Map.<String, Object>of("url", "https://user:pw@hooks.example/x", "secret", secret),
                Map.<String, Object>of("url", "https://hooks.example/x", "secret", "too-short"),
                Map.<String, Object>of("url", "https://hooks.example/x", "secret", secret + " with spaces"))) {
            admin().body(bad)
                    .put(ADMIN_PARTNERS + code + "/webhook")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        admin().get(ADMIN_PARTNERS + code + "/webhook").then().statusCode(404);
        admin().body(Map.of("url", "https://hooks.example/x", "secret", secret))
                .put(ADMIN_PARTNERS + "no-such-org/webhook")
                .then()
                .statusCode(404);
        IndicatorFixtures.as(Tokens.supervisor("supervisor.hung"))
                .body(Map.of("url", "https://hooks.example/x", "secret", secret))
                .put(ADMIN_PARTNERS + code + "/webhook")
                .then()
                .statusCode(403);

        admin().body(Map.of("url", "https://hooks.example/vigil", "secret", secret))
                .put(ADMIN_PARTNERS + code + "/webhook")
                .then()
                .statusCode(201)
                .body("url", equalTo("https://hooks.example/vigil"))
                .body("secret", nullValue());
        admin().body(Map.of("url", "https://hooks.example/vigil2", "secret", secret()))
                .put(ADMIN_PARTNERS + code + "/webhook")
                .then()
                .statusCode(200)
                .body("url", equalTo("https://hooks.example/vigil2"));
        byte[] stored = QuarkusTransaction.requiringNew()
                .call(() ->
                        (byte[]) em.createNativeQuery("SELECT secret_enc FROM partner_webhook WHERE organisation = ?1")
                                .setParameter(1, code)
                                .getSingleResult());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(0, 16));
        admin().delete(ADMIN_PARTNERS + code + "/webhook").then().statusCode(204);
        admin().delete(ADMIN_PARTNERS + code + "/webhook").then().statusCode(404);
    }

    /** Two admins replacing one organisation's webhook at the same moment: both succeed, one webhook stays. */
    @Test
    void concurrentReplacementsOfAWebhookTakeTurns() throws Exception {
        String code = "push-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(organisationBody("bank", List.of("phone"), true))
                .put(ADMIN_PARTNERS + code)
                .then()
                .statusCode(201);
        organisations.add(code);
        int admins = 6;
        CyclicBarrier together = new CyclicBarrier(admins);
        ExecutorService pool = Executors.newFixedThreadPool(admins);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < admins; i++) {
                String url = "https://hooks.example/vigil-" + i;
                answers.add(pool.submit(() -> {
                    together.await();
                    return admin().body(Map.of("url", url, "secret", secret()))
                            .put(ADMIN_PARTNERS + code + "/webhook")
                            .then()
                            .extract()
                            .statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        Number rows = QuarkusTransaction.requiringNew()
                .call(() ->
                        (Number) em.createNativeQuery("SELECT COUNT(*) FROM partner_webhook WHERE organisation = ?1")
                                .setParameter(1, code)
                                .getSingleResult());
        assertThat(rows.intValue()).isEqualTo(1);
        admin().delete(ADMIN_PARTNERS + code + "/webhook").then().statusCode(204);
    }

    // ---- the partner's side: what the README tells a bank to run

    /** Verification of a Vigil-Signature as the README shows it, written apart from the service's signer. */
    static final class Verifier {
        static final long TOLERANCE_SECONDS = 300;

        static boolean verify(String secret, String header, String body, long nowSeconds) {
            if (header == null) {
                return false;
            }
            long t = -1;
            List<String> signatures = new ArrayList<>();
            for (String part : header.split(",")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals("t") && kv[1].matches("\\d{1,12}")) {
                    t = Long.parseLong(kv[1]);
                } else if (kv.length == 2 && kv[0].equals("v1")) {
                    signatures.add(kv[1]);
                }
            }
            if (t < 0 || Math.abs(nowSeconds - t) > TOLERANCE_SECONDS) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
                for (String candidate : signatures) {
                    if (candidate.matches("[0-9a-f]{64}")
                            && MessageDigest.isEqual(expected, HexFormat.of().parseHex(candidate))) {
                        return true;
                    }
                }
                return false;
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record Delivery(String eventId, String signature, String body, boolean verified) {}

    /** A partner's webhook: a real HTTP server that checks each signature and counts what arrives. */
    private Receiver receiver(int status, long handlingMillis) {
        try {
            Receiver receiver = new Receiver(secret(), status, handlingMillis);
            receivers.add(receiver);
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Receiver {
        final String secret;
        final HttpServer server;
        final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        final AtomicInteger maxInFlight = new AtomicInteger();

        Receiver(String secret, int status, long handlingMillis) throws IOException {
            this.secret = secret;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/hook", exchange -> {
                String eventId = exchange.getRequestHeaders().getFirst("Vigil-Event-Id");
                AtomicInteger now = inFlight.computeIfAbsent(String.valueOf(eventId), k -> new AtomicInteger());
                maxInFlight.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    String signature = exchange.getRequestHeaders().getFirst("Vigil-Signature");
                    Thread.sleep(handlingMillis);
                    deliveries.add(new Delivery(
                            eventId,
                            signature,
                            body,
                            Verifier.verify(
                                    secret, signature, body, Instant.now().getEpochSecond())));
                    exchange.sendResponseHeaders(status, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    now.decrementAndGet();
                    exchange.close();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<Delivery> await(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (deliveries.size() < count) {
                assertThat(System.nanoTime()).as(count + " deliveries").isLessThan(deadline);
                Thread.sleep(50);
            }
            return List.copyOf(deliveries);
        }
    }

    // ---- helpers

    record Urgent(long id, String reference, String digits) {}

    private Urgent proposedFromATipInDanger() {
        return proposedFromATip(true);
    }

    /** A tip naming a bank account, and an officer of its region proposing that account. */
    private static Urgent proposedFromATip(boolean inDangerNow) {
        String account = IndicatorFixtures.accountNumber();
        Map<String, Object> tip = new LinkedHashMap<>();
        tip.put("category", inDangerNow ? "kidnapping-ransom" : "online-fraud");
        tip.put("narrative", "Gia đình bị yêu cầu chuyển tiền chuộc vào tài khoản này " + UUID.randomUUID());
        tip.put("inDangerNow", inDangerNow);
        tip.put("place", Map.of("regionCode", "VN-31"));
        tip.put("identifiers", List.of(Map.of("type", "bank-account", "value", account, "bank", "vcb")));
        String reference = given().contentType(ContentType.JSON)
                .body(tip)
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .extract()
                .path("reference");
        long id = IndicatorFixtures.as(Tokens.officer("officer.lan", "VN-31"))
                .body(Map.of("scamTypes", List.of("fake-job-abroad")))
                .post("/api/v1/police/tips/" + reference + "/identifiers/0/indicator")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        return new Urgent(id, reference, account.replace(" ", ""));
    }

    /** The public check of the urgent account. */
    private static io.restassured.response.Response check(Urgent urgent) {
        return given().queryParam("type", "bank-account")
                .queryParam("value", urgent.digits())
                .queryParam("bank", "VCB")
                .get("/api/v1/indicators/check");
    }

    private static long publishUrgent(long id) {
        supervisor("supervisor.hung")
                .body(urgentBody(today().plusDays(7)))
                .post(POLICE + id + "/publish-urgent")
                .then()
                .statusCode(200);
        return id;
    }

    private static Map<String, Object> urgentBody(LocalDate expiresOn) {
        return Map.of(
                "expiresOn", expiresOn.toString(), "reason", "Con tin đang bị giữ, hạn chót chuyển tiền tối nay.");
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private static io.restassured.path.json.JsonPath details(long id) {
        return supervisor("supervisor.hung")
                .get(POLICE + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static RequestSpecification supervisor(String user) {
        return IndicatorFixtures.as(Tokens.supervisor(user));
    }

    private static RequestSpecification admin() {
        return IndicatorFixtures.as(Tokens.bearer("admin.minh", "admin"));
    }

    private static Map<String, Object> organisationBody(String sector, List<String> types, boolean enabled) {
        return Map.of("name", "Ngân hàng thử " + sector, "sector", sector, "enabled", enabled, "indicatorTypes", types);
    }

    /** A new organisation of this test, with a webhook to {@code receiver} unless null; its code. */
    private String organisation(String sector, List<String> types, boolean enabled, Receiver receiver) {
        String code = "push-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(organisationBody(sector, types, enabled))
                .put(ADMIN_PARTNERS + code)
                .then()
                .statusCode(201);
        organisations.add(code);
        if (receiver != null) {
            admin().body(Map.of("url", receiver.url(), "secret", receiver.secret))
                    .put(ADMIN_PARTNERS + code + "/webhook")
                    .then()
                    .statusCode(201);
        }
        return code;
    }

    private static String secret() {
        return UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "");
    }

    /** This test's queued pushes. */
    private List<OutboxEvent> rows() {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "from OutboxEvent e where e.destination in :codes order by e.id", OutboxEvent.class)
                        .setParameter("codes", organisations)
                        .getResultList());
    }

    private Set<String> eventIds() {
        return rows().stream().map(e -> e.eventId).collect(Collectors.toSet());
    }

    private void makeDue() {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createQuery("update OutboxEvent e set e.nextAttemptAt = :past"
                                + " where e.destination in :codes and e.state = :pending")
                        .setParameter("past", Instant.now().minusSeconds(1))
                        .setParameter("codes", organisations)
                        .setParameter("pending", OutboxEvent.State.PENDING)
                        .executeUpdate());
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the scheduled relay so the test drives delivery; a run already started ends within a poll. */
    private void pauseRelay() throws InterruptedException {
        scheduler.pause(WebhookRelay.JOB);
        Thread.sleep(1_000);
    }
}
