package org.vigil.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.vigil.indicator.IndicatorFixtures.CHECK;
import static org.vigil.indicator.IndicatorFixtures.FEED;
import static org.vigil.indicator.IndicatorFixtures.POLICE;
import static org.vigil.indicator.IndicatorFixtures.as;
import static org.vigil.indicator.IndicatorFixtures.checking;
import static org.vigil.indicator.IndicatorFixtures.e164;
import static org.vigil.indicator.IndicatorFixtures.listed;
import static org.vigil.indicator.IndicatorFixtures.listedPhone;
import static org.vigil.indicator.IndicatorFixtures.officer;
import static org.vigil.indicator.IndicatorFixtures.partner;
import static org.vigil.indicator.IndicatorFixtures.phone;
import static org.vigil.indicator.IndicatorFixtures.proposal;
import static org.vigil.indicator.IndicatorFixtures.propose;
import static org.vigil.indicator.IndicatorFixtures.supervisor;
import static org.vigil.indicator.IndicatorFixtures.tomorrow;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.platform.crypto.FieldCipher;
import org.vigil.testsupport.Tokens;
import org.vigil.tip.IdentifierKeys;
import org.vigil.tip.IdentifierType;
import org.vigil.tip.TipRequests;

/**
 * The indicator workflow through HTTP against the real database: proposals, verification,
 * delisting, expiry, the public check, the partner feed, disputes, and the marks in a tip's
 * police view.
 */
@QuarkusTest
class IndicatorWorkflowTest {

    @Inject
    IndicatorService service;

    @Inject
    ListedHashes listedHashes;

    @Inject
    IdentifierKeys keys;

    @Inject
    FieldCipher cipher;

    @Inject
    DataSource db;

    @Inject
    DisputeRetention retention;

    // ---------------------------------------------------------------- what the check answers

    @Test
    void aNumberNamedOnlyInTipsIsNeverReportedNorIsAProposal() {
        String phone = phone();
        Map<String, Object> tip = new LinkedHashMap<>();
        tip.put("category", "online-fraud");
        tip.put("narrative", "Số " + phone + " gọi tự xưng công an, đòi chuyển tiền.");
        tip.put("identifiers", List.of(Map.of("type", "phone", "value", phone)));
        given().contentType(ContentType.JSON)
                .body(tip)
                .post("/api/v1/tips")
                .then()
                .statusCode(201);

        checking("phone", phone)
                .get(CHECK)
                .then()
                .statusCode(200)
                .body("listed", equalTo(false))
                .body("match", nullValue())
                .body("value", equalTo(e164(phone)));

        long id = propose("phone", phone, null, null);
        checking("phone", phone).get(CHECK).then().statusCode(200).body("listed", equalTo(false));
        assertThat(feedIds(Instant.EPOCH)).as("a proposal is not in the feed").doesNotContain(id);

        supervisor()
                .body(Map.of("reason", "Chưa đủ căn cứ."))
                .post(POLICE + "/indicators/" + id + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("closedBy", equalTo("supervisor.hung"));
        checking("phone", phone).get(CHECK).then().statusCode(200).body("listed", equalTo(false));
        assertThat(feedIds(Instant.EPOCH))
                .as("a rejected proposal is never in the feed")
                .doesNotContain(id);
    }

    @Test
    void aPublishedIndicatorAnswersTheCheckWhateverTheSpelling() {
        String phone = phone();
        long id = listedPhone(phone);
        String international = "+84 " + phone.substring(1);
        checking("phone", international)
                .queryParam("lang", "en")
                .get(CHECK)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Content-Language", "en")
                .body("listed", equalTo(true))
                .body("value", equalTo(e164(phone)))
                .body("match.scamTypes", equalTo(List.of("impersonated-police")))
                .body("match.listedSince", notNullValue())
                .body("match.listedUntil", notNullValue())
                .body("advice", org.hamcrest.Matchers.containsString("Do not send money"));
        officer()
                .get(POLICE + "/indicators/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("verifiedBy", equalTo("supervisor.hung"))
                .body("history.action", equalTo(List.of("PROPOSED", "PUBLISHED")))
                .body("history.actor", equalTo(List.of("officer.lan", "supervisor.hung")))
                .body("evidence", notNullValue());
    }

    @Test
    void anIndicatorPublishedByAnotherReplicaAnswersAfterTheRefresh() throws SQLException {
        String phone = phone();
        IdentifierKeys.Key key = keys.of("", new TipRequests.Tip.Identifier(IdentifierType.PHONE, phone, null, null));
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO indicator (type,"
                                + " value_hash, value_enc, scam_types, status, proposed_by, proposed_at, verified_by, published_at,"
                                + " expires_at, updated_at, row_key) VALUES ('PHONE', ?, ?, 'loan-app', 'PUBLISHED', 'officer.a', UTC_TIMESTAMP(6),"
                                + " 'supervisor.b', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 DAY, UTC_TIMESTAMP(6), ?)")) {
            byte[] rowKey = org.vigil.platform.crypto.Aad.newRowKey();
            s.setBytes(1, key.hash());
            s.setBytes(2, cipher.encryptText(key.value(), Indicator.aad(Indicator.VALUE, rowKey)));
            s.setBytes(3, rowKey);
            s.executeUpdate();
        }
        listedHashes.refresh();
        checking("phone", phone)
                .get(CHECK)
                .then()
                .statusCode(200)
                .body("listed", equalTo(true))
                .body("match.scamTypes", equalTo(List.of("loan-app")));
    }

    @Test
    void bankAccountsAndWalletsAreCheckedWithTheirBankOrProvider() {
        String account = IndicatorFixtures.accountNumber();
        listed("bank-account", account, "VCB", null);
        checking("bank-account", account.replace(" ", "-"))
                .queryParam("bank", " vcb ")
                .get(CHECK)
                .then()
                .statusCode(200)
                .body("listed", equalTo(true))
                .body("bank", equalTo("VCB"))
                .body("value", equalTo(account.replace(" ", "")));
        checking("bank-account", account)
                .queryParam("bank", "TCB")
                .get(CHECK)
                .then()
                .statusCode(200)
                .body("listed", equalTo(false));
        checking("bank-account", account)
                .get(CHECK)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("bank"));

        String wallet = phone();
        listed("e-wallet", wallet, null, "MoMo");
        checking("e-wallet", e164(wallet))
                .queryParam("provider", "MOMO")
                .get(CHECK)
                .then()
                .statusCode(200)
                .body("listed", equalTo(true))
                .body("provider", equalTo("MOMO"));
        // a wallet is not the phone number of the same digits
        checking("phone", wallet).get(CHECK).then().statusCode(200).body("listed", equalTo(false));
    }

    @Test
    void aListedDomainCoversItsSubdomainsButNotItsNeighbours() {
        String domain = IndicatorFixtures.domain();
        listed("url", "https://www." + domain + "/tuyen-dung?id=7", null, null);
        checking("url", "http://Login." + domain.toUpperCase() + "/dang-nhap")
                .get(CHECK)
                .then()
                .statusCode(200)
                .body("listed", equalTo(true))
                .body("value", equalTo("login." + domain))
                .body("match.domain", equalTo(domain));
        checking("url", domain).get(CHECK).then().statusCode(200).body("listed", equalTo(true));
        checking("url", "https://other-" + domain)
                .get(CHECK)
                .then()
                .statusCode(200)
                .body("listed", equalTo(false));
        officer()
                .body(proposal("url", "https://com.vn/x", null, null))
                .post(POLICE + "/indicators")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("value"));
    }

    @Test
    void aMatchSaysWhatToDoWithTheChecklistsAndArticlesOfItsScamType() {
        String slug = "loan-app-check-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> checklist = new LinkedHashMap<>();
        checklist.put("slug", slug);
        checklist.put("lang", "en");
        checklist.put("scamType", "loan-app");
        checklist.put("title", "Is this loan app a trap?");
        checklist.put("introduction", "Answer honestly.");
        checklist.put("items", List.of(Map.of("id", "upfront-fee", "text", "Do they ask a fee first?", "weight", 5)));
        checklist.put(
                "bands",
                Map.of(
                        "low",
                        Map.of("minPercent", 0, "advice", "low"),
                        "medium",
                        Map.of("minPercent", 30, "advice", "medium"),
                        "high",
                        Map.of("minPercent", 60, "advice", "high")));
        checklist.put("relatedArticles", List.of("loan-apps-that-blackmail"));
        long checklistId = as(Tokens.editor())
                .body(checklist)
                .post("/api/v1/admin/checklists")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String etag = as(Tokens.editor())
                .get("/api/v1/admin/checklists/" + checklistId)
                .then()
                .extract()
                .header("ETag");
        as(Tokens.editor())
                .header("If-Match", etag)
                .post("/api/v1/admin/checklists/" + checklistId + "/publish")
                .then()
                .statusCode(200);

        String phone = phone();
        Map<String, Object> body = proposal("phone", phone, null, null);
        body.put("scamTypes", List.of("loan-app"));
        long id = officer()
                .body(body)
                .post(POLICE + "/indicators")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        supervisor()
                .body(Map.of("expiresOn", tomorrow()))
                .post(POLICE + "/indicators/" + id + "/publish")
                .then()
                .statusCode(200);

        checking("phone", phone)
                .queryParam("lang", "en")
                .get(CHECK)
                .then()
                .statusCode(200)
                .body("checklists.slug", hasItem(slug))
                .body("checklists.title", hasItem("Is this loan app a trap?"))
                .body("articles.slug", hasItem("loan-apps-that-blackmail"));
        checking("phone", phone)
                .queryParam("lang", "vi")
                .get(CHECK)
                .then()
                .statusCode(200)
                .header("Content-Language", "vi")
                .body("checklists.slug", not(hasItem(slug)))
                .body("advice", org.hamcrest.Matchers.containsString("Đừng chuyển tiền"));
    }

    // ---------------------------------------------------------------- police rules

    @Test
    void publishingNeedsASecondOfficerAndAValidExpiry() {
        String phone = phone();
        var own = as(Tokens.supervisor("supervisor.mai"));
        long id = own.body(proposal("phone", phone, null, null))
                .post(POLICE + "/indicators")
                .then()
                .statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .body("proposedBy", equalTo("supervisor.mai"))
                .extract()
                .jsonPath()
                .getLong("id");
        as(Tokens.supervisor("supervisor.mai"))
                .body(Map.of("expiresOn", tomorrow()))
                .post(POLICE + "/indicators/" + id + "/publish")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        officer()
                .body(proposal("phone", e164(phone), null, null))
                .post(POLICE + "/indicators")
                .then()
                .statusCode(409);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        supervisor()
                .body(Map.of("expiresOn", today.minusDays(1).toString()))
                .post(POLICE + "/indicators/" + id + "/publish")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("expiresOn"));
        supervisor()
                .body(Map.of("expiresOn", today.plusDays(731).toString()))
                .post(POLICE + "/indicators/" + id + "/publish")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("expiresOn"));
        supervisor()
                .body(Map.of("expiresOn", "tomorrow"))
                .post(POLICE + "/indicators/" + id + "/publish")
                .then()
                .statusCode(400);
        supervisor()
                .body(Map.of("expiresOn", today.toString()))
                .post(POLICE + "/indicators/" + id + "/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        supervisor()
                .body(Map.of("expiresOn", tomorrow()))
                .post(POLICE + "/indicators/" + id + "/publish")
                .then()
                .statusCode(409);
        supervisor()
                .body(Map.of("reason", "x"))
                .post(POLICE + "/indicators/" + id + "/reject")
                .then()
                .statusCode(409);
        supervisor().get(POLICE + "/indicators/987654321").then().statusCode(404);

        Map<String, Object> noEvidence = proposal("phone", phone(), null, null);
        noEvidence.remove("evidence");
        officer()
                .body(noEvidence)
                .post(POLICE + "/indicators")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("evidence"));
        Map<String, Object> badType = proposal("phone", phone(), null, null);
        badType.put("scamTypes", List.of("lottery"));
        officer()
                .body(badType)
                .post(POLICE + "/indicators")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scamTypes[0]"));
        officer()
                .body(proposal("social-account", "@viecnhe", null, null))
                .post(POLICE + "/indicators")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void rolesDecideWhoDoesWhat() {
        long id = propose("phone", phone(), null, null);
        officer()
                .body(Map.of("expiresOn", tomorrow()))
                .post(POLICE + "/indicators/" + id + "/publish")
                .then()
                .statusCode(403);
        officer()
                .body(Map.of("reason", "x"))
                .post(POLICE + "/indicators/" + id + "/delist")
                .then()
                .statusCode(403);
        as(Tokens.editor()).get(POLICE + "/indicators").then().statusCode(403);
        as(Tokens.partner("bank.vcb")).get(POLICE + "/indicators").then().statusCode(403);
        given().get(POLICE + "/indicators").then().statusCode(401).contentType("application/problem+json");
        given().get(FEED).then().statusCode(401);
        officer().get(FEED).then().statusCode(403);
        as(Tokens.supervisor("supervisor.hung")).get(FEED).then().statusCode(403);
        officer()
                .get(POLICE + "/indicators?status=PROPOSED")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("items.id", hasItem((int) id));
        officer()
                .get(POLICE + "/indicators?status=SOON")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void officersFindIndicatorsByValue() {
        String phone = phone();
        long id = propose("phone", phone, null, null);
        officer()
                .queryParam("type", "phone")
                .queryParam("value", e164(phone))
                .get(POLICE + "/indicators")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) id)));
        officer()
                .queryParam("value", phone)
                .get(POLICE + "/indicators")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    // ---------------------------------------------------------------- delisting, expiry, the feed

    @Test
    void aDelistedIndicatorLeavesTheCheckAndTheFeedWithATombstone() {
        Instant before = Instant.now().minusSeconds(1);
        String phone = phone();
        long id = listedPhone(phone);
        assertThat(snapshotIds()).contains(id);
        JsonPath listedItem = feedItem(before, id);
        assertThat(listedItem.getString("state")).isEqualTo("listed");
        assertThat(listedItem.getString("value")).isEqualTo(e164(phone));
        assertThat(listedItem.getList("scamTypes")).containsExactly("impersonated-police");

        supervisor()
                .body(Map.of("reason", "Số đã được cấp lại cho thuê bao khác."))
                .post(POLICE + "/indicators/" + id + "/delist")
                .then()
                .statusCode(200)
                .body("status", equalTo("DELISTED"))
                .body("closedReason", equalTo("Số đã được cấp lại cho thuê bao khác."));
        checking("phone", phone).get(CHECK).then().statusCode(200).body("listed", equalTo(false));
        assertThat(snapshotIds()).doesNotContain(id);
        JsonPath tombstone = feedItem(before, id);
        assertThat(tombstone.getString("state")).isEqualTo("delisted");
        assertThat(tombstone.getString("value")).as("the value to remove").isEqualTo(e164(phone));
        assertThat(tombstone.getString("scamTypes")).isNull();
        assertThat(Instant.parse(tombstone.getString("updatedAt")))
                .isAfter(Instant.parse(listedItem.getString("updatedAt")));
        supervisor()
                .get(POLICE + "/indicators/" + id)
                .then()
                .body("history.action", equalTo(List.of("PROPOSED", "PUBLISHED", "DELISTED")))
                .body("history[2].actor", equalTo("supervisor.hung"));

        long again = propose("phone", phone, null, null);
        assertThat(again)
                .as("a delisted value can be proposed again, as a new indicator")
                .isNotEqualTo(id);
    }

    @Test
    void anExpiredIndicatorLeavesTheCheckAndTheFeedAtOnceAndTheJobTellsPartners() throws SQLException {
        String phone = phone();
        long id = listedPhone(phone);
        Instant listedAt = Instant.parse(feedItem(Instant.EPOCH, id).getString("updatedAt"));
        Instant beforeExpiry = Instant.now().minusMillis(5);
        execute("UPDATE indicator SET expires_at = '2001-01-01' WHERE id = " + id);

        checking("phone", phone).get(CHECK).then().statusCode(200).body("listed", equalTo(false));
        assertThat(snapshotIds()).doesNotContain(id);
        assertThat(feedItem(listedAt, id).getString("state"))
                .as("expired by its date, before the job ran")
                .isEqualTo("expired");

        service.expire(); // unless the scheduled run was quicker
        JsonPath tombstone = feedItem(beforeExpiry, id);
        assertThat(tombstone.getString("state"))
                .as("a partner synced after the expiry date still learns it")
                .isEqualTo("expired");
        supervisor()
                .get(POLICE + "/indicators/" + id)
                .then()
                .body("status", equalTo("EXPIRED"))
                .body("history.action", hasItem("EXPIRED"))
                .body("history.actor", hasItem("system"));
        supervisor()
                .body(Map.of("reason", "x"))
                .post(POLICE + "/indicators/" + id + "/delist")
                .then()
                .statusCode(409);
    }

    @Test
    void theFeedIsKeysetPagedInChangeOrderWithoutRepeats() {
        Instant since = Instant.now().minusMillis(5);
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(listedPhone(phone()));
        }
        List<Long> seen = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = partner().queryParam("updatedSince", since.toString()).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(FEED)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", "no-store")
                    .extract()
                    .jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(1);
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                seen.add(((Number) item.get("id")).longValue());
                times.add(Instant.parse((String) item.get("updatedAt")));
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 500);
        assertThat(seen).containsAll(mine).doesNotHaveDuplicates();
        assertThat(times).isSorted();

        partner()
                .queryParam("cursor", "not-a-cursor")
                .get(FEED)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        partner()
                .queryParam("updatedSince", "yesterday")
                .get(FEED)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("updatedSince"));
        partner().queryParam("limit", 0).get(FEED).then().statusCode(400);
    }

    // ---------------------------------------------------------------- disputes

    @Test
    void anUpheldDisputeDelistsTheIndicator() {
        String phone = phone();
        long id = listedPhone(phone);
        Map<String, Object> dispute = new LinkedHashMap<>();
        dispute.put("type", "phone");
        dispute.put("value", "+84 " + phone.substring(1));
        dispute.put("statement", "Đây là số của cửa hàng tôi.");
        dispute.put("contact", Map.of("name", "Cửa hàng Minh Anh", "email", "minhanh@example.vn"));
        given().contentType(ContentType.JSON)
                .body(dispute)
                .post("/api/v1/indicators/disputes")
                .then()
                .statusCode(202)
                .header("Cache-Control", "no-store")
                .body("status", equalTo("received"));

        JsonPath queue = officer()
                .queryParam("status", "OPEN")
                .queryParam("limit", 100)
                .get(POLICE + "/indicator-disputes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> mine = openDisputeOf(id);
        assertThat(queue.getList("items")).isNotEmpty();
        assertThat(mine.get("statement")).isEqualTo("Đây là số của cửa hàng tôi.");
        assertThat(mine.get("value")).isEqualTo(e164(phone));
        assertThat(mine.get("contact")).isEqualTo(Map.of("name", "Cửa hàng Minh Anh", "email", "minhanh@example.vn"));
        long disputeId = ((Number) mine.get("id")).longValue();
        officer().get(POLICE + "/indicators/" + id).then().body("openDisputes", equalTo(1));

        officer()
                .body(Map.of("upheld", true, "reason", "Chủ thuê bao chứng minh."))
                .post(POLICE + "/indicator-disputes/" + disputeId + "/decision")
                .then()
                .statusCode(403);
        supervisor()
                .body(Map.of("upheld", true, "reason", "Chủ thuê bao chứng minh."))
                .post(POLICE + "/indicator-disputes/" + disputeId + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("UPHELD"))
                .body("decidedBy", equalTo("supervisor.hung"))
                .body("indicatorStatus", equalTo("DELISTED"));
        supervisor()
                .body(Map.of("upheld", false, "reason", "x"))
                .post(POLICE + "/indicator-disputes/" + disputeId + "/decision")
                .then()
                .statusCode(409);
        checking("phone", phone).get(CHECK).then().body("listed", equalTo(false));
        supervisor()
                .get(POLICE + "/indicators/" + id)
                .then()
                .body("status", equalTo("DELISTED"))
                .body(
                        "history.action",
                        equalTo(List.of("PROPOSED", "PUBLISHED", "DISPUTED", "DISPUTE_UPHELD", "DELISTED")))
                .body("history[2].actor", equalTo("public"))
                .body("closedReason", org.hamcrest.Matchers.startsWith("dispute " + disputeId + " upheld"));
    }

    @Test
    void aRejectedDisputeKeepsTheListingAndOnlyListedValuesCanBeDisputed() {
        String phone = phone();
        long id = listedPhone(phone);
        Map<String, Object> dispute = Map.of("type", "phone", "value", phone, "statement", "Không phải của tôi.");
        given().contentType(ContentType.JSON)
                .body(dispute)
                .post("/api/v1/indicators/disputes")
                .then()
                .statusCode(202);
        long disputeId = ((Number) openDisputeOf(id).get("id")).longValue();
        supervisor()
                .body(Map.of("upheld", false, "reason", "Nhiều tin báo xác nhận."))
                .post(POLICE + "/indicator-disputes/" + disputeId + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("indicatorStatus", equalTo("PUBLISHED"));
        checking("phone", phone).get(CHECK).then().body("listed", equalTo(true));

        String proposedOnly = phone();
        propose("phone", proposedOnly, null, null);
        for (String value : List.of(phone(), proposedOnly)) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("type", "phone", "value", value, "statement", "Số của tôi."))
                    .post("/api/v1/indicators/disputes")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "phone", "value", phone))
                .post("/api/v1/indicators/disputes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("statement"));
        supervisor()
                .body(Map.of("upheld", true))
                .post(POLICE + "/indicator-disputes/" + disputeId + "/decision")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        supervisor()
                .body(Map.of("upheld", true, "reason", "x"))
                .post(POLICE + "/indicator-disputes/987654321/decision")
                .then()
                .statusCode(404);
    }

    @Test
    void decidedDisputesLoseWhatTheDisputantWroteAfterTheRetentionPeriod() throws SQLException {
        String oldPhone = phone();
        String recentPhone = phone();
        String openPhone = phone();
        Map<String, Long> disputes = new LinkedHashMap<>();
        for (String phone : List.of(oldPhone, recentPhone, openPhone)) {
            long id = listedPhone(phone);
            given().contentType(ContentType.JSON)
                    .body(Map.of(
                            "type",
                            "phone",
                            "value",
                            phone,
                            "statement",
                            "Số của tôi " + phone,
                            "contact",
                            Map.of("email", "chu-so@example.vn")))
                    .post("/api/v1/indicators/disputes")
                    .then()
                    .statusCode(202);
            disputes.put(phone, ((Number) openDisputeOf(id).get("id")).longValue());
        }
        for (String phone : List.of(oldPhone, recentPhone)) {
            supervisor()
                    .body(Map.of("upheld", false, "reason", "Nhiều tin báo xác nhận."))
                    .post(POLICE + "/indicator-disputes/" + disputes.get(phone) + "/decision")
                    .then()
                    .statusCode(200);
        }
        execute("UPDATE indicator_dispute SET decided_at = NOW(6) - INTERVAL 400 DAY WHERE id = "
                + disputes.get(oldPhone));
        execute("UPDATE indicator_dispute SET received_at = NOW(6) - INTERVAL 400 DAY WHERE id = "
                + disputes.get(openPhone));

        int purged = retention.purgeDecidedBefore(Instant.now().minus(java.time.Duration.ofDays(365)));

        assertThat(purged)
                .as("only the old decided dispute, in a database other tests share")
                .isGreaterThanOrEqualTo(1);
        Map<String, Object> old = disputeById("REJECTED", disputes.get(oldPhone));
        assertThat(old)
                .doesNotContainKeys("statement", "contact")
                .containsKey("contentPurgedAt")
                .containsEntry("decisionReason", "Nhiều tin báo xác nhận.");
        assertThat(disputeById("REJECTED", disputes.get(recentPhone)))
                .containsKeys("statement", "contact")
                .doesNotContainKey("contentPurgedAt");
        assertThat(disputeById("OPEN", disputes.get(openPhone)))
                .as("an open dispute is kept however old")
                .containsKeys("statement", "contact");
        try (Connection c = db.getConnection();
                Statement st = c.createStatement();
                var rs = st.executeQuery(
                        "SELECT statement_enc, contact_enc, indicator_id, row_key FROM indicator_dispute WHERE id = "
                                + disputes.get(oldPhone))) {
            assertThat(rs.next()).isTrue();
            assertThat(cipher.decryptText(
                            rs.getBytes(1),
                            IndicatorDispute.aad(IndicatorDispute.STATEMENT, rs.getLong(3), rs.getBytes(4))))
                    .isEmpty();
            assertThat(rs.getBytes(2)).isNull();
        }
        assertThat(retention.purgeDecidedBefore(Instant.now().minus(java.time.Duration.ofDays(365))))
                .as("a second run (another replica's job) finds nothing left to purge of these")
                .isZero();
    }

    @Test
    void disputeStatementsAndContactsAreForSupervisorsAndEachReadingIsAudited() {
        String phone = phone();
        long id = listedPhone(phone);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "phone",
                        "value",
                        phone,
                        "statement",
                        "Số của tôi " + phone,
                        "contact",
                        Map.of("email", "chu-so@example.vn")))
                .post("/api/v1/indicators/disputes")
                .then()
                .statusCode(202);
        long disputeId = ((Number) openDisputeOf(id).get("id")).longValue();

        Map<String, Object> seenByOfficer = dispute(IndicatorFixtures::officer, "OPEN", "id", disputeId);
        assertThat(seenByOfficer).containsEntry("indicatorId", (int) id).doesNotContainKeys("statement", "contact");

        String reader = "supervisor.reader-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> seenBySupervisor = dispute(() -> as(Tokens.supervisor(reader)), "OPEN", "id", disputeId);
        assertThat(seenBySupervisor)
                .containsEntry("statement", "Số của tôi " + phone)
                .containsEntry("contact", Map.of("email", "chu-so@example.vn"));
        supervisor()
                .queryParam("officer", reader)
                .queryParam("limit", 100)
                .get(POLICE + "/audit")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("DISPUTE_READ"))
                .body("items.detail", hasItem("dispute " + disputeId))
                .body(
                        "items.findAll { it.detail == 'dispute " + disputeId + "' }.reference",
                        equalTo(java.util.Collections.singletonList(null)));
        // nothing is recorded for the officer, who read no statement
        supervisor()
                .queryParam("officer", "officer.lan")
                .queryParam("limit", 100)
                .get(POLICE + "/audit")
                .then()
                .body("items.detail", not(hasItem("dispute " + disputeId)));
    }

    @Test
    void anIndicatorFromATipOfAnotherRegionIsHiddenUntilPublicThenShownWithoutTheTip() {
        String home = "VN-" + UUID.randomUUID().toString().substring(0, 3).toUpperCase();
        String elsewhere = "VN-" + UUID.randomUUID().toString().substring(0, 3).toUpperCase();
        String phone = phone();
        Map<String, Object> tip = new LinkedHashMap<>();
        tip.put("category", "online-fraud");
        tip.put("narrative", "Số này gọi đòi tiền chuộc.");
        tip.put("place", Map.of("regionCode", home));
        tip.put("identifiers", List.of(Map.of("type", "phone", "value", phone)));
        String reference = given().contentType(ContentType.JSON)
                .body(tip)
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .extract()
                .path("reference");
        var homeOfficer = as(Tokens.officer("officer.home", home));
        long id = homeOfficer
                .body(Map.of("scamTypes", List.of("impersonated-police"), "note", "Ghi âm cuộc gọi trong tin báo."))
                .post(POLICE + "/tips/" + reference + "/identifiers/0/indicator")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        List<String> strangers =
                List.of(Tokens.officer("officer.far", elsewhere), Tokens.bearer("officer.unplaced", "officer"));
        for (String stranger : strangers) {
            // a proposal from a tip they cannot see does not exist for them: same 404 as an unknown id
            var answer = as(stranger)
                    .get(POLICE + "/indicators/" + id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .extract();
            var unknown = as(stranger)
                    .get(POLICE + "/indicators/987654321")
                    .then()
                    .statusCode(404)
                    .extract();
            assertThat(answer.asString()).isEqualTo(unknown.asString());
            as(stranger)
                    .queryParam("type", "phone")
                    .queryParam("value", phone)
                    .get(POLICE + "/indicators")
                    .then()
                    .statusCode(200)
                    .body("items", org.hamcrest.Matchers.empty());
            as(stranger)
                    .queryParam("status", "PROPOSED")
                    .queryParam("limit", 100)
                    .get(POLICE + "/indicators")
                    .then()
                    .statusCode(200)
                    .body("items.id", not(hasItem((int) id)))
                    .body("items.sourceTip", not(hasItem(reference)));
        }
        homeOfficer
                .get(POLICE + "/indicators/" + id)
                .then()
                .statusCode(200)
                .body("sourceTip", equalTo(reference))
                .body("evidence", equalTo("Ghi âm cuộc gọi trong tin báo."))
                .body("history[0].detail", equalTo("from tip " + reference));

        // published, the value is public: shown to every officer, but without the tip, evidence and history
        supervisor()
                .body(Map.of("expiresOn", tomorrow()))
                .post(POLICE + "/indicators/" + id + "/publish")
                .then()
                .statusCode(200);
        for (String stranger : strangers) {
            String details = as(stranger)
                    .get(POLICE + "/indicators/" + id)
                    .then()
                    .statusCode(200)
                    .body("value", equalTo(e164(phone)))
                    .body("status", equalTo("PUBLISHED"))
                    .body("sourceTip", nullValue())
                    .body("evidence", nullValue())
                    .body("history", nullValue())
                    .extract()
                    .asString();
            assertThat(details).doesNotContain(reference);
            String list = as(stranger)
                    .queryParam("type", "phone")
                    .queryParam("value", phone)
                    .get(POLICE + "/indicators")
                    .then()
                    .statusCode(200)
                    .body("items.id", equalTo(List.of((int) id)))
                    .extract()
                    .asString();
            assertThat(list).doesNotContain(reference);
        }
        homeOfficer
                .queryParam("type", "phone")
                .queryParam("value", phone)
                .get(POLICE + "/indicators")
                .then()
                .body("items[0].sourceTip", equalTo(reference));
        supervisor()
                .get(POLICE + "/indicators/" + id)
                .then()
                .body("sourceTip", equalTo(reference))
                .body("history.action", equalTo(List.of("PROPOSED", "PUBLISHED")));
    }

    // ---------------------------------------------------------------- the tip's police view

    @Test
    void aTipsIdentifiersAreMarkedWhenTheyMatchAListedIndicatorAndCanBeProposed() {
        String region = "VN-" + UUID.randomUUID().toString().substring(0, 3).toUpperCase();
        String listedPhone = phone();
        long listedId = listedPhone(listedPhone);
        String domain = IndicatorFixtures.domain();
        long domainId = listed("url", domain, null, null);
        String unlisted = phone();

        Map<String, Object> tip = new LinkedHashMap<>();
        tip.put("category", "online-fraud");
        tip.put("narrative", "Nhận được cuộc gọi và đường link lạ.");
        tip.put("place", Map.of("regionCode", region));
        tip.put(
                "identifiers",
                List.of(
                        Map.of("type", "phone", "value", e164(listedPhone)),
                        Map.of("type", "phone", "value", unlisted),
                        Map.of("type", "url", "value", "https://vay-nhanh." + domain + "/dang-ky"),
                        Map.of("type", "social-account", "value", "@viecnhe")));
        String reference = given().contentType(ContentType.JSON)
                .body(tip)
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .extract()
                .path("reference");
        var unitOfficer = as(Tokens.officer("officer.binh", region));

        unitOfficer
                .get(POLICE + "/tips/" + reference)
                .then()
                .statusCode(200)
                .body("identifiers.position", equalTo(List.of(0, 1, 2, 3)))
                .body("identifiers[0].listedIndicator.indicatorId", equalTo((int) listedId))
                .body("identifiers[0].listedIndicator.scamTypes", equalTo(List.of("impersonated-police")))
                .body("identifiers[1].listedIndicator", nullValue())
                .body("identifiers[2].listedIndicator.indicatorId", equalTo((int) domainId))
                .body("identifiers[3].listedIndicator", nullValue());

        Map<String, Object> fromTip = Map.of("scamTypes", List.of("online-task"), "note", "Cùng số trong 3 tin báo.");
        as(Tokens.officer("officer.other", "VN-99"))
                .body(fromTip)
                .post(POLICE + "/tips/" + reference + "/identifiers/1/indicator")
                .then()
                .statusCode(404);
        long proposed = unitOfficer
                .body(fromTip)
                .post(POLICE + "/tips/" + reference + "/identifiers/1/indicator")
                .then()
                .statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .body("sourceTip", equalTo(reference))
                .body("value", equalTo(e164(unlisted)))
                .body("evidence", equalTo("Cùng số trong 3 tin báo."))
                .extract()
                .jsonPath()
                .getLong("id");
        unitOfficer
                .body(fromTip)
                .post(POLICE + "/tips/" + reference + "/identifiers/1/indicator")
                .then()
                .statusCode(409);
        unitOfficer
                .body(fromTip)
                .post(POLICE + "/tips/" + reference + "/identifiers/3/indicator")
                .then()
                .statusCode(422);
        unitOfficer
                .body(fromTip)
                .post(POLICE + "/tips/" + reference + "/identifiers/9/indicator")
                .then()
                .statusCode(404);
        supervisor()
                .get(POLICE + "/audit?reference=" + reference)
                .then()
                .statusCode(200)
                .body("items.action", hasItem("INDICATOR_PROPOSED"))
                .body("items.detail", hasItem("identifier 1 as indicator " + proposed));
        supervisor()
                .get(POLICE + "/indicators/" + proposed)
                .then()
                .body("history[0].detail", equalTo("from tip " + reference));

        supervisor()
                .body(Map.of("expiresOn", tomorrow()))
                .post(POLICE + "/indicators/" + proposed + "/publish")
                .then()
                .statusCode(200);
        unitOfficer
                .get(POLICE + "/tips/" + reference)
                .then()
                .body("identifiers[1].listedIndicator.indicatorId", equalTo((int) proposed));
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Object> openDisputeOf(long indicatorId) {
        return dispute("OPEN", "indicatorId", indicatorId);
    }

    private Map<String, Object> disputeById(String status, long disputeId) {
        return dispute(status, "id", disputeId);
    }

    /** The dispute of the police list with this status whose {@code field} is {@code value}. */
    private Map<String, Object> dispute(String status, String field, long value) {
        return dispute(IndicatorFixtures::supervisor, status, field, value);
    }

    /** The same, as {@code caller} reads the list. */
    private Map<String, Object> dispute(
            java.util.function.Supplier<io.restassured.specification.RequestSpecification> caller,
            String status,
            String field,
            long value) {
        String cursor = null;
        do {
            var request = caller.get().queryParam("status", status).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(POLICE + "/indicator-disputes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                if (((Number) item.get(field)).longValue() == value) {
                    return item;
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        throw new AssertionError("no " + status + " dispute with " + field + " " + value);
    }

    /** Ids in the feed since {@code since}, all pages. */
    private static List<Long> feedIds(Instant since) {
        return feed(since).stream()
                .map(item -> ((Number) item.get("id")).longValue())
                .toList();
    }

    /** Ids listed now (the feed without updatedSince), all pages. */
    private static List<Long> snapshotIds() {
        return feed(null).stream()
                .map(item -> ((Number) item.get("id")).longValue())
                .toList();
    }

    private static List<Map<String, Object>> feed(Instant since) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            var request = partner().queryParam("limit", 100);
            if (since != null) {
                request.queryParam("updatedSince", since.toString());
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(FEED).then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return items;
    }

    /** The feed's item for {@code id} since {@code since}; fails if it is not there. */
    private static JsonPath feedItem(Instant since, long id) {
        Map<String, Object> item = feed(since).stream()
                .filter(i -> ((Number) i.get("id")).longValue() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("indicator " + id + " not in the feed since " + since));
        return JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(item)
                .toString());
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
