package org.vigil.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.indicator.IndicatorFixtures;
import org.vigil.testsupport.Tokens;

/**
 * Time to action: per sector for the public (counts below 5 as "<5", no median or share then), per
 * organisation for the police, finished months only; not-our-customer is not an action.
 */
@QuarkusTest
class PartnerStatisticsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    DataSource db;

    @Test
    void medianHoursAndShareWithin24HoursPerSectorAndOrganisation() throws SQLException {
        PartnerOrganisationsTest.admin()
                .body(PartnerOrganisationsTest.organisation("platform", true, List.of("url")))
                .put(PartnerOrganisationsTest.ADMIN_PARTNERS + "/platform-x")
                .then()
                .statusCode(201);
        YearMonth month = YearMonth.now(ZONE).minusMonths(1);
        Instant published = month.atDay(2).atTime(12, 0).atZone(ZONE).toInstant();
        // hours to the first action of six indicators: the last one only "not our customer"
        List<Integer> hours = List.of(1, 2, 3, 30, 50, -1);
        for (int i = 0; i < hours.size(); i++) {
            long id = IndicatorFixtures.listed("url", "https://" + IndicatorFixtures.domain(), null, null);
            String kind = hours.get(i) < 0 ? "not-our-customer" : "content-removed";
            given().header("Authorization", Tokens.partnerOf("trust.safety", "platform-x"))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(ContentType.JSON)
                    .body(Map.of("kind", kind, "actedAt", Instant.now().toString()))
                    .post("/api/v1/partner/indicators/" + id + "/actions")
                    .then()
                    .statusCode(201);
            Instant at = published.plusSeconds(i);
            execute("UPDATE indicator SET published_at = ? WHERE id = ?", at, id);
            execute(
                    "UPDATE partner_action SET acted_at = ? WHERE indicator_id = ?",
                    at.plus(Duration.ofHours(Math.max(hours.get(i), 1))),
                    id);
        }

        JsonPath stats =
                given().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        Map<String, Object> platform = sectorMonth(stats, "platform", month);
        assertThat(platform.get("indicatorsPublished")).isEqualTo("6");
        assertThat(platform.get("medianHoursToFirstAction")).isEqualTo(3.0f);
        assertThat(platform.get("shareActedWithin24h")).isEqualTo(0.5f);
        Map<String, Object> earlier = sectorMonth(stats, "platform", month.minusMonths(1));
        assertThat(earlier.get("indicatorsPublished")).isEqualTo("<5");
        assertThat(earlier).doesNotContainKey("medianHoursToFirstAction");
        assertThat(stats.getList("partnerActionsPerMonth.month"))
                .as("finished months only")
                .doesNotContain(YearMonth.now(ZONE).toString());

        JsonPath police = given().header("Authorization", Tokens.supervisor("supervisor.hung"))
                .get("/api/v1/police/partner-statistics")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .jsonPath();
        Map<String, Object> x =
                police.getMap("organisations.find { it.organisation == 'platform-x' && it.month == '" + month + "' }");
        assertThat(x.get("sector")).isEqualTo("platform");
        assertThat(x.get("indicatorsReceived")).isEqualTo(6);
        assertThat(x.get("medianHoursToFirstAction")).isEqualTo(3.0f);
        assertThat(x.get("shareActedWithin24h")).isEqualTo(0.5f);
        given().header("Authorization", Tokens.partner("it.bank"))
                .get("/api/v1/police/partner-statistics")
                .then()
                .statusCode(403);
    }

    private static Map<String, Object> sectorMonth(JsonPath stats, String sector, YearMonth month) {
        return stats.getMap(
                "partnerActionsPerMonth.find { it.sector == '" + sector + "' && it.month == '" + month + "' }");
    }

    private void execute(String sql, Instant at, long id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            s.setLong(2, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
