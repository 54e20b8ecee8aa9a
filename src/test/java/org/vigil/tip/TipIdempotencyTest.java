package org.vigil.tip;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vigil.tip.TipFixtures.execute;
import static org.vigil.tip.TipFixtures.longValue;
import static org.vigil.tip.TipFixtures.rowCounts;
import static org.vigil.tip.TipFixtures.tip;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TipIdempotencyTest {

    @Inject
    DataSource db;

    @Inject
    org.vigil.platform.crypto.FieldCipher cipher;

    @Inject
    TipService service;

    private static ExtractableResponse<Response> send(String key, Object body) {
        return given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/tips")
                .then()
                .extract();
    }

    @Test
    void retryWithSameKeyAndBodyReturnsTheSameTipAndAWorkingReceipt() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> tip = tip();
        long tipsBefore = longValue(db, "SELECT COUNT(*) FROM tip");

        ExtractableResponse<Response> first = send(key, tip);
        ExtractableResponse<Response> retry = send(key, tip);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.<String>path("reference")).isEqualTo(first.path("reference"));
        assertThat(retry.<String>path("receipt")).isEqualTo(first.path("receipt"));
        assertThat(retry.header("Cache-Control")).isEqualTo("no-store");
        assertThat(longValue(db, "SELECT COUNT(*) FROM tip")).isEqualTo(tipsBefore + 1);
        given().header("X-Receipt-Code", retry.<String>path("receipt"))
                .get("/api/v1/tips/" + retry.path("reference"))
                .then()
                .statusCode(200);
        assertThat(TipFixtures.stringValue(
                        db,
                        "SELECT HEX(receipt_enc) FROM tip_idempotency i JOIN tip t ON t.id = i.tip_id"
                                + " WHERE t.reference = '" + first.path("reference") + "'"))
                .as("the stored receipt is encrypted")
                .isNotNull()
                .doesNotContain(TipFixtures.stringValue(db, "SELECT HEX('" + first.path("receipt") + "')"));
    }

    @Test
    void theStoredReceiptOpensOnlyWithTheIdempotencyKeyNotWithTheDatabaseAndServiceKeys() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> tip = tip();
        ExtractableResponse<Response> first = send(key, tip);
        assertThat(first.statusCode()).isEqualTo(201);
        String receipt = first.path("receipt");

        byte[] stored;
        String keyHash;
        long tipId;
        try (var c = db.getConnection();
                var s = c.createStatement();
                var r = s.executeQuery("SELECT i.receipt_enc, i.key_hash,"
                        + " i.tip_id FROM tip_idempotency i JOIN tip t ON t.id = i.tip_id WHERE t.reference = '"
                        + first.path("reference") + "'")) {
            assertThat(r.next()).isTrue();
            stored = r.getBytes(1);
            keyHash = r.getString(2);
            tipId = r.getLong(3);
        }
        // whoever holds the database and every service key (the %test keys) cannot read it
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> cipher.decrypt(stored, TipIdempotency.aad(keyHash, tipId)))
                .isInstanceOf(org.vigil.platform.crypto.UnreadableValueException.class);
        assertThat(org.vigil.platform.crypto.FieldCipher.keyIdOf(stored))
                .as("under no service key")
                .isEmpty();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(receipt);

        ExtractableResponse<Response> retry = send(key, tip);
        assertThat(retry.<String>path("receipt")).isEqualTo(receipt);
        given().header("X-Receipt-Code", retry.<String>path("receipt"))
                .get("/api/v1/tips/" + retry.path("reference"))
                .then()
                .statusCode(200);

        ExtractableResponse<Response> otherKey = send(UUID.randomUUID().toString(), tip);
        assertThat(otherKey.statusCode()).isEqualTo(201);
        assertThat(otherKey.<String>path("reference"))
                .as("another key is another tip")
                .isNotEqualTo(first.path("reference"));
        assertThat(otherKey.<String>path("receipt")).isNotEqualTo(receipt);
        assertThat(otherKey.asString()).doesNotContain(receipt).doesNotContain(first.<String>path("reference"));
    }

    @Test
    void sameKeyWithADifferentBodyIsUnprocessableAndWritesNothing() {
        String key = UUID.randomUUID().toString();
        send(key, tip());
        Map<String, Long> before = rowCounts(db);
        ExtractableResponse<Response> other = send(key, tip());
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(rowCounts(db)).isEqualTo(before);
    }

    @Test
    void concurrentRepeatsCreateOneTipAndAnswerTheSameOrConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> tip = tip();
        long tipsBefore = longValue(db, "SELECT COUNT(*) FROM tip");
        int parallel = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(key, tip);
                }));
            }
            start.countDown();
            List<String> references = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isIn(201, 409);
                if (response.statusCode() == 201) {
                    references.add(response.path("reference"));
                } else {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
            assertThat(references).isNotEmpty();
            assertThat(references).as("every 201 names the same tip").containsOnly(references.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(longValue(db, "SELECT COUNT(*) FROM tip")).isEqualTo(tipsBefore + 1);
        // a later retry still gets the committed answer
        assertThat(send(key, tip).statusCode()).isEqualTo(201);
        assertThat(longValue(db, "SELECT COUNT(*) FROM tip")).isEqualTo(tipsBefore + 1);
    }

    @Test
    void keysExpireAndThePurgeDeletesThemWithTheirReceipt() {
        String key = UUID.randomUUID().toString();
        String reference = send(key, tip()).path("reference");
        String ofThisTip =
                " FROM tip_idempotency WHERE tip_id = (SELECT id FROM tip WHERE reference = '" + reference + "')";
        assertThat(longValue(db, "SELECT COUNT(*)" + ofThisTip)).isEqualTo(1);

        execute(
                db,
                "UPDATE tip_idempotency SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE tip_id ="
                        + " (SELECT id FROM tip WHERE reference = '" + reference + "')");
        service.purgeExpiredIdempotencyKeys();
        assertThat(longValue(db, "SELECT COUNT(*)" + ofThisTip)).isZero();

        // after expiry the key is free again: a different tip under it is accepted, not refused
        ExtractableResponse<Response> reused = send(key, tip());
        assertThat(reused.statusCode()).isEqualTo(201);
        assertThat(reused.<String>path("reference")).isNotEqualTo(reference);
    }

    @Test
    void anExpiredKeyNotYetPurgedIsNotReplayed() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> tip = tip();
        String reference = send(key, tip).path("reference");
        execute(
                db,
                "UPDATE tip_idempotency SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE tip_id ="
                        + " (SELECT id FROM tip WHERE reference = '" + reference + "')");
        assertThat(send(key, tip).<String>path("reference")).isNotEqualTo(reference);
    }

    @Test
    void keysExpireAfterTwentyFourHours() {
        String reference = send(UUID.randomUUID().toString(), tip()).path("reference");
        long hours = longValue(
                db,
                "SELECT TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), expires_at) FROM tip_idempotency"
                        + " WHERE tip_id = (SELECT id FROM tip WHERE reference = '" + reference + "')");
        assertThat(hours).isBetween(24 * 60 - 2L, 24 * 60L);
    }

    @Test
    void malformedKeyIsABadRequestNamingTheHeader() {
        Map<String, Long> before = rowCounts(db);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "x".repeat(300))
                .body(tip())
                .post("/api/v1/tips")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(rowCounts(db)).isEqualTo(before);
    }
}
