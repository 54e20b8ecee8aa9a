package org.vigil.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.parsing.Parser;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

    /**
     * Every item under {@code key} ("objects" or "versions") of {@code path}, following next page by page
     * (pages of 2), each page's X-TAXII-Date-Added headers checked against {@code after}.
     */
    static List<Map<String, Object>> pages(
            String token, String path, Map<String, String> query, Instant after, String key) {
        List<Map<String, Object>> all = new ArrayList<>();
        String next = null;
        do {
            Map<String, Object> page = new HashMap<>(query);
            page.put("limit", 2);
            if (next != null) {
                page.put("next", next);
            }
            var answer = get(token, path, page)
                    .statusCode(200)
                    .contentType(containsString("application/taxii+json"))
                    .header("Cache-Control", "no-store")
                    .extract();
            List<Object> items = answer.jsonPath().getList(key);
            boolean more = answer.jsonPath().getBoolean("more");
            next = answer.jsonPath().getString("next");
            assertThat(next != null).isEqualTo(more);
            if (items == null || items.isEmpty()) {
                // an empty manifest or versions resource has no list; an empty envelope may have []
                assertThat(items == null).isEqualTo(!key.equals("objects") || !path.startsWith(OBJECTS));
                assertThat(answer.header("X-TAXII-Date-Added-First")).isNull();
                continue;
            }
            assertThat(items).as("an empty page has no " + key).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            Instant first = Instant.parse(answer.header("X-TAXII-Date-Added-First"));
            Instant last = Instant.parse(answer.header("X-TAXII-Date-Added-Last"));
            assertThat(first).isAfter(after).isBeforeOrEqualTo(last);
            for (Object item : items) {
                all.add(item instanceof String version ? Map.<String, Object>of("version", version) : cast(item));
            }
        } while (next != null);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object item) {
        return (Map<String, Object>) item;
    }

    /** Each object or manifest record as its id and version ("modified" of an object). */
    private static List<String> idsAndVersions(List<Map<String, Object>> items) {
        return items.stream()
                .map(o -> o.get("id") + " " + (o.containsKey("modified") ? o.get("modified") : o.get("version")))
                .toList();
    }

    /** The items of these objects only (other tests' indicators may change meanwhile, e.g. expire). */
    private static List<Map<String, Object>> ours(List<Map<String, Object>> items, List<String> ids) {
        return items.stream().filter(o -> ids.contains(o.get("id"))).toList();
    }

    private static String objectOf(long feedId) {
        return OBJECTS + StixFeed.stixId(feedId) + "/";
    }

    @Test
    void theManifestListsWhatObjectsGiveAndAnObjectHasEveryVersionOldestFirst() {
        String token = Tokens.partner("soc.vcb");
        Instant start = Instant.now().minusMillis(1);
        long kept = IndicatorFixtures.listedPhone(IndicatorFixtures.phone());
        long gone = IndicatorFixtures.listedPhone(IndicatorFixtures.phone());
        IndicatorFixtures.supervisor()
                .body(Map.of("reason", "Số đã được cấp lại cho thuê bao khác."))
                .post(IndicatorFixtures.POLICE + "/indicators/" + gone + "/delist")
                .then()
                .statusCode(200);
        String goneId = StixFeed.stixId(gone);
        String keptId = StixFeed.stixId(kept);
        List<String> mine = List.of(goneId, keptId);

        // the manifest describes exactly the versions the same request to objects gives, in its order
        String manifest = ROOT + "collections/5b1e3c0a-7d44-4f0e-9a61-2c8f4e1d7b90/manifest/";
        for (Map<String, String> filter : List.of(
                Map.of("added_after", start.toString()),
                Map.of("added_after", start.toString(), "match[version]", "all"),
                Map.of("added_after", start.toString(), "match[version]", "first"),
                Map.of("match[id]", goneId + "," + keptId, "match[version]", "all", "match[type]", "indicator"),
                Map.of("match[id]", goneId, "match[spec_version]", "2.1"))) {
            List<Map<String, Object>> objects = ours(pages(token, OBJECTS, filter, Instant.EPOCH, "objects"), mine);
            List<Map<String, Object>> records = ours(pages(token, manifest, filter, Instant.EPOCH, "objects"), mine);
            assertThat(objects).as(filter.toString()).isNotEmpty();
            assertThat(idsAndVersions(records)).as(filter.toString()).isEqualTo(idsAndVersions(objects));
            records.forEach(r -> {
                assertThat(r.get("media_type")).isEqualTo("application/stix+json;version=2.1");
                assertThat(Instant.parse((String) r.get("date_added"))).isAfter(start);
            });
            objects.forEach(
                    o -> assertThat(StixRules.violations(o)).as(o.toString()).isEmpty());
        }
        List<Map<String, Object>> every = pages(
                token, OBJECTS, Map.of("added_after", start.toString(), "match[version]", "all"), start, "objects");
        assertThat(every.stream().filter(o -> goneId.equals(o.get("id"))).map(o -> o.get("revoked")))
                .containsExactly(false, true);
        // the latest versions only by default: the delisted one once, revoked
        assertThat(pages(token, OBJECTS, Map.of("added_after", start.toString()), start, "objects").stream()
                        .filter(o -> goneId.equals(o.get("id")))
                        .map(o -> o.get("revoked")))
                .containsExactly(true);

        // one object: its latest version by default, every version with all, in the order they were made
        List<Map<String, Object>> latest = pages(token, objectOf(gone), Map.of(), Instant.EPOCH, "objects");
        assertThat(latest)
                .singleElement()
                .satisfies(o -> assertThat(o.get("revoked")).isEqualTo(true));
        List<Map<String, Object>> versions =
                pages(token, objectOf(gone), Map.of("match[version]", "all"), Instant.EPOCH, "objects");
        assertThat(versions).hasSize(2);
        assertThat(versions).allSatisfy(o -> {
            assertThat(o.get("id")).isEqualTo(goneId);
            assertThat(o.get("created")).isEqualTo(versions.get(0).get("created"));
            assertThat(StixRules.violations(o)).as(o.toString()).isEmpty();
        });
        assertThat(versions.get(0).get("revoked")).isEqualTo(false);
        assertThat(versions.get(1).get("revoked")).isEqualTo(true);
        String published = (String) versions.get(0).get("modified");
        String delisted = (String) versions.get(1).get("modified");
        assertThat(Instant.parse(delisted)).isAfter(Instant.parse(published));
        assertThat(pages(token, objectOf(gone), Map.of("match[version]", "first"), Instant.EPOCH, "objects"))
                .singleElement()
                .satisfies(o -> assertThat(o.get("modified")).isEqualTo(published));
        assertThat(pages(token, objectOf(gone), Map.of("match[version]", published), Instant.EPOCH, "objects"))
                .singleElement()
                .satisfies(o -> assertThat(o.get("revoked")).isEqualTo(false));
        assertThat(pages(token, objectOf(gone) + "versions/", Map.of(), Instant.EPOCH, "versions"))
                .extracting(v -> v.get("version"))
                .containsExactly(published, delisted);
        // after the delisting was added, nothing new: an empty envelope, no versions
        String delistedAdded = get(token, objectOf(gone) + "versions/", Map.of())
                .statusCode(200)
                .extract()
                .header("X-TAXII-Date-Added-Last");
        assertThat(pages(token, objectOf(gone), Map.of("added_after", delistedAdded), Instant.EPOCH, "objects"))
                .isEmpty();
        get(token, objectOf(gone) + "versions/", Map.of("added_after", delistedAdded))
                .statusCode(200)
                .body("$", not(hasKey("versions")));

        // the collection holds STIX 2.1 indicators only: other types and versions match nothing
        for (Map<String, String> nothing : List.of(
                Map.of("match[type]", "domain-name"),
                Map.of("match[type]", "domain-name,malware", "match[id]", goneId),
                Map.of("match[spec_version]", "2.0"))) {
            get(token, OBJECTS, nothing)
                    .statusCode(200)
                    .body("objects", empty())
                    .header("X-TAXII-Date-Added-First", nullValue());
            get(token, manifest, nothing).statusCode(200).body("$", not(hasKey("objects")));
        }
    }

    @Test
    void anUnknownObjectIs404AndABadFilter400AndAnotherOrganisationSeesItsTypesOnly() {
        String token = Tokens.partner("soc.vcb");
        String unknown = OBJECTS + "indicator--00000000-0000-5000-8000-000000000000/";
        for (String path : List.of(unknown, unknown + "versions/", OBJECTS + "not-an-id/", OBJECTS + "x/versions/")) {
            get(token, path, Map.of()).statusCode(404).contentType("application/problem+json");
        }
        long phone = IndicatorFixtures.listedPhone(IndicatorFixtures.phone());
        for (Map.Entry<String, String> bad : List.of(
                Map.entry("match[version]", "yesterday"),
                Map.entry("match[version]", "all,last"),
                Map.entry("match[version]", "last,last"),
                Map.entry("match[version]", "2026-13-45T00:00:00.000Z"),
                Map.entry("match[version]", "first,"),
                Map.entry("match[id]", "<script>"),
                Map.entry("match[type]", "Indicator;drop"),
                Map.entry("match[spec_version]", "two"))) {
            for (String path : List.of(OBJECTS, ROOT + "collections/5b1e3c0a-7d44-4f0e-9a61-2c8f4e1d7b90/manifest/")) {
                var answer =
                        get(token, path, Map.of(bad.getKey(), bad.getValue())).extract();
                assertThat(answer.statusCode()).as(path + " " + bad).isEqualTo(400);
                assertThat(answer.contentType()).isEqualTo("application/problem+json");
                assertThat(answer.jsonPath().getString("errors[0].field")).isEqualTo(bad.getKey());
            }
        }
        get(token, objectOf(phone), Map.of("match[version]", "yesterday"))
                .statusCode(400)
                .body("errors[0].field", equalTo("match[version]"));

        // an organisation receiving phones only: a domain is no object of its collection
        given().header("Authorization", Tokens.bearer("admin.mai", "admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Nhà mạng V", "sector", "telecom", "enabled", true, "indicatorTypes", List.of("phone")))
                .put("/api/v1/admin/partners/telco-taxii-objects")
                .then()
                .statusCode(201);
        String telco = Tokens.partnerOf("noc.v", "telco-taxii-objects");
        long domain = IndicatorFixtures.listed("url", IndicatorFixtures.domain(), null, null);
        get(token, objectOf(domain), Map.of()).statusCode(200);
        get(telco, objectOf(domain), Map.of()).statusCode(404);
        get(telco, objectOf(domain) + "versions/", Map.of()).statusCode(404);
        get(telco, OBJECTS, Map.of("match[id]", StixFeed.stixId(domain)))
                .statusCode(200)
                .body("objects", empty());
        get(telco, objectOf(phone), Map.of()).statusCode(200).body("objects[0].id", equalTo(StixFeed.stixId(phone)));
        String outsider = Tokens.partnerOf("x", "nobody-bank");
        get(outsider, objectOf(phone), Map.of()).statusCode(403);
        get(outsider, ROOT + "collections/5b1e3c0a-7d44-4f0e-9a61-2c8f4e1d7b90/manifest/", Map.of())
                .statusCode(403);
    }

    /**
     * The migration's UPDATEs give indicators published before it the STIX id the feed computes: run again
     * on every published row, they leave the ids that publication set (StixFeed.stixId) as they are.
     */
    @Test
    void theMigrationGivesEarlierIndicatorsTheFeedsStixIds() throws Exception {
        long id = IndicatorFixtures.listedPhone(IndicatorFixtures.phone());
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V31__taxii_versions.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> updates = Arrays.stream(
                        migration.replaceAll("(?m)^--.*$", "").split(";"))
                .map(String::strip)
                .filter(statement -> statement.startsWith("UPDATE"))
                .toList();
        assertThat(updates).hasSize(2);
        try (Connection c = db.getConnection()) {
            for (String update : updates) {
                try (PreparedStatement s = c.prepareStatement(update)) {
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT stix_id FROM indicator WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    assertThat(r.getString(1)).isEqualTo(StixFeed.stixId(id));
                }
            }
        }
        get(Tokens.partner("soc.vcb"), objectOf(id), Map.of())
                .statusCode(200)
                .body("objects[0].id", equalTo(StixFeed.stixId(id)));
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
