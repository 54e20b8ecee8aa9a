package org.vigil.tip;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vigil.tip.TipFixtures.accepted;
import static org.vigil.tip.TipFixtures.rowCounts;
import static org.vigil.tip.TipFixtures.submit;
import static org.vigil.tip.TipFixtures.tip;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.platform.ratelimit.RateLimiter;
import org.vigil.platform.ratelimit.SourceKeys;

@QuarkusTest
class TipRateLimitTest {

    private static final String WRONG = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG";

    @Inject
    TipLimits limits;

    @Inject
    SourceKeys sourceKeys;

    @Inject
    DataSource db;

    private static ExtractableResponse<Response> follow(String reference, String receipt) {
        return given().header("X-Receipt-Code", receipt)
                .get("/api/v1/tips/" + reference)
                .then()
                .extract();
    }

    private static void assertTooMany(ExtractableResponse<Response> answer) {
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
        assertThat(answer.<Integer>path("status")).isEqualTo(429);
    }

    @Test
    void repeatedWrongReceiptsForOneReferenceAreRefusedWithRetryAfter() {
        String[] tip = accepted();
        String[] other = accepted();
        for (int i = 0; i < 5; i++) {
            assertThat(follow(tip[0], WRONG).statusCode()).isEqualTo(404);
        }
        assertTooMany(follow(tip[0], WRONG));
        assertTooMany(follow(tip[0], tip[1])); // no more guesses, not even a right one, until the wait is over
        assertThat(follow(other[0], other[1]).statusCode())
                .as("other references are not affected")
                .isEqualTo(200);
    }

    @Test
    void everySpellingOfAReferenceSharesItsFailures() {
        String[] tip = accepted();
        String reference = tip[0];
        String spaced = reference.substring(0, 4) + "-" + reference.substring(4, 8) + " " + reference.substring(8);
        String[] spellings = {
            reference,
            reference.toLowerCase(),
            spaced,
            spaced.toLowerCase(),
            reference.replace('0', 'O').replace('1', 'I'),
            " " + reference + "-"
        };
        for (int i = 0; i < 5; i++) {
            assertThat(given().header("X-Receipt-Code", WRONG)
                            .get("/api/v1/tips/{ref}", spellings[i + 1])
                            .statusCode())
                    .isEqualTo(404);
        }
        assertTooMany(follow(reference, WRONG));
        assertTooMany(follow(reference, tip[1]));
    }

    @Test
    void aGuesserIsStoppedByTheirSourceLimitBeforeTheyLockTheTipsterOut() {
        String[] tip = accepted();
        try {
            // the attacker's network has used up its wrong receipts (the test's only address stands for it)
            for (String loopback : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
                drain(limits.receiptFailuresPerSource, sourceKeys.of(loopback));
            }
            for (int i = 0; i < 10; i++) {
                assertTooMany(follow(tip[0], WRONG));
            }
        } finally {
            limits.receiptFailuresPerSource.reset();
        }
        // the tipster, from another network: the attacker's ten tries did not count against the reference
        assertThat(follow(tip[0], tip[1]).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownReferencesAreLimitedExactlyLikeKnownOnes() {
        String unknown = TipCodes.newReference();
        for (int i = 0; i < 5; i++) {
            assertThat(follow(unknown, WRONG).statusCode()).isEqualTo(404);
        }
        assertTooMany(follow(unknown, WRONG));
    }

    @Test
    void rightReceiptsDoNotCountAsFailures() {
        String[] tip = accepted();
        for (int i = 0; i < 8; i++) {
            assertThat(follow(tip[0], tip[1]).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void globalSubmissionCapGives429WithRetryAfterAndWritesNothing() {
        try {
            drain(limits.submissionsGlobal, "*");
            Map<String, Long> before = rowCounts(db);
            ExtractableResponse<Response> answer = submit(tip()).extract();
            assertTooMany(answer);
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(rowCounts(db)).isEqualTo(before);
        } finally {
            limits.submissionsGlobal.reset();
        }
        submit(tip()).statusCode(201);
    }

    @Test
    void perSourceSubmissionLimitGives429() {
        try {
            for (String loopback : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
                drain(limits.submissionsPerSource, sourceKeys.of(loopback));
            }
            assertTooMany(submit(tip()).extract());
        } finally {
            limits.submissionsPerSource.reset();
        }
    }

    @Test
    void globalCapOnFollowUpsGives429() {
        String[] tip = accepted();
        try {
            drain(limits.receiptChecksGlobal, "*");
            assertTooMany(follow(tip[0], tip[1]));
        } finally {
            limits.receiptChecksGlobal.reset();
        }
        given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/" + tip[0])
                .then()
                .statusCode(200)
                .body("reference", equalTo(tip[0]));
    }

    private static void drain(RateLimiter limiter, String key) {
        while (limiter.tryAcquire(key).isEmpty()) {
            // take every token this key has
        }
    }
}
