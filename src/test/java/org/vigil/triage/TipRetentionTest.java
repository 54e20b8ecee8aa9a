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

    /** A tip of the region, closed (TRIAGED -> INVESTIGATING -> CLOSED) and dated as closed long ago. */
    private String[] closedLongAgo(String region) {
        String[] tip = tipIn(region);
        for (String status : new String[] {"TRIAGED", "INVESTIGATING", "CLOSED"}) {
            officerOf(region).body(Map.of("status", status)).post(POLICE + "/tips/" + tip[0] + "/status").then().statusCode(200);
        }
        officerOf(region).body(Map.of("text", "ghi chú nội bộ")).post(POLICE + "/tips/" + tip[0] + "/notes").then().statusCode(201);
        execute("UPDATE tip_triage SET closed_at = '2001-01-01' WHERE tip_id = (SELECT id FROM tip WHERE reference = '"
                + tip[0] + "')");
        return tip;
    }

    @Test
    void closedTipsLoseTheirContentAfterTheRetentionPeriodButKeepTheirStatistics() {
        String region = region();
        String[] old = closedLongAgo(region);
        String[] open = tipIn(region);
        execute("INSERT IGNORE INTO tip_triage (tip_id, priority, version, closed_at) SELECT id, 'NORMAL', 0, '2001-01-01'"
                + " FROM tip WHERE reference = '" + open[0] + "'");

        assertThat(retention.purgeClosedBefore(Instant.now().minus(config.retention().days(), ChronoUnit.DAYS)))
                .isGreaterThanOrEqualTo(1);

        officerOf(region).get(POLICE + "/tips/" + old[0]).then().statusCode(200)
                .body("narrative", equalTo("")).body("contact", nullValue()).body("place", nullValue())
                .body("identifiers.size()", equalTo(0)).body("notes.size()", equalTo(0))
                .body("status", equalTo("CLOSED")).body("category", equalTo("online-fraud"))
                .body("regionCode", equalTo(region)).body("contentPurgedAt", notNullValue());
        assertThat(count("SELECT COUNT(*) FROM tip_identifier i JOIN tip t ON t.id = i.tip_id WHERE t.reference = '"
                + old[0] + "'")).isZero();
        // the still-open tip keeps everything, whatever its dates say
        officerOf(region).get(POLICE + "/tips/" + open[0]).then().body("narrative", org.hamcrest.Matchers.not(equalTo("")))
                .body("contentPurgedAt", nullValue());
        given().header("X-Receipt-Code", old[1]).get("/api/v1/tips/" + old[0]).then().statusCode(200)
                .body("status", equalTo("closed"));
    }

    @Test
    void legalHoldKeepsTheContentAndOnlySupervisorsSetIt() {
        String region = region();
        String[] held = closedLongAgo(region);
        officerOf(region).body(Map.of("hold", true)).put(POLICE + "/tips/" + held[0] + "/legal-hold").then().statusCode(403);
        PoliceFixtures.supervisor().body(Map.of()).put(POLICE + "/tips/" + held[0] + "/legal-hold").then().statusCode(400)
                .body("errors[0].field", equalTo("hold"));
        PoliceFixtures.supervisor().body(Map.of("hold", true)).put(POLICE + "/tips/" + held[0] + "/legal-hold").then()
                .statusCode(200).body("hold", equalTo(true));

        retention.purgeClosedBefore(Instant.now().minus(config.retention().days(), ChronoUnit.DAYS));

        officerOf(region).get(POLICE + "/tips/" + held[0]).then().body("legalHold", equalTo(true))
                .body("narrative", org.hamcrest.Matchers.not(equalTo(""))).body("notes.size()", equalTo(1));
        PoliceFixtures.supervisor().body(Map.of("hold", false)).put(POLICE + "/tips/" + held[0] + "/legal-hold").then()
                .statusCode(200);
        retention.purgeClosedBefore(Instant.now().minus(config.retention().days(), ChronoUnit.DAYS));
        officerOf(region).get(POLICE + "/tips/" + held[0]).then().body("narrative", equalTo(""));
        PoliceFixtures.supervisor().body(Map.of("hold", true)).put(POLICE + "/tips/" + held[0] + "/legal-hold").then()
                .statusCode(409).contentType("application/problem+json");
        PoliceFixtures.supervisor().queryParam("reference", held[0]).get(POLICE + "/audit").then()
                .body("items.action", org.hamcrest.Matchers.hasItem("LEGAL_HOLD"));
    }

    private void execute(String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
