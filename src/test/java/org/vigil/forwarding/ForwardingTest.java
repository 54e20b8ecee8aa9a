package org.vigil.forwarding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.RabbitMqTestResource;
import org.vigil.testsupport.Tokens;

/** Tip events through the outbox to a real RabbitMQ (org.vigil.testsupport.RabbitMqTestResource). */
@QuarkusTest
class ForwardingTest {

    /** Every message taken from this run's queue, in arrival order, across tests. */
    private static final List<Received> RECEIVED = new ArrayList<>();

    private static Connection broker;

    record Received(String messageId, String type, Integer deliveryMode, String contentType, JsonNode body) {}

    @Inject
    ForwardingConfig config;

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    Scheduler scheduler;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void needsTheBroker() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                config.enabled(),
                () -> RabbitMqTestResource.SKIPPED.formatted(
                        System.getenv().getOrDefault("VIGIL_TEST_RABBITMQ", "127.0.0.1:5672")));
        if (broker == null) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost(config.rabbitmq().host());
            factory.setPort(config.rabbitmq().port());
            broker = factory.newConnection("vigil-forwarding-test");
        }
    }

    @AfterAll
    static void closeBroker() throws Exception {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @Test
    void aTipReachesTheQueueWithAStableEventIdAndNoneOfItsContent() {
        String narrative = "Bị giữ hộ chiếu ở Sihanoukville " + UUID.randomUUID();
        String reference = submit(true, "VN-56", narrative, null);
        OutboxEvent row = rowOf(reference);
        assertThat(row.urgent).isTrue();

        Received message = awaitMessages(Set.of(reference)).get(reference).get(0);
        assertThat(message.messageId()).isEqualTo(row.eventId);
        assertThat(message.deliveryMode()).as("persistent").isEqualTo(2);
        assertThat(message.contentType()).isEqualTo("application/json");
        assertThat(message.type()).isEqualTo("tip.received");
        JsonNode body = message.body();
        assertThat(fieldNames(body))
                .containsExactlyInAnyOrder(
                        "eventId", "type", "reference", "category", "inDangerNow", "regionCode", "receivedAt");
        assertThat(body.get("eventId").asText()).isEqualTo(row.eventId);
        assertThat(body.get("category").asText()).isEqualTo("kidnapping-ransom");
        assertThat(body.get("inDangerNow").asBoolean()).isTrue();
        assertThat(body.get("regionCode").asText()).isEqualTo("VN-56");
        assertThat(body.get("receivedAt").asText()).endsWith(":00Z");
        assertThat(body.toString())
                .doesNotContain("Sihanoukville")
                .doesNotContain("0912")
                .doesNotContain("Lan");
        awaitState(reference, OutboxEvent.State.DELIVERED);
    }

    @Test
    void aRetriedSubmissionWritesOneEventAndARefusedOneNone() {
        String key = UUID.randomUUID().toString();
        String reference = submit(false, null, "Tin nhắn trúng thưởng giả " + UUID.randomUUID(), key);
        Map<String, Object> tip = tip(false, null, "x");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(tip(false, null, "Tin nhắn trúng thưởng giả"))
                .post("/api/v1/tips")
                .then()
                .statusCode(422);
        long before = count();
        tip.put("category", "no-such-category");
        given().contentType(ContentType.JSON)
                .body(tip)
                .post("/api/v1/tips")
                .then()
                .statusCode(400);
        assertThat(count()).isEqualTo(before);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> OutboxEvent.count("payload like ?1", "%" + reference + "%")))
                .isEqualTo(1);
    }

    @Test
    void tipsInDangerNowAreDeliveredFirst() throws Exception {
        pauseRelay();
        try (RabbitMqSink sink = new RabbitMqSink(config.rabbitmq())) {
            String first = submit(false, null, "Việc nhẹ lương cao ở Dubai " + UUID.randomUUID(), null);
            String second = submit(false, null, "Đầu tư tiền ảo lãi 30% " + UUID.randomUUID(), null);
            String urgent = submit(true, null, "Em gái bị nhốt, đang bị đánh " + UUID.randomUUID(), null);
            while (relay.relay(sink, 2) > 0) {
                // one batch of two, then the rest: the urgent tip must be in the first
            }
            awaitMessages(Set.of(first, second, urgent));
            List<String> order = RECEIVED.stream()
                    .map(r -> r.body().get("reference").asText())
                    .filter(Set.of(first, second, urgent)::contains)
                    .toList();
            assertThat(order).containsExactly(urgent, first, second);
        } finally {
            scheduler.resume(OutboxRelay.JOB);
        }
    }

    @Test
    void twoRelaysAtOnceDeliverEveryEventExactlyOnce() throws Exception {
        pauseRelay();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // one relay is slow to publish (a far broker, a GC pause): the other must not take its claimed batch meanwhile
        try (RabbitMqSink one = new SlowSink(config.rabbitmq());
                RabbitMqSink other = new RabbitMqSink(config.rabbitmq())) {
            List<String> references = IntStream.range(0, 40)
                    .mapToObj(i -> submit(
                            i % 7 == 0, null, "Cuộc gọi giả danh công an số " + i + " " + UUID.randomUUID(), null))
                    .toList();
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> relays = List.of(one, other).stream()
                    .map(sink -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                int delivered = 0;
                                for (int n; (n = relay.relay(sink, 3)) > 0; ) {
                                    delivered += n;
                                }
                                return delivered;
                            },
                            pool))
                    .toList();
            List<Integer> delivered =
                    relays.stream().map(CompletableFuture::join).toList();

            Map<String, List<Received>> got = awaitMessages(Set.copyOf(references));
            assertThat(delivered).as("both relays took part").allMatch(n -> n > 0);
            references.forEach(reference -> {
                assertThat(got.get(reference)).as(reference).hasSize(1);
                assertThat(got.get(reference).get(0).messageId()).isEqualTo(rowOf(reference).eventId);
                assertThat(rowOf(reference).state).isEqualTo(OutboxEvent.State.DELIVERED);
            });
        } finally {
            pool.shutdown();
            scheduler.resume(OutboxRelay.JOB);
        }
    }

    @Test
    void failuresBackOffThenParkShowInHealthAndMetricsAndARequeueDeliversTheSameEvent() throws Exception {
        pauseRelay();
        try (RabbitMqSink unreachable = new RabbitMqSink(new UnreachableBroker(config.rabbitmq()));
                RabbitMqSink sink = new RabbitMqSink(config.rabbitmq())) {
            String reference = submit(false, "VN-31", "Sàn chứng khoán giả " + UUID.randomUUID(), null);
            String eventId = rowOf(reference).eventId;

            assertThat(relay.relay(unreachable, 50)).isZero();
            OutboxEvent failed = rowOf(reference);
            assertThat(failed.state).isEqualTo(OutboxEvent.State.PENDING);
            assertThat(failed.attempts).isEqualTo(1);
            assertThat(failed.lastError).contains("Connect");
            assertThat(failed.nextAttemptAt).isAfter(java.time.Instant.now());
            assertThat(relay.relay(sink, 50)).as("not due during its backoff").isZero();

            for (int attempt = 2; attempt <= config.maxAttempts(); attempt++) {
                makeDue(reference);
                relay.relay(unreachable, 50);
            }
            assertThat(rowOf(reference).state).isEqualTo(OutboxEvent.State.PARKED);
            makeDue(reference);
            assertThat(relay.relay(sink, 50))
                    .as("a parked event is not retried by itself")
                    .isZero();

            given().get("/q/health/well")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'forwarding' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'forwarding' }.data.parked", greaterThanOrEqualTo(1));
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health").then().statusCode(503);
            String admin = Tokens.bearer("admin.minh", "admin");
            given().header("Authorization", admin)
                    .get("/api/v1/police/forwarding")
                    .then()
                    .statusCode(200)
                    .body("parked", greaterThanOrEqualTo(1))
                    .header("Cache-Control", "no-store");
            given().get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("vigil_forwarding_failures_total"));
            given().header("Authorization", Tokens.bearer("officer.lan", "officer"))
                    .post("/api/v1/police/forwarding/parked/requeue")
                    .then()
                    .statusCode(403);

            given().header("Authorization", admin)
                    .post("/api/v1/police/forwarding/parked/requeue")
                    .then()
                    .statusCode(200)
                    .body("requeued", greaterThanOrEqualTo(1));
            while (relay.relay(sink, 50) > 0) {
                // deliver everything due, the requeued event among it
            }
            assertThat(awaitMessages(Set.of(reference)).get(reference))
                    .extracting(Received::messageId)
                    .containsExactly(eventId);
            given().get("/q/health/well").then().statusCode(200);
        } finally {
            scheduler.resume(OutboxRelay.JOB);
        }
    }

    @Test
    void aRelayThatDiesAfterPublishingIsCoveredByTheLeaseAndTheSameEventIdComesAgain() throws Exception {
        pauseRelay();
        try (RabbitMqSink sink = new RabbitMqSink(config.rabbitmq())) {
            String reference = submit(false, null, "Lừa đảo cho vay online " + UUID.randomUUID(), null);
            // a relay claims and publishes, then dies before recording the delivery
            List<OutboxEvent> claimed = outbox.claimDue(50, config.lease());
            sink.publish(claimed, Duration.ofSeconds(10));
            assertThat(relay.relay(sink, 50)).as("still leased").isZero();
            makeDue(reference); // the lease has lapsed
            while (relay.relay(sink, 50) > 0) {
                // redeliver
            }
            List<Received> copies = awaitMessages(Set.of(reference), 2).get(reference);
            assertThat(copies).hasSize(2).extracting(Received::messageId).containsOnly(rowOf(reference).eventId);
        } finally {
            scheduler.resume(OutboxRelay.JOB);
        }
    }

    // ---- helpers

    /**
     * Stops the scheduled relay so a test drives delivery itself; a run that had already started
     * finishes within one poll's batches, so a short wait covers it.
     */
    private void pauseRelay() throws InterruptedException {
        scheduler.pause(OutboxRelay.JOB);
        Thread.sleep(1_000);
    }

    private static Map<String, Object> tip(boolean inDangerNow, String region, String narrative) {
        Map<String, Object> tip = new LinkedHashMap<>();
        tip.put("category", inDangerNow ? "kidnapping-ransom" : "online-fraud");
        tip.put("narrative", narrative);
        tip.put("inDangerNow", inDangerNow);
        if (region != null) {
            tip.put("place", Map.of("regionCode", region));
        }
        tip.put("identifiers", List.of(Map.of("type", "phone", "value", "0912 777 888")));
        tip.put("contact", Map.of("name", "Lan"));
        return tip;
    }

    private static String submit(boolean inDangerNow, String region, String narrative, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(tip(inDangerNow, region, narrative));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/tips").then().statusCode(201).extract().path("reference");
    }

    private OutboxEvent rowOf(String reference) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>find("payload like ?1", "%\"" + reference + "\"%")
                        .singleResult());
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }

    private void makeDue(String reference) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createQuery(
                                "update OutboxEvent e set e.nextAttemptAt = :past" + " where e.payload like :ref")
                        .setParameter("past", java.time.Instant.now().minusSeconds(1))
                        .setParameter("ref", "%\"" + reference + "\"%")
                        .executeUpdate());
    }

    private void awaitState(String reference, OutboxEvent.State state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (rowOf(reference).state != state) {
            assertThat(System.nanoTime()).as(reference + " to become " + state).isLessThan(deadline);
            sleep();
        }
    }

    private Map<String, List<Received>> awaitMessages(Set<String> references) {
        return awaitMessages(references, 1);
    }

    /** Takes messages off the queue until each reference has arrived {@code copies} times (20 s at most). */
    private Map<String, List<Received>> awaitMessages(Set<String> references, int copies) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (Channel channel = broker.createChannel()) {
            drain(channel);
            while (!references.stream()
                    .allMatch(r ->
                            byReference(references).getOrDefault(r, List.of()).size() >= copies)) {
                assertThat(System.nanoTime())
                        .as("messages for " + references + " in "
                                + config.rabbitmq().queue())
                        .isLessThan(deadline);
                sleep();
                drain(channel);
            }
            Thread.sleep(300);
            drain(channel); // a copy too many would be here by now
            return byReference(references);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void drain(Channel channel) throws java.io.IOException {
        for (GetResponse r; (r = channel.basicGet(config.rabbitmq().queue(), true)) != null; ) {
            RECEIVED.add(new Received(
                    r.getProps().getMessageId(),
                    r.getProps().getType(),
                    r.getProps().getDeliveryMode(),
                    r.getProps().getContentType(),
                    json.readTree(new String(r.getBody(), StandardCharsets.UTF_8))));
        }
    }

    private static Map<String, List<Received>> byReference(Set<String> references) {
        Map<String, List<Received>> byReference = new LinkedHashMap<>();
        RECEIVED.stream()
                .filter(r -> references.contains(r.body().get("reference").asText()))
                .forEach(r -> byReference
                        .computeIfAbsent(r.body().get("reference").asText(), k -> new ArrayList<>())
                        .add(r));
        return byReference;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class SlowSink extends RabbitMqSink {
        SlowSink(ForwardingConfig.RabbitMq settings) {
            super(settings);
        }

        @Override
        public void publish(List<OutboxEvent> batch, Duration confirmWait)
                throws java.io.IOException, java.util.concurrent.TimeoutException, InterruptedException {
            Thread.sleep(40);
            super.publish(batch, confirmWait);
        }
    }

    /** The real broker's settings with a port where nothing listens. */
    private record UnreachableBroker(ForwardingConfig.RabbitMq real) implements ForwardingConfig.RabbitMq {
        public String host() {
            return "127.0.0.1";
        }

        public int port() {
            return 1;
        }

        public String username() {
            return real.username();
        }

        public String password() {
            return real.password();
        }

        public String virtualHost() {
            return real.virtualHost();
        }

        public boolean tls() {
            return false;
        }

        public String queue() {
            return real.queue();
        }

        public String queueType() {
            return real.queueType();
        }

        public Duration confirmTimeout() {
            return real.confirmTimeout();
        }
    }
}
