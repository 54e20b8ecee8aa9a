package org.vigil.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.parsing.Parser;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.indicator.IndicatorFixtures;
import org.vigil.indicator.StixFeed;
import org.vigil.testsupport.Tokens;

/**
 * The partner feed over TAXII 2.1: discovery, API root, collection and objects, paged by added_after
 * and next, every object a valid STIX 2.1 indicator, an indicator keeping its id across versions and
 * revoked when delisted; the organisation rules and audit of the JSON feed.
 */
@QuarkusTest
class TaxiiFeedTest {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String ROOT = "/taxii2/partner/";
    static final String OBJECTS = ROOT + "collections/5b1e3c0a-7d44-4f0e-9a61-2c8f4e1d7b90/objects/";

    @Inject
    DataSource db;

    static ValidatableResponse get(String token, String path, Map<String, ?> query) {
        return given().header("Authorization", token)
                .accept(TAXII)
                .queryParams(query)
                .get(path)
                .then()
                .parser("application/taxii+json", Parser.JSON);
    }

    /** Every object added after {@code after}, following next page by page (pages of 2). */
    static List<Map<String, Object>> pull(String token, Instant after) {
        List<Map<String, Object>> all = new ArrayList<>();
        String next = null;
        do {
            Map<String, Object> query = next == null
                    ? Map.of("added_after", after.toString(), "limit", 2)
                    : Map.of("added_after", after.toString(), "limit", 2, "next", next);
            var page = get(token, OBJECTS, query)
                    .statusCode(200)
                    .contentType(containsString("application/taxii+json"))
                    .contentType(containsString("version=2.1"))
                    .header("Cache-Control", "no-store")
                    .extract();
            List<Map<String, Object>> objects = page.jsonPath().getList("objects");
            all.addAll(objects);
            boolean more = page.jsonPath().getBoolean("more");
            next = page.jsonPath().getString("next");
            assertThat(next != null).isEqualTo(more);
            if (!objects.isEmpty()) {
                Instant first = Instant.parse(page.header("X-TAXII-Date-Added-First"));
                Instant last = Instant.parse(page.header("X-TAXII-Date-Added-Last"));
                assertThat(first).isAfter(after).isBeforeOrEqualTo(last);
            }
        } while (next != null);
        return all;
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> withValue(List<Map<String, Object>> objects, String value) {
        return objects.stream()
                .filter(o -> value.equals(((Map<String, Map<String, Object>>) o.get("extensions"))
                        .get(StixFeed.EXTENSION)
                        .get("value")))
                .reduce((a, b) -> b); // the newest version
    }

    @Test
    void aPartnerDiscoversTheCollectionAndPullsEveryVersionAsValidStix() throws SQLException {
        String token = Tokens.partner("soc.vcb");
        Instant start = Instant.now().minusMillis(1);
        String phone = IndicatorFixtures.phone();
        String gone = IndicatorFixtures.phone();
        String domain = IndicatorFixtures.domain();
        String account = IndicatorFixtures.accountNumber();
        IndicatorFixtures.listedPhone(phone);
        long goneId = IndicatorFixtures.listedPhone(gone);
        IndicatorFixtures.listed("url", domain, null, null);
        IndicatorFixtures.listed("bank-account", account, "VCB", null);

        String root = get(token, "/taxii2/", Map.of())
                .statusCode(200)
                .contentType(containsString("application/taxii+json"))
                .header("Cache-Control", "no-store")
                .body("api_roots", hasItem(endsWith(ROOT)))
                .extract()
                .path("default");
        get(token, URI.create(root).getPath(), Map.of())
                .statusCode(200)
                .body("versions", hasItem(TAXII))
                .body("max_content_length", equalTo(0));
        String collection = get(token, ROOT + "collections/", Map.of())
                .statusCode(200)
                .body("collections[0].can_read", equalTo(true))
                .body("collections[0].can_write", equalTo(false))
                .body("collections[0].media_types", hasItem("application/stix+json;version=2.1"))
                .extract()
                .path("collections[0].id");
        get(token, ROOT + "collections/" + collection + "/", Map.of())
                .statusCode(200)
                .body("id", equalTo(collection));

        long readsBefore = auditLines();
        List<Map<String, Object>> objects = pull(token, start);
        assertThat(auditLines()).isGreaterThan(readsBefore);
        objects.forEach(
                o -> assertThat(StixRules.violations(o)).as(o.toString()).isEmpty());
        Map<String, Object> listed =
                withValue(objects, IndicatorFixtures.e164(phone)).orElseThrow();
        assertThat(listed.get("revoked")).isEqualTo(false);
        assertThat(listed.get("pattern"))
                .isEqualTo("[x-vigil-phone-number:value = '" + IndicatorFixtures.e164(phone) + "']");
        assertThat(withValue(objects, domain).orElseThrow().get("pattern"))
                .isEqualTo("[domain-name:value = '" + domain + "' OR domain-name:value LIKE '%." + domain + "']");
        assertThat(withValue(objects, account.replace(" ", "")).orElseThrow().get("pattern"))
                .asString()
                .contains("x-vigil-bank-account:bank = 'VCB'");
        Map<String, Object> before =
                withValue(objects, IndicatorFixtures.e164(gone)).orElseThrow();

        Instant beforeDelisting = Instant.now();
        IndicatorFixtures.supervisor()
                .body(Map.of("reason", "Số đã được cấp lại cho thuê bao khác."))
                .post(IndicatorFixtures.POLICE + "/indicators/" + goneId + "/delist")
                .then()
                .statusCode(200);
        List<Map<String, Object>> changes = pull(token, beforeDelisting.minusMillis(1));
        changes.forEach(
                o -> assertThat(StixRules.violations(o)).as(o.toString()).isEmpty());
        Map<String, Object> revoked =
                withValue(changes, IndicatorFixtures.e164(gone)).orElseThrow();
        assertThat(revoked.get("id")).isEqualTo(before.get("id"));
        assertThat(revoked.get("created")).isEqualTo(before.get("created"));
        assertThat(revoked.get("revoked")).isEqualTo(true);
        assertThat(Instant.parse((String) revoked.get("modified")))
                .isAfterOrEqualTo(Instant.parse((String) before.get("modified")));
        assertThat(withValue(changes, IndicatorFixtures.e164(phone))).isEmpty();

        // added_after is strict: after the last object's time, none of them again
        String last = get(
                        token,
                        OBJECTS,
                        Map.of("added_after", beforeDelisting.minusMillis(1).toString()))
                .statusCode(200)
                .extract()
                .header("X-TAXII-Date-Added-Last");
        assertThat(withValue(pull(token, Instant.parse(last)), IndicatorFixtures.e164(gone)))
                .isEmpty();
    }

    @Test
    void anOrganisationSeesItsTypesOnlyAndOneOutsideTheListGets403() {
        given().header("Authorization", Tokens.bearer("admin.mai", "admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Nhà mạng T", "sector", "telecom", "enabled", true, "indicatorTypes", List.of("phone")))
                .put("/api/v1/admin/partners/telco-taxii")
                .then()
                .statusCode(201);
        Instant start = Instant.now().minusMillis(1);
        String phone = IndicatorFixtures.phone();
        String domain = IndicatorFixtures.domain();
        IndicatorFixtures.listedPhone(phone);
        IndicatorFixtures.listed("url", domain, null, null);
        List<Map<String, Object>> seen = pull(Tokens.partnerOf("noc.t", "telco-taxii"), start);
        assertThat(withValue(seen, IndicatorFixtures.e164(phone))).isPresent();
        assertThat(withValue(seen, domain)).isEmpty();

        String outsider = Tokens.partnerOf("x", "nobody-bank");
        for (String path : List.of("/taxii2/", ROOT, ROOT + "collections/", OBJECTS)) {
            get(outsider, path, Map.of()).statusCode(403).contentType("application/problem+json");
        }
        given().accept(TAXII).get("/taxii2/").then().statusCode(401);
        get(Tokens.supervisor("supervisor.hung"), "/taxii2/", Map.of()).statusCode(403);
        String token = Tokens.partner("soc.vcb");
        get(token, ROOT + "collections/00000000-0000-4000-8000-000000000000/objects/", Map.of())
                .statusCode(404)
                .contentType("application/problem+json");
        get(token, OBJECTS, Map.of("added_after", "yesterday"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("added_after"));
        get(token, OBJECTS, Map.of("next", "bm90LWEtY3Vyc29y")).statusCode(400);
        given().header("Authorization", token)
                .accept("application/xml")
                .get(OBJECTS)
                .then()
                .statusCode(406);
    }

    private long auditLines() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*) FROM partner_audit WHERE organisation = ? AND action = 'FEED_READ'"
                                + " AND detail LIKE 'TAXII%'")) {
            s.setString(1, Tokens.TEST_PARTNER);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
