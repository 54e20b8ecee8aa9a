package org.vigil.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;
import org.vigil.campaign.EventRequests;
import org.vigil.checklist.ChecklistRequests;
import org.vigil.content.ArticleRequests;
import org.vigil.indicator.IndicatorRequests;
import org.vigil.testsupport.Tokens;
import org.vigil.tip.TipRequests;
import org.vigil.triage.TriageRequests;

/**
 * The longest valid value of every field of every write operation is accepted (2xx) and read back
 * intact, through real HTTP onto the real MariaDB; one character more is a 400 naming the field.
 * The bodies are built from the request records themselves ({@link Longest} reads each component's
 * {@code @Size}), so a new free-text field is filled at its maximum without this test changing, and
 * a new field with a pattern fails here until a valid longest value is given for it. Free text mixes
 * 4-byte emoji and Vietnamese with combining marks: what breaks byte-length assumptions.
 */
@QuarkusTest
class LongestValidInputTest {

    private static final String POLICE = "/api/v1/police";
    /** File names in UTF-8 as browsers send them (REST Assured's default strict mode sends '?' for non-ASCII). */
    private static final RestAssuredConfig UTF8_FILE_NAMES = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"));

    // ------------------------------------------------------------------ tips

    @Test
    void longestTipIsAcceptedAndReadBackIntact() {
        Longest tip = tip(Map.of());
        String reference = given().contentType(ContentType.JSON)
                .body(tip.body)
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .extract()
                .path("reference");
        tip.assertReadBack(supervisor()
                .get(POLICE + "/tips/" + reference)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath());
        tip.eachOverLimit(over -> given().contentType(ContentType.JSON)
                .body(over)
                .post("/api/v1/tips")
                .then());
    }

    @Test
    void longestMultipartTipAndFileNameAreAccepted() {
        Longest tip = tip(Map.of());
        // letters outside the BMP (two UTF-16 units each) after one ASCII letter: a cut by UTF-16
        // units at 100 would split a surrogate pair, which the database would keep as '?'
        String longName = "a" + "𝐀".repeat(150) + ".png";
        var created = given().config(UTF8_FILE_NAMES)
                .multiPart("tip", "tip.json", utf8(json(tip.body)), "application/json")
                .multiPart("files", longName, png(), "image/png")
                .post("/api/v1/tips/with-files")
                .then()
                .statusCode(201)
                .extract();
        String reference = created.path("reference");
        assertEquals("a" + "𝐀".repeat(99) + ".png", created.path("attachments[0].name"));
        assertEquals(
                "a" + "𝐀".repeat(99) + ".png",
                supervisor()
                        .get(POLICE + "/tips/" + reference)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("attachments[0].name"));
        tip.assertReadBack(supervisor()
                .get(POLICE + "/tips/" + reference)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath());
        tip.eachOverLimit(over -> given().multiPart("tip", "tip.json", utf8(json(over)), "application/json")
                .post("/api/v1/tips/with-files")
                .then());
    }

    @Test
    void longestTipsterMessageIsAccepted() {
        String[] tip = submittedTip(null);
        Longest message = Longest.of(TipRequests.Message.class, Map.of());
        given().contentType(ContentType.JSON)
                .header("X-Receipt-Code", tip[1])
                .body(message.body)
                .post("/api/v1/tips/" + tip[0] + "/messages")
                .then()
                .statusCode(201);
        JsonPath status = given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/" + tip[0])
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(message.body.get("text"), status.getString("messages[-1].text"));
        message.eachOverLimit(over -> given().contentType(ContentType.JSON)
                .header("X-Receipt-Code", tip[1])
                .body(over)
                .post("/api/v1/tips/" + tip[0] + "/messages")
                .then());
    }

    // ------------------------------------------------------------------ police triage

    /** The review's 500: twenty labels of forty characters made an audit detail longer than its column. */
    @Test
    void twentyLabelsOfFortyCharactersAreStoredAndAudited() {
        String reference = submittedTip(null)[0];
        List<String> labels = IntStream.range(0, 20).mapToObj(i -> label(i)).toList();
        Map<String, Object> body = Longest.of(TriageRequests.Labels.class, Map.of("labels", labels)).body;
        supervisor()
                .body(body)
                .put(POLICE + "/tips/" + reference + "/labels")
                .then()
                .statusCode(200)
                .body("size()", equalTo(20));
        List<String> stored = labels.stream()
                .map(l -> Normalizer.normalize(l, Normalizer.Form.NFC).toLowerCase(Locale.ROOT))
                .sorted()
                .toList();
        JsonPath details = supervisor()
                .get(POLICE + "/tips/" + reference)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(stored, details.getList("labels"));
        String detail = supervisor()
                .queryParam("reference", reference)
                .get(POLICE + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .param("a", "LABELS")
                .getString("items.find { it.action == a }.detail");
        assertEquals(String.join(", ", stored), detail);

        List<String> tooMany = new ArrayList<>(labels);
        tooMany.add("one-more");
        supervisor()
                .body(Map.of("labels", tooMany))
                .put(POLICE + "/tips/" + reference + "/labels")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("labels"));
        supervisor()
                .body(Map.of("labels", List.of("a".repeat(41))))
                .put(POLICE + "/tips/" + reference + "/labels")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("labels[0]"));
    }

    /** Labels that grow in lower case ('İ' is 'i' plus a combining dot) or differ only by accents. */
    @Test
    void labelsLongerInLowerCaseOrDifferingByAccentsAreNoServerError() {
        String reference = submittedTip(null)[0];
        supervisor()
                .body(Map.of("labels", List.of("İ".repeat(40))))
                .put(POLICE + "/tips/" + reference + "/labels")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("labels[0]"));
        supervisor()
                .body(Map.of("labels", List.of("lua", "lúa", "ss", "ß", "Vie\u0323\u0302t", "Việt")))
                .put(POLICE + "/tips/" + reference + "/labels")
                .then()
                .statusCode(200)
                .body("", equalTo(List.of("lua", "lúa", "ss", "việt", "ß")));
    }

    @Test
    void longestPoliceTextsAssigneeAndIndicatorNoteAreAccepted() {
        String[] tip = submittedTip("0388 " + ThreadLocalRandom.current().nextInt(100, 1000) + " "
                + ThreadLocalRandom.current().nextInt(100, 1000));
        String base = POLICE + "/tips/" + tip[0];

        Longest note = Longest.of(TriageRequests.Text.class, Map.of());
        supervisor().body(note.body).post(base + "/notes").then().statusCode(201);
        Longest reply = Longest.of(TriageRequests.Text.class, Map.of());
        supervisor().body(reply.body).post(base + "/replies").then().statusCode(201);
        note.eachOverLimit(over -> supervisor().body(over).post(base + "/notes").then());
        reply.eachOverLimit(
                over -> supervisor().body(over).post(base + "/replies").then());

        Longest assignment = Longest.of(TriageRequests.Assignment.class, Map.of());
        supervisor()
                .body(assignment.body)
                .put(base + "/assignee")
                .then()
                .statusCode(200)
                .body("assignee", equalTo(assignment.body.get("assignee")));
        assignment.eachOverLimit(
                over -> supervisor().body(over).put(base + "/assignee").then());

        supervisor()
                .body(Longest.of(TriageRequests.PriorityChange.class, Map.of("priority", "HIGH")).body)
                .put(base + "/priority")
                .then()
                .statusCode(200);
        supervisor()
                .body(Longest.of(TriageRequests.LegalHold.class, Map.of("hold", true)).body)
                .put(base + "/legal-hold")
                .then()
                .statusCode(200);

        Longest fromTip = Longest.of(IndicatorRequests.FromTip.class, Map.of("scamTypes", allScamTypes()));
        supervisor()
                .body(fromTip.body)
                .post(base + "/identifiers/0/indicator")
                .then()
                .statusCode(201)
                .body("evidence", equalTo(fromTip.body.get("note")));
        fromTip.eachOverLimit(over ->
                supervisor().body(over).post(base + "/identifiers/0/indicator").then());

        JsonPath details =
                supervisor().get(base).then().statusCode(200).extract().jsonPath();
        assertEquals(note.body.get("text"), details.getString("notes[-1].text"));
        assertEquals(reply.body.get("text"), details.getString("messages[-1].text"));

        String duplicate = submittedTip(null)[0];
        Longest status = Longest.of(
                TriageRequests.StatusChange.class,
                Map.of("status", "REJECTED", "reason", "duplicate", "duplicateOf", tip[0]));
        supervisor()
                .body(status.body)
                .post(POLICE + "/tips/" + duplicate + "/status")
                .then()
                .statusCode(200);
    }

    @Test
    void staffWithTheLongestUserNameActAndAreRecordedWhole() {
        // 255 code points, 4-byte ones included: Keycloak's longest user name
        String name = "officer." + "😀".repeat(20) + "x".repeat(255 - 8 - 20);
        String officer = Tokens.officer(name, "VN-31");
        String ref = submittedTip("0377 " + ThreadLocalRandom.current().nextInt(100, 1000) + " "
                + ThreadLocalRandom.current().nextInt(100, 1000))[0];
        String base = POLICE + "/tips/" + ref;
        given().header("Authorization", officer)
                .post(base + "/claim")
                .then()
                .statusCode(200)
                .body("assignee", equalTo(name));
        given().header("Authorization", officer)
                .contentType(ContentType.JSON)
                .body(Map.of("text", "ghi chú"))
                .post(base + "/notes")
                .then()
                .statusCode(201);
        long id = given().header("Authorization", officer)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "số lừa đảo", "scamTypes", List.of("impersonated-police")))
                .post(base + "/identifiers/0/indicator")
                .then()
                .statusCode(201)
                .extract()
                .<Number>path("id")
                .longValue();
        given().header("Authorization", Tokens.supervisor("supervisor." + "y".repeat(255 - 11)))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "không đủ chứng cứ"))
                .post(POLICE + "/indicators/" + id + "/reject")
                .then()
                .statusCode(200);

        JsonPath details =
                supervisor().get(base).then().statusCode(200).extract().jsonPath();
        assertEquals(name, details.getString("assignee"));
        assertEquals(name, details.getString("notes[-1].author"));
        List<String> actors = supervisor()
                .queryParam("reference", ref)
                .get(POLICE + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items.actor");
        org.assertj.core.api.Assertions.assertThat(actors).contains(name);

        // one character more is refused at the door, never cut into another officer's name
        given().header("Authorization", Tokens.officer(name + "z", "VN-31"))
                .post(base + "/claim")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    // ------------------------------------------------------------------ indicators and disputes

    @Test
    void longestIndicatorProposalReasonsDisputeAndDecisionAreAccepted() {
        Longest proposal = indicatorProposal();
        long rejected = officer()
                .body(proposal.body)
                .post(POLICE + "/indicators")
                .then()
                .statusCode(201)
                .body("evidence", equalTo(proposal.body.get("evidence")))
                .extract()
                .<Number>path("id")
                .longValue();
        proposal.eachOverLimit(
                over -> officer().body(over).post(POLICE + "/indicators").then());
        Longest reason = Longest.of(IndicatorRequests.Reason.class, Map.of());
        supervisor()
                .body(reason.body)
                .post(POLICE + "/indicators/" + rejected + "/reject")
                .then()
                .statusCode(200)
                .body("closedReason", equalTo(reason.body.get("reason")));
        reason.eachOverLimit(over -> supervisor()
                .body(over)
                .post(POLICE + "/indicators/" + rejected + "/reject")
                .then());

        // listed, then disputed by its holder with the longest statement and contact
        Longest listed = indicatorProposal();
        long id = officer()
                .body(listed.body)
                .post(POLICE + "/indicators")
                .then()
                .statusCode(201)
                .extract()
                .<Number>path("id")
                .longValue();
        Longest publication = Longest.of(
                IndicatorRequests.Publication.class,
                Map.of(
                        "expiresOn",
                        LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString()));
        supervisor()
                .body(publication.body)
                .post(POLICE + "/indicators/" + id + "/publish")
                .then()
                .statusCode(200);
        Longest dispute = Longest.of(
                IndicatorRequests.Dispute.class,
                Map.of(
                        "type",
                        "url",
                        "value",
                        listed.body.get("value"),
                        "contact.email",
                        Longest.email(200),
                        "lang",
                        "vi"));
        given().contentType(ContentType.JSON)
                .body(dispute.body)
                .post("/api/v1/indicators/disputes")
                .then()
                .statusCode(202);
        dispute.eachOverLimit(over -> given().contentType(ContentType.JSON)
                .body(over)
                .post("/api/v1/indicators/disputes")
                .then());
        // bank and provider are shown from the indicator, not the dispute
        dispute.readBackAs(path -> path.equals("bank") || path.equals("provider") ? null : path);
        JsonPath mine = openDisputeOf(id);
        dispute.assertReadBack(mine);
        long disputeId = mine.getLong("id");

        // upheld with the longest reason: the indicator's closing reason gets a prefix and is cut to its column
        Longest decision = Longest.of(IndicatorRequests.Decision.class, Map.of("upheld", true));
        decision.eachOverLimit(over -> supervisor()
                .body(over)
                .post(POLICE + "/indicator-disputes/" + disputeId + "/decision")
                .then());
        supervisor()
                .body(decision.body)
                .post(POLICE + "/indicator-disputes/" + disputeId + "/decision")
                .then()
                .statusCode(200)
                .body("decisionReason", equalTo(decision.body.get("reason")));
        JsonPath indicator = supervisor()
                .get(POLICE + "/indicators/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String full = "dispute " + disputeId + " upheld: " + decision.body.get("reason");
        assertEquals(Longest.cut(full, 500), indicator.getString("closedReason"));
        assertEquals(
                "dispute " + disputeId + ": " + decision.body.get("reason"),
                indicator.getString("history.find { it.action == 'DISPUTE_UPHELD' }.detail"));
    }

    // ------------------------------------------------------------------ editors' content

    @Test
    void longestArticleIsAcceptedAndReadBackIntact() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("slug", slug(120));
        given.put("translationKey", slug(120));
        given.put("lang", "vi");
        given.put("category", "online-fraud");
        // the body's bound is 100 kB of UTF-8: 4-byte emoji fill it with half as many UTF-16 units
        given.put("bodyMarkdown", "😀".repeat(100 * 1024 / 4));
        given.put("tags", IntStream.range(0, 20).mapToObj(i -> slug(40)).toList());
        given.put("canonicalUrl", "https://baoninhthuan.com.vn/" + "a".repeat(500 - 28));
        Longest article = Longest.of(ArticleRequests.Draft.class, given);
        JsonPath created = editor().body(article.body)
                .post("/api/v1/admin/articles")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        JsonPath read = editor().get("/api/v1/admin/articles/" + created.getLong("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        article.assertReadBack(read);
        assertEquals(given.get("bodyMarkdown"), read.getString("bodyMarkdown"));
        assertEquals(given.get("tags"), read.getList("tags"));
        Map<String, Object> tooBig = new LinkedHashMap<>(article.body);
        tooBig.put("slug", slug(120));
        tooBig.put("translationKey", slug(120));
        tooBig.put("bodyMarkdown", "😀".repeat(100 * 1024 / 4) + "a");
        editor().body(tooBig)
                .post("/api/v1/admin/articles")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("bodyMarkdown"));
        article.eachOverLimit(over -> {
            over.put("slug", slug(120));
            over.put("translationKey", slug(120));
            return editor().body(over).post("/api/v1/admin/articles").then();
        });
    }

    @Test
    void longestChecklistIsAcceptedAndReadBackIntact() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("slug", slug(120));
        given.put("translationKey", slug(120));
        given.put("lang", "vi");
        given.put("scamType", "fake-job-abroad");
        given.put(
                "relatedArticles",
                IntStream.range(0, 20).mapToObj(i -> slug(160)).toList());
        for (int i = 0; i < 50; i++) {
            given.put("items[" + i + "].id", String.format("%02d", i) + "-" + slug(57));
            given.put("items[" + i + "].weight", 10);
        }
        given.put("bands.low.minPercent", 0);
        given.put("bands.medium.minPercent", 30);
        given.put("bands.high.minPercent", 100);
        Longest checklist = Longest.of(ChecklistRequests.Draft.class, given);
        long id = editor().body(checklist.body)
                .post("/api/v1/admin/checklists")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        checklist.assertReadBack(editor().get("/api/v1/admin/checklists/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath());
        checklist.eachOverLimit(over -> {
            over.put("slug", slug(120));
            over.put("translationKey", slug(120));
            return editor().body(over).post("/api/v1/admin/checklists").then();
        });
    }

    @Test
    void longestEventAndRescheduleAreAcceptedAndReadBackIntact() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("slug", slug(80));
        given.put("start", "2027-07-30T07:30:00");
        given.put("end", "2027-07-30T09:30:00");
        // no IANA zone is 64 characters long: the longest there is (not ical4j's own "ical4j~..." ids)
        given.put(
                "zone",
                ZoneId.getAvailableZoneIds().stream()
                        .filter(z -> z.matches("[A-Za-z][A-Za-z0-9_+/-]*"))
                        .max((a, b) -> a.length() - b.length())
                        .orElseThrow());
        given.put("coordinates.lat", -89.999999);
        given.put("coordinates.lon", 179.999999);
        given.put("region", slug(30) + "." + slug(33));
        given.put("audience", IntStream.range(0, 10).mapToObj(i -> slug(40)).toList());
        given.put("campaign", slug(64));
        given.put("lang", "vi");
        Longest event = Longest.of(EventRequests.Event.class, given);
        JsonPath created = editor().body(event.body)
                .post("/api/v1/admin/events")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .jsonPath();
        long id = created.getLong("id");
        event.assertReadBack(editor().get("/api/v1/admin/events/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath());
        event.eachOverLimit(over -> {
            over.put("slug", slug(80));
            return editor().body(over).post("/api/v1/admin/events").then();
        });
        Longest reschedule = Longest.of(
                EventRequests.Reschedule.class,
                Map.of("start", "2027-08-06T07:30:00", "end", "2027-08-06T09:30:00", "zone", given.get("zone")));
        editor().header("If-Match", "\"" + created.getLong("version") + "\"")
                .body(reschedule.body)
                .post("/api/v1/admin/events/" + id + "/reschedule")
                .then()
                .statusCode(200);
    }

    // ------------------------------------------------------------------ fixtures

    private static Longest tip(Map<String, Object> extra) {
        Map<String, Object> given = new LinkedHashMap<>(extra);
        given.put("category", "online-fraud");
        given.put("incidentDate", "2026-07-12");
        given.put("inDangerNow", false);
        given.put("lang", "vi");
        given.put("place.regionCode", "VN-31");
        given.put("place.latitude", 13.7563);
        given.put("place.longitude", 109.2177);
        given.put("contact.email", Longest.email(200));
        for (int i = 0; i < TipRequests.Tip.MAX_IDENTIFIERS; i++) {
            // "other" keeps the value as written, so every character of it is stored and shown
            given.put("identifiers[" + i + "].type", "other");
        }
        Longest tip = Longest.of(TipRequests.Tip.class, given);
        // what the police read back: identifiers' bank and provider only matter for their own types
        tip.readBackAs(path -> path.matches("identifiers\\[\\d+]\\.(bank|provider)") ? null : path);
        return tip;
    }

    /** Reference and receipt of a small tip, optionally naming a phone number. */
    private static String[] submittedTip(String phone) {
        Map<String, Object> tip = new LinkedHashMap<>();
        tip.put("category", "online-fraud");
        tip.put("narrative", "Lừa đảo qua mạng, mã " + UUID.randomUUID());
        if (phone != null) {
            tip.put("identifiers", List.of(Map.of("type", "phone", "value", phone)));
        }
        var body = given().contentType(ContentType.JSON)
                .body(tip)
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .extract();
        return new String[] {body.path("reference"), body.path("receipt")};
    }

    /** The open dispute of indicator {@code id}, paging through the queue (oldest first). */
    private static JsonPath openDisputeOf(long id) {
        String cursor = null;
        do {
            var request = supervisor().queryParam("status", "OPEN").queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(POLICE + "/indicator-disputes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (((Number) item.get("indicatorId")).longValue() == id) {
                    return new JsonPath(json(item));
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return fail("no open dispute of indicator " + id);
    }

    /** A link indicator no other test uses, its value the longest valid link. */
    private static Longest indicatorProposal() {
        String host = "https://lua-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + ".com.vn/";
        return Longest.of(
                IndicatorRequests.Proposal.class,
                Map.of("type", "url", "value", host + "p".repeat(500 - host.length()), "scamTypes", allScamTypes()));
    }

    private static List<String> allScamTypes() {
        return List.of(org.vigil.checklist.ScamType.CODES.split(", "));
    }

    /** Forty characters that labels accept, different for each {@code i}: emoji and combining marks. */
    private static String label(int i) {
        String start = String.format("%02d-", i);
        return Longest.cut(start + Longest.text(40 - start.length()), 40);
    }

    /** A slug of exactly {@code length} characters, unique to this call. */
    private static String slug(int length) {
        String unique = UUID.randomUUID().toString().replace("-", "");
        StringBuilder s = new StringBuilder(unique.substring(0, Math.min(length, 12)));
        while (s.length() < length) {
            s.append(s.length() + 1 < length ? "-" : "x");
            s.append(unique.charAt(s.length() % unique.length()));
        }
        return s.substring(0, length);
    }

    private static RequestSpecification supervisor() {
        return given().header("Authorization", Tokens.supervisor("supervisor.hung"))
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification officer() {
        return given().header("Authorization", Tokens.officer("officer.lan", "VN-31"))
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification editor() {
        return given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON);
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request body with every free-text field at its {@code @Size} maximum, read from the record:
     * strings without a pattern become {@link #text}, lists get their maximum count, nested records
     * are filled the same way. {@code given} (by path, e.g. {@code identifiers[3].type}) supplies what
     * free text cannot be: enums, dates, numbers and patterned strings; a patterned string that is not
     * given fails the test, so that a new field cannot be skipped silently.
     */
    static final class Longest {

        final Map<String, Object> body;
        /** Path of each generated free-text field, with its maximum. */
        final Map<String, Integer> freeText = new LinkedHashMap<>();

        private final Class<?> type;
        private final Map<String, Object> given;
        private Function<String, String> readBackPath = Function.identity();

        private Longest(Class<?> type, Map<String, Object> given) {
            this.type = type;
            this.given = given;
            this.body = fill(type, "", given);
        }

        static Longest of(Class<?> type, Map<String, Object> given) {
            return new Longest(type, given);
        }

        /** Where a field is read back ({@code null}: not shown); the same path unless told. */
        void readBackAs(Function<String, String> paths) {
            readBackPath = paths;
        }

        /** Every generated field is read back exactly as sent. */
        void assertReadBack(JsonPath read) {
            freeText.keySet().forEach(path -> {
                String at = readBackPath.apply(path);
                if (at != null) {
                    assertEquals(valueAt(body, path), read.getString(at), path + " read back");
                }
            });
        }

        /** For each generated field, the body with that field one character too long: a 400 naming it. */
        void eachOverLimit(Function<Map<String, Object>, ValidatableResponse> send) {
            freeText.forEach((path, max) -> {
                Map<String, Object> over = new LinkedHashMap<>(given);
                over.put(path, text(max + 1));
                send.apply(new Longest(type, over).body).statusCode(400).body("errors.field", hasItem(path));
            });
        }

        private Map<String, Object> fill(Class<?> record, String prefix, Map<String, Object> given) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : record.getRecordComponents()) {
                String path = prefix + c.getName();
                Object value = value(
                        path, c.getType(), c.getGenericType(), c.getAccessor().getAnnotatedReturnType(), given);
                if (value != null) {
                    out.put(c.getName(), value);
                }
            }
            return out;
        }

        private Object value(
                String path, Class<?> raw, Type generic, AnnotatedType annotated, Map<String, Object> given) {
            if (given.containsKey(path)) {
                return given.get(path);
            }
            Size size = annotated.getAnnotation(Size.class);
            if (raw == String.class) {
                if (size == null
                        || annotated.isAnnotationPresent(Pattern.class)
                        || annotated.isAnnotationPresent(Email.class)) {
                    fail("give the longest valid value of " + path + " (" + type.getSimpleName() + ")");
                }
                freeText.put(path, size.max());
                return text(size.max());
            }
            if (raw.isRecord()) {
                return fill(raw, path + ".", given);
            }
            if (raw == List.class) {
                if (size == null) {
                    fail("a list without @Size: " + path);
                }
                Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
                AnnotatedType annotatedElement =
                        ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[0];
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < size.max(); i++) {
                    items.add(value(path + "[" + i + "]", (Class<?>) element, element, annotatedElement, given));
                }
                return items;
            }
            return null; // enums, numbers, dates, booleans: only when given
        }

        /**
         * Exactly {@code units} UTF-16 units (what {@code @Size} counts) of text that needs every byte
         * assumption to be right: 4-byte emoji and Vietnamese with combining marks; no outer spaces.
         */
        static String text(int units) {
            String[] pieces = {"Vie\u0323\u0302t", " ", "😀", "ạ", "\u0111"};
            StringBuilder s = new StringBuilder();
            for (int i = 0; s.length() < units; i++) {
                String piece = pieces[i % pieces.length];
                s.append(s.length() + piece.length() <= units ? piece : "a".repeat(units - s.length()));
            }
            if (s.charAt(0) == ' ') {
                s.setCharAt(0, 'a');
            }
            if (s.charAt(s.length() - 1) == ' ') {
                s.setCharAt(s.length() - 1, 'a');
            }
            return s.toString();
        }

        /** The longest address {@code @Email} accepts within {@code max}: a 64-character local part. */
        static String email(int max) {
            StringBuilder domain = new StringBuilder();
            int room = max - 65 - ".vn".length();
            while (room > 0) {
                int label = Math.min(63, room - (domain.length() > 0 ? 1 : 0));
                if (label <= 0) {
                    break;
                }
                domain.append(domain.length() > 0 ? "." : "").append("d".repeat(label));
                room = max - 65 - ".vn".length() - domain.length();
            }
            String email = "l".repeat(64) + "@" + domain + ".vn";
            assertEquals(max, email.length());
            return email;
        }

        /** At most {@code codePoints} characters, never inside a surrogate pair. */
        static String cut(String s, int codePoints) {
            return s.codePointCount(0, s.length()) <= codePoints
                    ? s
                    : s.substring(0, s.offsetByCodePoints(0, codePoints));
        }

        @SuppressWarnings("unchecked")
        static Object valueAt(Map<String, Object> body, String path) {
            Object current = body;
            for (String part : path.split("\\.")) {
                int bracket = part.indexOf('[');
                String name = bracket < 0 ? part : part.substring(0, bracket);
                current = ((Map<String, Object>) current).get(name);
                if (bracket >= 0) {
                    current = ((List<Object>) current)
                            .get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
                }
            }
            return current;
        }
    }
}
