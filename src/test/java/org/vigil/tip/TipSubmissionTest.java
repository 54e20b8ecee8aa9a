package org.vigil.tip;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.vigil.tip.TipFixtures.accepted;
import static org.vigil.tip.TipFixtures.execute;
import static org.vigil.tip.TipFixtures.stringValue;
import static org.vigil.tip.TipFixtures.submit;
import static org.vigil.tip.TipFixtures.tip;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TipSubmissionTest {

    @Inject
    DataSource db;

    @Test
    void acceptedTipIsCommittedAsNewWithReferenceAndOneTimeReceipt() {
        var answer = submit(tip())
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Set-Cookie", nullValue())
                .body("reference", matchesPattern("[0-9A-HJKMNP-TV-Z]{11}"))
                .body("receipt", matchesPattern("([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}"))
                .body("status", equalTo("received"))
                .body(
                        "receivedOn",
                        equalTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString()))
                .body("whatHappensNext", containsString("Công an"))
                .body("attachments", empty())
                .extract();
        String reference = answer.path("reference");
        assertThat(answer.header("Location")).endsWith("/api/v1/tips/" + reference);

        // in the police queue, committed before the 201 (read here over another connection)
        assertThat(stringValue(db, "SELECT status FROM tip WHERE reference = '" + reference + "'"))
                .isEqualTo("NEW");
        assertThat(stringValue(db, "SELECT HEX(receipt_hash) FROM tip WHERE reference = '" + reference + "'"))
                .as("only a hash of the receipt is kept")
                .hasSize(64)
                .doesNotContain(((String) answer.path("receipt")).replace("-", ""));
    }

    @Test
    void referencesAreRandomNotSequential() {
        Set<String> seen = new HashSet<>();
        String previous = null;
        for (int i = 0; i < 5; i++) {
            String reference = accepted()[0];
            assertThat(seen.add(reference)).isTrue();
            if (previous != null) {
                assertThat(commonPrefix(previous, reference))
                        .as("no shared counter prefix")
                        .isLessThan(6);
            }
            previous = reference;
        }
    }

    @Test
    void answersInTheRequestedLanguageAndWarnsWhenSomeoneIsInDanger() {
        Map<String, Object> tip = tip();
        tip.put("lang", "en");
        tip.put("inDangerNow", true);
        submit(tip).statusCode(201).body("whatHappensNext", containsString("call 113"));
        given().contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(tip())
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .body("whatHappensNext", containsString("provincial police"));
    }

    @Test
    void tipsterFollowsUpWithReceiptInAHeader() {
        String[] tip = accepted();
        given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/" + tip[0])
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Set-Cookie", nullValue())
                .body("reference", equalTo(tip[0]))
                .body("status", equalTo("received"))
                .body("messages", empty());
        // spaces, case and Crockford look-alikes do not matter when the code is typed back
        String typed = tip[1].toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');
        given().header("X-Receipt-Code", typed)
                .get("/api/v1/tips/" + tip[0].toLowerCase())
                .then()
                .statusCode(200);
    }

    @Test
    void wrongReceiptAndUnknownReferenceGiveTheSameNotFound() {
        String[] tip = accepted();
        String wrongReceipt = given().header("X-Receipt-Code", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
                .get("/api/v1/tips/" + tip[0])
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .extract()
                .asString();
        String otherReference = accepted()[0];
        String unknown = given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/" + otherReference)
                .then()
                .statusCode(404)
                .extract()
                .asString();
        String malformed = given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/NOT-A-REFERENCE")
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(unknown).isEqualTo(wrongReceipt).isEqualTo(malformed);
    }

    @Test
    void followUpWithoutReceiptHeaderIsABadRequestNamingTheHeader() {
        String reference = accepted()[0];
        given().get("/api/v1/tips/" + reference)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("X-Receipt-Code"));
    }

    @Test
    void tipsterAddsMessagesToTheThread() {
        String[] tip = accepted();
        given().contentType(ContentType.JSON)
                .header("X-Receipt-Code", tip[1])
                .body(Map.of("text", "Họ vừa đổi số điện thoại sang 0987 654 321."))
                .post("/api/v1/tips/" + tip[0] + "/messages")
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("from", equalTo("tipster"))
                .body("text", endsWith("0987 654 321."));
        given().contentType(ContentType.JSON)
                .header("X-Receipt-Code", tip[1])
                .body(Map.of("text", "Thêm: tài khoản nhận tiền ở Vietcombank."))
                .post("/api/v1/tips/" + tip[0] + "/messages")
                .then()
                .statusCode(201);

        given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/" + tip[0])
                .then()
                .statusCode(200)
                .body("messages.from", contains("tipster", "tipster"))
                .body("messages[0].text", equalTo("Họ vừa đổi số điện thoại sang 0987 654 321."))
                .body(
                        "messages[1].sentOn",
                        equalTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString()));
    }

    @Test
    void aRetriedMessageWithItsIdempotencyKeyIsAddedOnce() {
        String[] tip = accepted();
        String key = UUID.randomUUID().toString();
        String text = "Họ gọi lại lúc 9 giờ, số 0987 654 321.";
        for (int attempt = 0; attempt < 3; attempt++) {
            message(tip, key, text)
                    .then()
                    .statusCode(201)
                    .header("Cache-Control", "no-store")
                    .body("from", equalTo("tipster"))
                    .body("text", equalTo(text));
        }
        message(tip, key, "Một tin khác").then().statusCode(422).contentType("application/problem+json");
        message(tip, "a key with spaces", text)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/" + tip[0])
                .then()
                .statusCode(200)
                .body("messages.text", contains(text));
        assertThat(stringValue(
                        db,
                        "SELECT COUNT(*) FROM tip_message m JOIN tip t ON t.id = m.tip_id WHERE t.reference = '"
                                + tip[0] + "'"))
                .isEqualTo("1");

        String[] other = accepted();
        message(other, key, text).then().statusCode(201);
        given().header("X-Receipt-Code", other[1])
                .get("/api/v1/tips/" + other[0])
                .then()
                .body("messages.text", contains(text));
    }

    private static io.restassured.response.Response message(String[] tip, String key, String text) {
        return given().contentType(ContentType.JSON)
                .header("X-Receipt-Code", tip[1])
                .header("Idempotency-Key", key)
                .body(Map.of("text", text))
                .post("/api/v1/tips/" + tip[0] + "/messages");
    }

    @Test
    void messageWithWrongReceiptIsNotFoundAndNotWritten() {
        String[] tip = accepted();
        given().contentType(ContentType.JSON)
                .header("X-Receipt-Code", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ")
                .body(Map.of("text", "giả mạo"))
                .post("/api/v1/tips/" + tip[0] + "/messages")
                .then()
                .statusCode(404);
        given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/" + tip[0])
                .then()
                .body("messages", empty());
    }

    @Test
    void tipsterSeesOnlyTheCoarseStatus() {
        String[] tip = accepted();
        Map<String, String> expected = Map.of(
                "NEW",
                "received",
                "TRIAGED",
                "being-reviewed",
                "INVESTIGATING",
                "being-reviewed",
                "REFERRED",
                "being-reviewed",
                "CLOSED",
                "closed",
                "REJECTED",
                "closed");
        expected.forEach((internal, shown) -> {
            execute(db, "UPDATE tip SET status = '" + internal + "' WHERE reference = '" + tip[0] + "'");
            given().header("X-Receipt-Code", tip[1])
                    .get("/api/v1/tips/" + tip[0])
                    .then()
                    .statusCode(200)
                    .body("status", equalTo(shown));
        });
    }

    @Test
    void closedTipTakesNoMoreMessages() {
        String[] tip = accepted();
        execute(db, "UPDATE tip SET status = 'CLOSED' WHERE reference = '" + tip[0] + "'");
        given().contentType(ContentType.JSON)
                .header("X-Receipt-Code", tip[1])
                .body(Map.of("text", "còn nữa"))
                .post("/api/v1/tips/" + tip[0] + "/messages")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
