package org.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.vigil.triage.PoliceFixtures.POLICE;
import static org.vigil.triage.PoliceFixtures.as;
import static org.vigil.triage.PoliceFixtures.officerOf;
import static org.vigil.triage.PoliceFixtures.region;
import static org.vigil.triage.PoliceFixtures.tipIn;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Tokens;

@QuarkusTest
class PoliceWorkflowTest {

    private static String status(String[] tip) {
        return given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/" + tip[0])
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    private static io.restassured.response.Response move(String region, String ref, Map<String, ?> body) {
        return officerOf(region).body(body).post(POLICE + "/tips/" + ref + "/status");
    }

    @Test
    void tipMovesThroughTheWorkflowAndTheTipsterSeesOnlyTheCoarseStatus() {
        String region = region();
        String[] tip = tipIn(region);
        String ref = tip[0];
        assertThat(status(tip)).isEqualTo("received");
        move(region, ref, Map.of("status", "TRIAGED")).then().statusCode(200).body("status", equalTo("TRIAGED"));
        assertThat(status(tip)).isEqualTo("being-reviewed");
        move(region, ref, Map.of("status", "INVESTIGATING")).then().statusCode(200);
        move(region, ref, Map.of("status", "REFERRED")).then().statusCode(200);
        assertThat(status(tip)).isEqualTo("being-reviewed");
        move(region, ref, Map.of("status", "CLOSED")).then().statusCode(409).contentType("application/problem+json");

        String[] closing = tipIn(region);
        move(region, closing[0], Map.of("status", "TRIAGED")).then().statusCode(200);
        move(region, closing[0], Map.of("status", "INVESTIGATING")).then().statusCode(200);
        move(region, closing[0], Map.of("status", "CLOSED")).then().statusCode(200);
        assertThat(status(closing)).isEqualTo("closed");
    }

    @Test
    void transitionsOutsideTheWorkflowAre409AndChangeNothing() {
        String region = region();
        String ref = tipIn(region)[0];
        for (String to : List.of("INVESTIGATING", "REFERRED", "CLOSED", "NEW")) {
            move(region, ref, Map.of("status", to))
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("A tip cannot go from NEW to " + to));
        }
        officerOf(region).get(POLICE + "/tips/" + ref).then().body("status", equalTo("NEW"));
    }

    @Test
    void rejectionNeedsSpamOrADuplicateOfAnotherVisibleTip() {
        String region = region();
        String[] tip = tipIn(region);
        String ref = tip[0];
        String original = tipIn(region)[0];
        move(region, ref, Map.of("status", "REJECTED"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        move(region, ref, Map.of("status", "REJECTED", "reason", "boring"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        move(region, ref, Map.of("status", "REJECTED", "reason", "duplicate"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("duplicateOf"));
        move(region, ref, Map.of("status", "REJECTED", "reason", "duplicate", "duplicateOf", ref))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("duplicateOf"));
        move(region, ref, Map.of("status", "REJECTED", "reason", "duplicate", "duplicateOf", tipIn(region())[0]))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("duplicateOf"));
        move(region, ref, Map.of("status", "TRIAGED", "reason", "spam"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        move(region, ref, Map.of("status", "BOGUS")).then().statusCode(400).contentType("application/problem+json");
        move(region, ref, Map.of()).then().statusCode(400).body("errors[0].field", equalTo("status"));
        officerOf(region).get(POLICE + "/tips/" + ref).then().body("status", equalTo("NEW"));

        move(region, ref, Map.of("status", "REJECTED", "reason", "duplicate", "duplicateOf", original.toLowerCase()))
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        officerOf(region)
                .get(POLICE + "/tips/" + ref)
                .then()
                .body("rejection", equalTo("duplicate"))
                .body("duplicateOf", equalTo(original));
        assertThat(status(tip)).isEqualTo("closed");
        String spam = tipIn(region)[0];
        move(region, spam, Map.of("status", "TRIAGED")).then().statusCode(200);
        move(region, spam, Map.of("status", "REJECTED", "reason", "spam"))
                .then()
                .statusCode(200);
    }

    @Test
    void ofTwoSimultaneousClaimsExactlyOneWins() throws Exception {
        String region = region();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String ref = tipIn(region)[0];
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (String officer : List.of("officer.lan", "officer.minh")) {
                    String token = Tokens.officer(officer, region);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return as(token)
                                .post(POLICE + "/tips/" + ref + "/claim")
                                .statusCode();
                    }));
                }
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    codes.add(answer.get());
                }
                Collections.sort(codes);
                assertThat(codes).containsExactly(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void claimReleaseAndSupervisorReassignment() {
        String region = region();
        String ref = tipIn(region)[0];
        var lan = as(Tokens.officer("officer.lan", region));
        lan.post(POLICE + "/tips/" + ref + "/claim").then().statusCode(200).body("assignee", equalTo("officer.lan"));
        as(Tokens.officer("officer.lan", region))
                .post(POLICE + "/tips/" + ref + "/claim")
                .then()
                .statusCode(200);
        as(Tokens.officer("officer.minh", region))
                .post(POLICE + "/tips/" + ref + "/claim")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(Tokens.officer("officer.minh", region))
                .post(POLICE + "/tips/" + ref + "/release")
                .then()
                .statusCode(409);
        as(Tokens.officer("officer.lan", region))
                .post(POLICE + "/tips/" + ref + "/release")
                .then()
                .statusCode(200)
                .body("assignee", nullValue());
        as(Tokens.officer("officer.lan", region))
                .post(POLICE + "/tips/" + ref + "/release")
                .then()
                .statusCode(409);

        PoliceFixtures.supervisor()
                .body(Map.of("assignee", "officer.minh"))
                .put(POLICE + "/tips/" + ref + "/assignee")
                .then()
                .statusCode(200)
                .body("assignee", equalTo("officer.minh"));
        officerOf(region).get(POLICE + "/tips/" + ref).then().body("assignee", equalTo("officer.minh"));
        PoliceFixtures.supervisor()
                .post(POLICE + "/tips/" + ref + "/release")
                .then()
                .statusCode(200)
                .body("assignee", nullValue());
        PoliceFixtures.supervisor()
                .post(POLICE + "/tips/" + ref + "/release")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        PoliceFixtures.supervisor()
                .body(Map.of("assignee", "officer.minh"))
                .put(POLICE + "/tips/" + ref + "/assignee")
                .then()
                .statusCode(200);
        PoliceFixtures.supervisor()
                .body(Map.of("assignee", " "))
                .put(POLICE + "/tips/" + ref + "/assignee")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("assignee"));
        PoliceFixtures.supervisor()
                .body(Map.of("assignee", "officer.minh", "x", 1))
                .put(POLICE + "/tips/" + ref + "/assignee")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        PoliceFixtures.supervisor()
                .body("{\"assignee\": null}")
                .put(POLICE + "/tips/" + ref + "/assignee")
                .then()
                .statusCode(200)
                .body("assignee", nullValue());
        officerOf(region).get(POLICE + "/tips/" + ref).then().body("assignee", nullValue());
    }

    @Test
    void onAClaimedTipOnlyTheAssigneeOrASupervisorActs() {
        String region = region();
        String[] tip = tipIn(region);
        String ref = tip[0];
        var lan = as(Tokens.officer("officer.lan", region));
        as(Tokens.officer("officer.lan", region))
                .post(POLICE + "/tips/" + ref + "/claim")
                .then()
                .statusCode(200);
        String minh = Tokens.officer("officer.minh", region);

        // another officer of the region: every action on the tip is a 409 problem, and changes nothing
        for (var refused : List.<io.restassured.response.Response>of(
                as(minh).body(Map.of("status", "TRIAGED")).post(POLICE + "/tips/" + ref + "/status"),
                as(minh).body(Map.of("priority", "URGENT")).put(POLICE + "/tips/" + ref + "/priority"),
                as(minh).body(Map.of("labels", List.of("mine"))).put(POLICE + "/tips/" + ref + "/labels"),
                as(minh).body(Map.of("text", "Xin chào")).post(POLICE + "/tips/" + ref + "/replies"),
                as(minh).body(Map.of("scamTypes", List.of("fake-job-abroad")))
                        .post(POLICE + "/tips/" + ref + "/identifiers/0/indicator"))) {
            refused.then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("status", equalTo(409));
        }
        // reading it and adding an internal note stay open to the region
        as(minh).get(POLICE + "/tips/" + ref)
                .then()
                .statusCode(200)
                .body("status", equalTo("NEW"))
                .body("priority", equalTo("NORMAL"))
                .body("labels", org.hamcrest.Matchers.empty())
                .body("messages", org.hamcrest.Matchers.empty());
        as(minh).body(Map.of("text", "Tôi biết số này."))
                .post(POLICE + "/tips/" + ref + "/notes")
                .then()
                .statusCode(201);
        given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/" + ref)
                .then()
                .body("messages", org.hamcrest.Matchers.empty());

        // the assignee and a supervisor may
        lan.body(Map.of("status", "TRIAGED"))
                .post(POLICE + "/tips/" + ref + "/status")
                .then()
                .statusCode(200);
        as(Tokens.officer("officer.lan", region))
                .body(Map.of("labels", List.of("lan")))
                .put(POLICE + "/tips/" + ref + "/labels")
                .then()
                .statusCode(200);
        PoliceFixtures.supervisor()
                .body(Map.of("priority", "HIGH"))
                .put(POLICE + "/tips/" + ref + "/priority")
                .then()
                .statusCode(200);
        PoliceFixtures.supervisor()
                .body(Map.of("text", "Cảm ơn bạn."))
                .post(POLICE + "/tips/" + ref + "/replies")
                .then()
                .statusCode(201);
        // released, it is open to the region again
        as(Tokens.officer("officer.lan", region))
                .post(POLICE + "/tips/" + ref + "/release")
                .then()
                .statusCode(200);
        as(minh).body(Map.of("priority", "URGENT"))
                .put(POLICE + "/tips/" + ref + "/priority")
                .then()
                .statusCode(200);
    }

    @Test
    void notesStayInternalAndRepliesReachTheTipstersThread() {
        String region = region();
        String[] tip = tipIn(region);
        String ref = tip[0];
        officerOf(region)
                .body(Map.of("text", "Đã đối chiếu với vụ tháng 6 – nội bộ."))
                .post(POLICE + "/tips/" + ref + "/notes")
                .then()
                .statusCode(201)
                .body("text", equalTo("Đã đối chiếu với vụ tháng 6 – nội bộ."));
        officerOf(region)
                .body(Map.of("text", "  Bạn có thể gửi ảnh chụp tin nhắn không?  "))
                .post(POLICE + "/tips/" + ref + "/replies")
                .then()
                .statusCode(201)
                .body("from", equalTo("police"));
        officerOf(region)
                .body(Map.of("text", " "))
                .post(POLICE + "/tips/" + ref + "/notes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("text"));
        officerOf(region)
                .body(Map.of("text", "x".repeat(4001)))
                .post(POLICE + "/tips/" + ref + "/replies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("text"));

        String thread = given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/" + ref)
                .then()
                .statusCode(200)
                .body("messages.from", contains("police"))
                .body("messages[0].text", equalTo("Bạn có thể gửi ảnh chụp tin nhắn không?"))
                .extract()
                .asString();
        assertThat(thread).doesNotContain("nội bộ");
        officerOf(region)
                .get(POLICE + "/tips/" + ref)
                .then()
                .body("notes.size()", equalTo(1))
                .body("notes[0].author", equalTo("officer-" + region.toLowerCase()))
                .body("messages.size()", equalTo(1));
    }

    @Test
    void priorityAndLabels() {
        String region = region();
        String ref = tipIn(region)[0];
        officerOf(region)
                .body(Map.of("priority", "URGENT"))
                .put(POLICE + "/tips/" + ref + "/priority")
                .then()
                .statusCode(200)
                .body("priority", equalTo("URGENT"));
        officerOf(region)
                .body(Map.of("priority", "SOON"))
                .put(POLICE + "/tips/" + ref + "/priority")
                .then()
                .statusCode(400);
        officerOf(region)
                .body(Map.of("labels", List.of("Ransom", "cambodia", "ransom")))
                .put(POLICE + "/tips/" + ref + "/labels")
                .then()
                .statusCode(200)
                .body("", contains("cambodia", "ransom"));
        officerOf(region)
                .body(Map.of("labels", List.of("ok", "<script>")))
                .put(POLICE + "/tips/" + ref + "/labels")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("labels"));
        officerOf(region)
                .get(POLICE + "/tips/" + ref)
                .then()
                .body("priority", equalTo("URGENT"))
                .body("labels", contains("cambodia", "ransom"));
        officerOf(region)
                .queryParam("region", region)
                .get(POLICE + "/tips")
                .then()
                .body("items[0].priority", equalTo("URGENT"));
    }

    @Test
    void attachmentDownloadGivesTheStoredFileAndIsAudited() {
        String region = region();
        String[] tip = tipIn(region);
        byte[] pdf =
                ("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>>"
                                + " endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        given().header("X-Receipt-Code", tip[1])
                .multiPart("files", "hợp đồng.pdf", pdf, "application/pdf")
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(201);
        var details = officerOf(region)
                .get(POLICE + "/tips/" + tip[0])
                .then()
                .statusCode(200)
                .body("attachments[0].mediaType", equalTo("application/pdf"))
                .extract();
        long id = ((Number) details.path("attachments[0].id")).longValue();
        byte[] body = officerOf(region)
                .get(POLICE + "/tips/" + tip[0] + "/attachments/" + id)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename*=UTF-8''"))
                .extract()
                .asByteArray();
        assertThat(java.util.HexFormat.of().formatHex(sha256(body))).isEqualTo(details.path("attachments[0].sha256"));
        officerOf(region)
                .get(POLICE + "/tips/" + tip[0] + "/attachments/" + (id + 1_000_000))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        PoliceFixtures.supervisor()
                .queryParam("reference", tip[0])
                .get(POLICE + "/audit")
                .then()
                .body("items.action", contains("DOWNLOAD", "VIEW"));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyAccessAndActionIsAuditedForSupervisors() {
        String region = region();
        String officer = "officer-" + region.toLowerCase();
        String ref = tipIn(region)[0];
        officerOf(region).get(POLICE + "/tips/" + ref).then().statusCode(200);
        officerOf(region).post(POLICE + "/tips/" + ref + "/claim").then().statusCode(200);
        officerOf(region)
                .body(Map.of("status", "TRIAGED"))
                .post(POLICE + "/tips/" + ref + "/status")
                .then()
                .statusCode(200);
        officerOf(region)
                .body(Map.of("text", "ghi chú"))
                .post(POLICE + "/tips/" + ref + "/notes")
                .then()
                .statusCode(201);
        officerOf(region)
                .body(Map.of("text", "trả lời"))
                .post(POLICE + "/tips/" + ref + "/replies")
                .then()
                .statusCode(201);
        // a refused action is not recorded as done
        officerOf(region)
                .body(Map.of("status", "CLOSED"))
                .post(POLICE + "/tips/" + ref + "/status")
                .then()
                .statusCode(409);

        PoliceFixtures.supervisor()
                .queryParam("reference", ref)
                .get(POLICE + "/audit")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("items.action", contains("REPLY", "NOTE", "STATUS", "CLAIM", "VIEW"))
                .body("items.actor", org.hamcrest.Matchers.everyItem(equalTo(officer)))
                .body("items[2].detail", equalTo("NEW -> TRIAGED"))
                .body("items[0].at", org.hamcrest.Matchers.notNullValue());
        var page = PoliceFixtures.supervisor()
                .queryParam("officer", officer)
                .queryParam("limit", 2)
                .get(POLICE + "/audit")
                .then()
                .statusCode(200)
                .body("items.action", contains("REPLY", "NOTE"))
                .extract();
        PoliceFixtures.supervisor()
                .queryParam("officer", officer)
                .queryParam("cursor", (String) page.path("nextCursor"))
                .get(POLICE + "/audit")
                .then()
                .body("items.action", contains("STATUS", "CLAIM", "VIEW"))
                .body("items.reference", hasItems(ref));
        PoliceFixtures.supervisor()
                .get(POLICE + "/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        PoliceFixtures.supervisor()
                .queryParam("officer", officer)
                .queryParam("reference", ref)
                .get(POLICE + "/audit")
                .then()
                .statusCode(400);
        PoliceFixtures.supervisor()
                .queryParam("officer", officer)
                .queryParam("cursor", "%%%")
                .get(POLICE + "/audit")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }
}
