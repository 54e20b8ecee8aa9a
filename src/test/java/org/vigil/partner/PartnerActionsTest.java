package org.vigil.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.indicator.IndicatorFixtures;
import org.vigil.testsupport.Tokens;

/**
 * Action reports: idempotent by Idempotency-Key, only on indicators the organisation received,
 * refused whole otherwise; the police see them per indicator and per tip naming its value.
 */
@QuarkusTest
class PartnerActionsTest {

    @Inject
    DataSource db;

    static String actions(long id) {
        return "/api/v1/partner/indicators/" + id + "/actions";
    }

    static RequestSpecification bank(String key) {
        RequestSpecification r =
                given().header("Authorization", Tokens.partner("it.bank")).contentType(ContentType.JSON);
        return key == null ? r : r.header("Idempotency-Key", key);
    }

    static Map<String, Object> report(String kind, Instant actedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("actedAt", actedAt.toString());
        body.put("reference", "FRZ-" + actedAt.getEpochSecond());
        body.put("note", "Phong tỏa tài khoản của khách hàng Nguyễn Văn A.");
        return body;
    }

    @Test
    void aReportIsStoredOnceEvenWhenRetriedAndThePoliceSeeItPerIndicatorAndPerTip() throws SQLException {
        String phone = IndicatorFixtures.phone();
        String reference = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "category",
                        "online-fraud",
                        "narrative",
                        "Giả danh công an gọi điện đòi chuyển tiền " + UUID.randomUUID(),
                        "identifiers",
                        List.of(Map.of("type", "phone", "value", phone))))
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .extract()
                .path("reference");
        long id = IndicatorFixtures.listedPhone(phone);
        Instant now = Instant.now().plusSeconds(1);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = report("account-frozen", now);

        int first = bank(key)
                .body(body)
                .post(actions(id))
                .then()
                .statusCode(201)
                .body("kind", equalTo("account-frozen"))
                .body("indicatorId", equalTo((int) id))
                .body("note", equalTo("Phong tỏa tài khoản của khách hàng Nguyễn Văn A."))
                .extract()
                .path("id");
        bank(key).body(body).post(actions(id)).then().statusCode(200).body("id", equalTo(first));
        bank(key)
                .body(report("account-closed", now))
                .post(actions(id))
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertThat(rows(id)).isEqualTo(1);
        assertThat(noteStoredInClear()).isFalse();

        given().header("Authorization", Tokens.supervisor("supervisor.hung"))
                .get("/api/v1/police/indicators/" + id + "/partner-actions")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("actions", hasSize(1))
                .body("actions[0].organisation", equalTo(Tokens.TEST_PARTNER))
                .body("actions[0].sector", equalTo("bank"))
                .body("actions[0].kind", equalTo("account-frozen"))
                .body("actions[0].minutesAfterPublication", greaterThanOrEqualTo(0))
                .body("actions[0].note", equalTo("Phong tỏa tài khoản của khách hàng Nguyễn Văn A."));
        given().header("Authorization", Tokens.officer("officer.lan", "VN-31"))
                .get("/api/v1/police/tips/" + reference + "/partner-actions")
                .then()
                .statusCode(200)
                .body("indicators.indicatorId", hasItem((int) id))
                .body("indicators.find { it.indicatorId == " + id + " }.actions.kind", hasItem("account-frozen"));
        given().header("Authorization", Tokens.officer("officer.lan", "VN-31"))
                .get("/api/v1/police/tips/ZZZZZZZZZZZ/partner-actions")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.partner("it.bank"))
                .get("/api/v1/police/indicators/" + id + "/partner-actions")
                .then()
                .statusCode(403);
    }

    @Test
    void badReportsAreRefusedAndNothingIsWritten() throws SQLException {
        long id = IndicatorFixtures.listedPhone(IndicatorFixtures.phone());
        long proposal = IndicatorFixtures.propose("phone", IndicatorFixtures.phone(), null, null);
        Instant now = Instant.now();

        bank(null)
                .body(report("account-frozen", now))
                .post(actions(id))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        bank(UUID.randomUUID().toString())
                .body(report("account-frozen", now))
                .post(actions(999_999_999))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        bank(UUID.randomUUID().toString())
                .body(report("account-frozen", now))
                .post(actions(proposal))
                .then()
                .statusCode(404);
        bank(UUID.randomUUID().toString())
                .body(report("account-frozen", now.plus(1, ChronoUnit.HOURS)))
                .post(actions(id))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("actedAt"));
        bank(UUID.randomUUID().toString())
                .body(report("account-frozen", now.minus(1, ChronoUnit.DAYS)))
                .post(actions(id))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("actedAt"));
        bank(UUID.randomUUID().toString())
                .body(report("paid-the-scammer", now))
                .post(actions(id))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("kind"));
        bank(UUID.randomUUID().toString())
                .body(Map.of("kind", "no-match"))
                .post(actions(id))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("actedAt"));
        assertThat(rows(id)).isZero();
        assertThat(rows(proposal)).isZero();
    }

    @Test
    void anOrganisationReportsOnlyOnTypesItReceives() throws SQLException {
        PartnerOrganisationsTest.admin()
                .body(PartnerOrganisationsTest.organisation("registrar", true, List.of("url")))
                .put(PartnerOrganisationsTest.ADMIN_PARTNERS + "/registrar-a")
                .then()
                .statusCode(201);
        long phone = IndicatorFixtures.listedPhone(IndicatorFixtures.phone());
        given().header("Authorization", Tokens.partnerOf("abuse.desk", "registrar-a"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(report("domain-blocked", Instant.now()))
                .post(actions(phone))
                .then()
                .statusCode(404);
        given().header("Authorization", Tokens.partnerOf("abuse.desk", "not-registered"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(report("domain-blocked", Instant.now()))
                .post(actions(phone))
                .then()
                .statusCode(403);
        given().header("Authorization", Tokens.supervisor("supervisor.hung"))
                .get("/api/v1/police/indicators/" + phone + "/partner-actions")
                .then()
                .statusCode(200)
                .body("actions", empty());
        assertThat(rows(phone)).isZero();
    }

    private long rows(long indicatorId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT COUNT(*) FROM partner_action WHERE indicator_id = ?")) {
            s.setLong(1, indicatorId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private boolean noteStoredInClear() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT COUNT(*) FROM partner_action WHERE INSTR(note_enc, ?) > 0")) {
            s.setBytes(1, "Nguyễn Văn A".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }
}
