package org.vigil.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.indicator.IndicatorFixtures;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.error.ApiException;
import org.vigil.testsupport.Tokens;

/**
 * The supervisors' summary on the real database: tips made through the API and triaged through it,
 * then moved (with their audit lines, indicators and partner reports) into a month long past that
 * no other test uses, so that every figure of that month is known exactly.
 */
@QuarkusTest
class PoliceSummaryTest {

    @Inject
    PoliceSummary summaries;

    @Inject
    DataSource db;

    @Inject
    VigilConfig vigil;

    private static final String SUPERVISOR = Tokens.supervisor("summary.supervisor");

    @Test
    void aPeriodIsCountedByCategoryRegionStatusAndOutcomeWithWaitsAndIndicators() throws SQLException {
        ZoneId zone = ZoneId.of(vigil.defaultZone());
        YearMonth month = YearMonth.of(
                1990 + ThreadLocalRandom.current().nextInt(20),
                1 + ThreadLocalRandom.current().nextInt(12));
        LocalDateTime start = month.atDay(1).atTime(8, 0);

        String referred = tip("online-fraud", "VN-56", false);
        String spam = tip("online-fraud", "VN-56", false);
        String triaged = tip("kidnapping-ransom", null, true);
        String untouched = tip("other", "VN-31", false);
        String nextMonth = tip("online-fraud", "VN-56", false);
        status(referred, "TRIAGED", null);
        status(referred, "INVESTIGATING", null);
        status(referred, "REFERRED", null);
        status(spam, "REJECTED", "spam");
        status(triaged, "TRIAGED", null);

        arrived(referred, start, zone);
        moved(referred, "NEW -> %", start.plusMinutes(30), zone);
        moved(referred, "% -> REFERRED%", start.plusHours(5), zone);
        arrived(spam, start, zone);
        moved(spam, "NEW -> %", start.plusMinutes(10), zone);
        arrived(triaged, start.plusDays(3), zone);
        moved(triaged, "NEW -> %", start.plusDays(3).plusMinutes(120), zone);
        // the last minute of the last day counts; the first of the next month does not
        arrived(untouched, month.atEndOfMonth().atTime(23, 59), zone);
        arrived(nextMonth, month.plusMonths(1).atDay(1).atStartOfDay(), zone);

        long frozen = IndicatorFixtures.listedPhone(IndicatorFixtures.phone());
        long noMatch = IndicatorFixtures.listedPhone(IndicatorFixtures.phone());
        long ignored = IndicatorFixtures.listedPhone(IndicatorFixtures.phone());
        report(frozen, "account-frozen");
        report(noMatch, "no-match");
        for (long id : List.of(frozen, noMatch, ignored)) {
            update("UPDATE indicator SET published_at = ? WHERE id = ?", at(start.plusDays(1), zone), id);
            update(
                    "UPDATE partner_action SET acted_at = ? WHERE indicator_id = ?",
                    at(start.plusDays(1).plusHours(2), zone),
                    id);
        }

        PoliceSummary.Summary summary = summaries.of(month.atDay(1), month.atEndOfMonth());

        assertThat(summary.tips()).isEqualTo(4);
        assertThat(counts(summary.categories()))
                .containsEntry("online-fraud", 2L)
                .containsEntry("kidnapping-ransom", 1L)
                .containsEntry("other", 1L)
                .containsEntry("human-trafficking", 0L);
        assertThat(counts(summary.regions()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("VN-56", 2L, "VN-31", 1L, "-", 1L));
        assertThat(counts(summary.statuses()))
                .containsEntry("NEW", 1L)
                .containsEntry("TRIAGED", 1L)
                .containsEntry("INVESTIGATING", 0L)
                .containsEntry("REFERRED", 1L)
                .containsEntry("REJECTED", 1L);
        assertThat(counts(summary.outcomes()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("open", 2L, "referred", 1L, "rejected-spam", 1L));
        // waits to triage 10, 30 and 120 minutes: quartiles by linear interpolation
        assertThat(summary.toTriage()).isEqualTo(new PoliceSummary.Wait(3, 20L, 30L, 75L));
        assertThat(summary.toReferral()).isEqualTo(new PoliceSummary.Wait(1, 300L, 300L, 300L));
        assertThat(summary.indicatorsPublished()).isEqualTo(3);
        assertThat(summary.indicatorsActedOn()).as("no-match is not an action").isEqualTo(1);

        assertThat(summary.csv())
                .startsWith("measure,key,value\r\nperiod,from," + month.atDay(1) + "\r\n")
                .contains("tips,received,4\r\n")
                .contains("category,online-fraud,2\r\n")
                .contains("region,-,1\r\n")
                .contains("outcome,rejected-spam,1\r\n")
                .contains("minutes-to-triage,median,30\r\n")
                .contains("minutes-to-referral,tips,1\r\n")
                .contains("indicators,acted-on,1\r\n");

        PoliceSummary.Summary empty = summaries.of(month.atDay(2), month.atDay(2));
        assertThat(empty.tips()).isZero();
        assertThat(empty.toTriage()).isEqualTo(new PoliceSummary.Wait(0, null, null, null));
        assertThat(empty.csv()).contains("minutes-to-triage,median,\r\n");
    }

    @Test
    void aPeriodEndsAfterItStartsAndSpansAtMostAYear() {
        LocalDate day = LocalDate.of(2001, 1, 1);
        assertThatThrownBy(() -> summaries.of(day, day.minusDays(1)))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("to"));
        assertThatThrownBy(() -> summaries.of(day, day.plusDays(PoliceSummary.MAX_DAYS)))
                .isInstanceOf(ApiException.class);
        assertThat(summaries.of(day, day.plusDays(PoliceSummary.MAX_DAYS - 1)).to())
                .isEqualTo(day.plusDays(PoliceSummary.MAX_DAYS - 1));
    }

    @Test
    void quartilesInterpolateBetweenRanks() {
        assertThat(PoliceSummary.quantile(List.of(7L), 0.25)).isEqualTo(7);
        assertThat(PoliceSummary.quantile(List.of(0L, 10L, 20L, 30L, 40L), 0.75))
                .isEqualTo(30);
        assertThat(PoliceSummary.quantile(List.of(0L, 10L), 0.5)).isEqualTo(5);
    }

    private static Map<String, Long> counts(List<PoliceSummary.Count> counts) {
        Map<String, Long> map = new HashMap<>();
        counts.forEach(c -> map.put(c.key(), c.count()));
        return map;
    }

    private static String tip(String category, String region, boolean inDangerNow) {
        Map<String, Object> tip = new HashMap<>();
        tip.put("category", category);
        tip.put("narrative", "Tin báo cho báo cáo tổng hợp " + UUID.randomUUID());
        tip.put("inDangerNow", inDangerNow);
        if (region != null) {
            tip.put("place", Map.of("text", "Phường Lộc Thọ", "regionCode", region));
        }
        return given().contentType(ContentType.JSON)
                .body(tip)
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .extract()
                .path("reference");
    }

    private static void status(String reference, String status, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        if (reason != null) {
            body.put("reason", reason);
        }
        given().header("Authorization", SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/police/tips/" + reference + "/status")
                .then()
                .statusCode(200);
    }

    private static void report(long indicator, String kind) {
        given().header("Authorization", Tokens.partner("summary.bank"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "actedAt", Instant.now().toString()))
                .post("/api/v1/partner/indicators/" + indicator + "/actions")
                .then()
                .statusCode(201);
    }

    private void arrived(String reference, LocalDateTime local, ZoneId zone) throws SQLException {
        update("UPDATE tip SET created_at = ? WHERE reference = ?", at(local, zone), reference);
    }

    private void moved(String reference, String detail, LocalDateTime local, ZoneId zone) throws SQLException {
        assertThat(update(
                        "UPDATE triage_audit SET at = ? WHERE reference = ? AND action = 'STATUS' AND detail LIKE ?",
                        at(local, zone),
                        reference,
                        detail))
                .isEqualTo(1);
    }

    /** The instant of a wall-clock time in the service's zone, as the UTC DATETIME the service stores. */
    private static LocalDateTime at(LocalDateTime local, ZoneId zone) {
        return LocalDateTime.ofInstant(local.atZone(zone).toInstant(), ZoneId.of("UTC"));
    }

    private int update(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }
}
