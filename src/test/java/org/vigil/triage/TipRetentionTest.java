package org.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.vigil.triage.PoliceFixtures.POLICE;
import static org.vigil.triage.PoliceFixtures.officerOf;
import static org.vigil.triage.PoliceFixtures.region;
import static org.vigil.triage.PoliceFixtures.tipIn;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TipRetentionTest {

    @Inject
    TipRetention retention;

    @Inject
    TriageConfig config;

    @Inject
    DataSource db;

    @Inject
    TriageMetrics metrics;

    /** A tip of the region, closed (TRIAGED -> INVESTIGATING -> CLOSED) and dated as closed long ago. */
    private String[] closedLongAgo(String region) {
        String[] tip = tipIn(region);
        for (String status : new String[] {"TRIAGED", "INVESTIGATING", "CLOSED"}) {
            officerOf(region)
                    .body(Map.of("status", status))
                    .post(POLICE + "/tips/" + tip[0] + "/status")
                    .then()
                    .statusCode(200);
        }
        officerOf(region)
                .body(Map.of("text", "ghi chú nội bộ"))
                .post(POLICE + "/tips/" + tip[0] + "/notes")
                .then()
                .statusCode(201);
        execute("UPDATE tip_triage SET closed_at = '2001-01-01' WHERE tip_id = (SELECT id FROM tip WHERE reference = '"
                + tip[0] + "')");
        return tip;
    }

    @Test
    void closedTipsLoseTheirContentAfterTheRetentionPeriodButKeepTheirStatistics() {
        String region = region();
        String[] old = closedLongAgo(region);
        String[] open = tipIn(region);
        execute(
                "INSERT IGNORE INTO tip_triage (tip_id, priority, version, closed_at) SELECT id, 'NORMAL', 0, '2001-01-01'"
                        + " FROM tip WHERE reference = '" + open[0] + "'");

        assertThat(retention.purgeClosedBefore(
                        Instant.now().minus(config.retention().days(), ChronoUnit.DAYS)))
                .isGreaterThanOrEqualTo(1);

        officerOf(region)
                .get(POLICE + "/tips/" + old[0])
                .then()
                .statusCode(200)
                .body("narrative", equalTo(""))
                .body("contact", nullValue())
                .body("place", nullValue())
                .body("identifiers.size()", equalTo(0))
                .body("notes.size()", equalTo(0))
                .body("status", equalTo("CLOSED"))
                .body("category", equalTo("online-fraud"))
                .body("regionCode", equalTo(region))
                .body("contentPurgedAt", notNullValue());
        assertThat(count("SELECT COUNT(*) FROM tip_identifier i JOIN tip t ON t.id = i.tip_id WHERE t.reference = '"
                        + old[0] + "'"))
                .isZero();
        // the still-open tip keeps everything, whatever its dates say
        officerOf(region)
                .get(POLICE + "/tips/" + open[0])
                .then()
                .body("narrative", org.hamcrest.Matchers.not(equalTo("")))
                .body("contentPurgedAt", nullValue());
        given().header("X-Receipt-Code", old[1])
                .get("/api/v1/tips/" + old[0])
                .then()
                .statusCode(200)
                .body("status", equalTo("closed"));
    }

    @Test
    void legalHoldKeepsTheContentAndOnlySupervisorsSetIt() {
        String region = region();
        String[] held = closedLongAgo(region);
        officerOf(region)
                .body(Map.of("hold", true))
                .put(POLICE + "/tips/" + held[0] + "/legal-hold")
                .then()
                .statusCode(403);
        PoliceFixtures.supervisor()
                .body(Map.of())
                .put(POLICE + "/tips/" + held[0] + "/legal-hold")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("hold"));
        PoliceFixtures.supervisor()
                .body(Map.of("hold", true))
                .put(POLICE + "/tips/" + held[0] + "/legal-hold")
                .then()
                .statusCode(200)
                .body("hold", equalTo(true));

        retention.purgeClosedBefore(Instant.now().minus(config.retention().days(), ChronoUnit.DAYS));

        officerOf(region)
                .get(POLICE + "/tips/" + held[0])
                .then()
                .body("legalHold", equalTo(true))
                .body("narrative", org.hamcrest.Matchers.not(equalTo("")))
                .body("notes.size()", equalTo(1));
        PoliceFixtures.supervisor()
                .body(Map.of("hold", false))
                .put(POLICE + "/tips/" + held[0] + "/legal-hold")
                .then()
                .statusCode(200);
        retention.purgeClosedBefore(Instant.now().minus(config.retention().days(), ChronoUnit.DAYS));
        officerOf(region).get(POLICE + "/tips/" + held[0]).then().body("narrative", equalTo(""));
        PoliceFixtures.supervisor()
                .body(Map.of("hold", true))
                .put(POLICE + "/tips/" + held[0] + "/legal-hold")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        PoliceFixtures.supervisor()
                .queryParam("reference", held[0])
                .get(POLICE + "/audit")
                .then()
                .body("items.action", org.hamcrest.Matchers.hasItem("LEGAL_HOLD"));
    }

    /** Moves the tip along the workflow, as an officer of its region. */
    private static void move(String region, String reference, String... statuses) {
        for (String status : statuses) {
            Map<String, Object> change =
                    status.equals("REJECTED") ? Map.of("status", status, "reason", "spam") : Map.of("status", status);
            officerOf(region)
                    .body(change)
                    .post(POLICE + "/tips/" + reference + "/status")
                    .then()
                    .statusCode(200);
        }
    }

    private String tipId(String reference) {
        return "(SELECT id FROM tip WHERE reference = '" + reference + "')";
    }

    private void assertPurged(String region, String reference) {
        officerOf(region)
                .get(POLICE + "/tips/" + reference)
                .then()
                .statusCode(200)
                .body("narrative", equalTo(""))
                .body("contact", nullValue())
                .body("place", nullValue())
                .body("identifiers.size()", equalTo(0))
                .body("labels.size()", equalTo(0))
                .body("contentPurgedAt", notNullValue());
    }

    private void assertKept(String region, String reference) {
        officerOf(region)
                .get(POLICE + "/tips/" + reference)
                .then()
                .statusCode(200)
                .body("narrative", org.hamcrest.Matchers.not(equalTo("")))
                .body("contentPurgedAt", nullValue());
    }

    @Test
    void rejectedTipsLoseTheirContentLabelsAndTheLabelsCopiedIntoTheAuditLog() {
        String region = region();
        String[] tip = tipIn(region);
        officerOf(region)
                .body(Map.of("labels", java.util.List.of("nguyen-van-a", "cambodia")))
                .put(POLICE + "/tips/" + tip[0] + "/labels")
                .then()
                .statusCode(200);
        move(region, tip[0], "REJECTED");
        execute("UPDATE tip_triage SET closed_at = '2001-01-01' WHERE tip_id = " + tipId(tip[0]));

        assertThat(retention.purgeClosedBefore(
                        Instant.now().minus(config.retention().days(), ChronoUnit.DAYS)))
                .isGreaterThanOrEqualTo(1);

        assertPurged(region, tip[0]);
        assertThat(count("SELECT COUNT(*) FROM tip_label WHERE tip_id = " + tipId(tip[0])))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM triage_audit WHERE tip_id = " + tipId(tip[0])
                        + " AND (detail LIKE '%nguyen-van-a%' OR detail LIKE '%cambodia%')"))
                .as("labels copied into the audit log")
                .isZero();
        PoliceFixtures.supervisor()
                .queryParam("reference", tip[0])
                .get(POLICE + "/audit")
                .then()
                .body("items.action", org.hamcrest.Matchers.hasItem("LABELS"));
    }

    @Test
    void referredTipsLoseTheirContentTheReferralPeriodAfterTheReferral() {
        String region = region();
        String[] referred = tipIn(region);
        move(region, referred[0], "TRIAGED", "INVESTIGATING", "REFERRED");
        assertThat(count("SELECT COUNT(*) FROM tip_triage WHERE closed_at IS NOT NULL AND tip_id = "
                        + tipId(referred[0])))
                .as("the referral's time is kept")
                .isEqualTo(1);
        String[] recent = tipIn(region);
        move(region, recent[0], "TRIAGED", "INVESTIGATING", "REFERRED");
        execute("UPDATE tip_triage SET closed_at = '2001-01-01' WHERE tip_id = " + tipId(referred[0]));

        retention.purgeClosedBefore(Instant.now().minus(config.retention().days(), ChronoUnit.DAYS));
        assertKept(region, referred[0]);
        assertThat(retention.purgeReferredBefore(
                        Instant.now().minus(config.retention().referredDays(), ChronoUnit.DAYS)))
                .isGreaterThanOrEqualTo(1);

        assertPurged(region, referred[0]);
        assertKept(region, recent[0]);
    }

    @Test
    void untouchedNewTipsAreCountedAsStaleFirstAndPurgedOnlyAfterTheLongMaximum() {
        String region = region();
        String[] stale = tipIn(region);
        String[] forgotten = tipIn(region);
        String[] read = tipIn(region);
        execute("UPDATE tip SET created_at = '2001-01-01', updated_at = NOW() - INTERVAL "
                + (config.retention().staleDays() + 1) + " DAY WHERE reference = '" + stale[0] + "'");
        execute("UPDATE tip SET created_at = '2001-01-01', updated_at = '2001-01-01' WHERE reference IN ('"
                + forgotten[0] + "', '" + read[0] + "')");
        // an officer read this one lately: that is activity
        officerOf(region).get(POLICE + "/tips/" + read[0]).then().statusCode(200);

        metrics.refresh();
        String scrape =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        double staleTips = Double.parseDouble(scrape.lines()
                .filter(l -> l.startsWith("vigil_triage_stale_tips"))
                .findFirst()
                .orElseThrow()
                .replaceAll(".* ", ""));
        assertThat(staleTips)
                .as("the stale and the forgotten tip alert before anything is purged")
                .isGreaterThanOrEqualTo(2);

        assertThat(retention.purgeUntouchedSince(
                        Instant.now().minus(config.retention().untouchedDays(), ChronoUnit.DAYS)))
                .isGreaterThanOrEqualTo(1);

        assertKept(region, stale[0]);
        assertKept(region, read[0]);
        officerOf(region)
                .get(POLICE + "/tips/" + forgotten[0])
                .then()
                .body("status", equalTo("NEW"))
                .body("narrative", equalTo(""))
                .body("contentPurgedAt", notNullValue());
    }

    @Test
    void triagedAndInvestigatingTipsWithoutActivityArePurgedAfterTheMaximumUnlessOnLegalHold() {
        String region = region();
        String[] triaged = tipIn(region);
        move(region, triaged[0], "TRIAGED");
        String[] investigating = tipIn(region);
        move(region, investigating[0], "TRIAGED", "INVESTIGATING");
        String[] held = tipIn(region);
        move(region, held[0], "TRIAGED", "INVESTIGATING");
        PoliceFixtures.supervisor()
                .body(Map.of("hold", true))
                .put(POLICE + "/tips/" + held[0] + "/legal-hold")
                .then()
                .statusCode(200);
        for (String[] tip : new String[][] {triaged, investigating, held}) {
            execute("UPDATE tip SET updated_at = '2001-01-01' WHERE reference = '" + tip[0] + "'");
            execute("UPDATE triage_audit SET at = '2001-01-01' WHERE reference = '" + tip[0] + "'");
        }

        assertThat(retention.purgeUntouchedSince(
                        Instant.now().minus(config.retention().untouchedDays(), ChronoUnit.DAYS)))
                .isGreaterThanOrEqualTo(2);

        assertPurged(region, triaged[0]);
        assertPurged(region, investigating[0]);
        assertKept(region, held[0]);
    }

    private void execute(String sql) {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
