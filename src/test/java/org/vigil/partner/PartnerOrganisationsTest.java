package org.vigil.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.indicator.IndicatorFixtures;
import org.vigil.testsupport.Tokens;

/**
 * Partners are organisations on the admins' list: a token of one outside it, or of a disabled one,
 * gets 403; a partner reads only the indicator types its organisation receives, and every read is
 * audited under the organisation.
 */
@QuarkusTest
class PartnerOrganisationsTest {

    static final String ADMIN_PARTNERS = "/api/v1/admin/partners";
    static final String FEED = "/api/v1/partner/indicators";

    @Inject
    DataSource db;

    static RequestSpecification admin() {
        return given().header("Authorization", Tokens.bearer("admin.mai", "admin"))
                .contentType(ContentType.JSON);
    }

    static Map<String, Object> organisation(String sector, boolean enabled, List<String> types) {
        return Map.of("name", "Ngân hàng " + sector, "sector", sector, "enabled", enabled, "indicatorTypes", types);
    }

    @Test
    void anOrganisationReadsOnlyTheTypesItReceivesAndEveryReadIsAudited() throws SQLException {
        Instant start = Instant.now().minusSeconds(1);
        admin().body(organisation("telecom", true, List.of("phone")))
                .put(ADMIN_PARTNERS + "/telco-a")
                .then()
                .statusCode(201)
                .body("code", equalTo("telco-a"))
                .body("sector", equalTo("telecom"))
                .body("indicatorTypes", equalTo(List.of("phone")));
        admin().body(organisation("telecom", true, List.of("phone")))
                .put(ADMIN_PARTNERS + "/telco-a")
                .then()
                .statusCode(200);
        admin().get(ADMIN_PARTNERS).then().statusCode(200).body("items.code", hasItem("telco-a"));

        String phone = IndicatorFixtures.phone();
        String domain = IndicatorFixtures.domain();
        IndicatorFixtures.listedPhone(phone);
        IndicatorFixtures.listed("url", "https://" + domain + "/x", null, null);

        long readsBefore = auditLines("telco-a", "FEED_READ");
        List<String> telecomSees = given().header("Authorization", Tokens.partnerOf("noc.a", "telco-a"))
                .queryParam("updatedSince", start.toString())
                .queryParam("limit", 100)
                .get(FEED)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .jsonPath()
                .getList("items.value");
        assertThat(telecomSees).contains(IndicatorFixtures.e164(phone)).doesNotContain(domain);
        assertThat(auditLines("telco-a", "FEED_READ")).isEqualTo(readsBefore + 1);

        List<String> bankSees = given().header("Authorization", Tokens.partner("bank.vcb"))
                .queryParam("updatedSince", start.toString())
                .queryParam("limit", 100)
                .get(FEED)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.value");
        assertThat(bankSees).contains(IndicatorFixtures.e164(phone), domain);
        assertThat(auditLines("telco-a", "ORGANISATION_SAVED")).isEqualTo(2);
    }

    @Test
    void aTokenOutsideTheListOrOfADisabledOrganisationOrAnotherSectorGets403() {
        given().header("Authorization", Tokens.partnerOf("x", "nobody-bank"))
                .get(FEED)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearerWithClaim("x", "region", "VN-31", "partner"))
                .get(FEED)
                .then()
                .statusCode(403);

        admin().body(organisation("bank", true, List.of("phone", "bank-account")))
                .put(ADMIN_PARTNERS + "/bank-b")
                .then()
                .statusCode(201);
        given().header("Authorization", Tokens.partnerOf("x", "bank-b"))
                .get(FEED)
                .then()
                .statusCode(200);
        given().header("Authorization", Tokens.bearerWithClaim("x", "organisation", "bank-b", "partner"))
                .get(FEED)
                .then()
                .statusCode(200);
        admin().body(organisation("bank", false, List.of("phone")))
                .put(ADMIN_PARTNERS + "/bank-b")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false));
        given().header("Authorization", Tokens.partnerOf("x", "bank-b"))
                .get(FEED)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aSectorClaimMustBeTheOrganisations() {
        String token = "Bearer "
                + Jwt.issuer(Tokens.ISSUER)
                        .audience(Tokens.AUDIENCE)
                        .upn("x")
                        .groups(Set.of("partner"))
                        .claim("organisation", Tokens.TEST_PARTNER)
                        .claim("sector", "telecom")
                        .sign();
        given().header("Authorization", token).get(FEED).then().statusCode(403);
    }

    @Test
    void badOrganisationsAreRefusedAndOnlyAdminsKeepTheList() {
        admin().body(organisation("bank", true, List.of("phone")))
                .put(ADMIN_PARTNERS + "/Bad Code!")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().body(organisation("bakery", true, List.of("phone")))
                .put(ADMIN_PARTNERS + "/bakery")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("sector"));
        admin().body(organisation("bank", true, List.of()))
                .put(ADMIN_PARTNERS + "/empty")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("indicatorTypes"));
        admin().body(organisation("bank", true, List.of("fax")))
                .put(ADMIN_PARTNERS + "/fax")
                .then()
                .statusCode(400);
        admin().get(ADMIN_PARTNERS + "/never-registered").then().statusCode(404);
        admin().get(ADMIN_PARTNERS + "/bakery").then().statusCode(404);
        given().header("Authorization", Tokens.partner("bank.vcb"))
                .get(ADMIN_PARTNERS)
                .then()
                .statusCode(403);
    }

    private long auditLines(String organisation, String action) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*) FROM partner_audit WHERE organisation = ? AND action = ?")) {
            s.setString(1, organisation);
            s.setString(2, action);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
