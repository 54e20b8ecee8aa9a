package org.vigil.tip;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.DatabaseScan;
import org.vigil.testsupport.LogCapture;

/**
 * The anonymity promise of DESIGN.md: what identifies a tipster's device or network reaches no
 * table, no log line and no metric, and no answer is cacheable or sets a cookie.
 */
@QuarkusTest
class TipAnonymityTest {

    @Inject
    DataSource db;

    @Test
    void networkAndDeviceDetailsLeaveNoTraceInTablesLogsOrMetrics() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String forwardedFor = "203.0.113.197, 198.51.100." + (100 + Math.abs(marker.hashCode() % 100));
        String realIp = "192.0.2.143";
        String userAgent = "VigilAnonProbe/7.3 (Android 14; SM-X999-" + marker + ")";
        List<String> needles = List.of("203.0.113.197", forwardedFor, realIp, userAgent, marker);
        Headers traced = new Headers(
                new Header("X-Forwarded-For", forwardedFor),
                new Header("X-Real-IP", realIp),
                new Header("User-Agent", userAgent),
                new Header("Forwarded", "for=" + realIp));

        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = LogCapture.into(logged);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        String reference;
        try {
            ExtractableResponse<Response> created = given().headers(traced)
                    .contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(TipFixtures.tip())
                    .post("/api/v1/tips")
                    .then()
                    .statusCode(201)
                    .extract();
            answers.add(created);
            reference = created.path("reference");
            String receipt = created.path("receipt");
            answers.add(given().headers(traced)
                    .header("X-Receipt-Code", receipt)
                    .get("/api/v1/tips/" + reference)
                    .then()
                    .statusCode(200)
                    .extract());
            answers.add(given().headers(traced)
                    .header("X-Receipt-Code", receipt)
                    .contentType(ContentType.JSON)
                    .body(Map.of("text", "Thêm thông tin"))
                    .post("/api/v1/tips/" + reference + "/messages")
                    .then()
                    .statusCode(201)
                    .extract());
            answers.add(given().headers(traced)
                    .header("X-Receipt-Code", receipt)
                    .multiPart("files", "anh.png", TipAttachmentTest.png(), "image/png")
                    .post("/api/v1/tips/" + reference + "/attachments")
                    .then()
                    .statusCode(201)
                    .extract());
            answers.add(given().headers(traced)
                    .header("X-Receipt-Code", "WRONG")
                    .get("/api/v1/tips/" + reference)
                    .then()
                    .statusCode(404)
                    .extract());
            answers.add(given().headers(traced)
                    .contentType(ContentType.JSON)
                    .body(Map.of("narrative", "x"))
                    .post("/api/v1/tips")
                    .then()
                    .statusCode(400)
                    .extract());
            org.jboss.logging.Logger.getLogger(TipAnonymityTest.class).info("log capture works " + marker.hashCode());
        } finally {
            root.removeHandler(capture);
        }

        assertLeftNoTrace(marker, needles, logged, answers, reference);
    }

    /**
     * The same promise on the web path: the tip form, the codes' form, a message and files added
     * from the follow-up page, a wrong receipt and a refused form, all with the tipster's headers.
     */
    @Test
    void theWebPagesLeaveNoTraceEither() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String forwardedFor = "203.0.113.198, 198.51.100." + (100 + Math.abs(marker.hashCode() % 100));
        String realIp = "192.0.2.144";
        String userAgent = "Mozilla/5.0 (Linux; Android 14; SM-W999-" + marker + ") TorBrowser";
        List<String> needles = List.of("203.0.113.198", forwardedFor, realIp, userAgent, marker);
        Headers traced = new Headers(
                new Header("X-Forwarded-For", forwardedFor),
                new Header("X-Real-IP", realIp),
                new Header("User-Agent", userAgent),
                new Header("Forwarded", "for=" + realIp),
                new Header("Cookie", "tracker=" + marker),
                new Header("Referer", "https://example.org/?" + marker));

        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = LogCapture.into(logged);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        String reference;
        try {
            ExtractableResponse<Response> form =
                    given().headers(traced).get("/tip").then().statusCode(200).extract();
            answers.add(form);
            Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(form.asString());
            assertThat(key.find()).isTrue();
            ExtractableResponse<Response> sent = given().headers(traced)
                    .multiPart(new MultiPartSpecBuilder(key.group(1))
                            .controlName("key")
                            .build())
                    .multiPart(new MultiPartSpecBuilder("online-fraud")
                            .controlName("category")
                            .build())
                    .multiPart(new MultiPartSpecBuilder("Tin báo qua trang web")
                            .controlName("narrative")
                            .build())
                    .multiPart("files", "anh.png", TipAttachmentTest.png(), "image/png")
                    .post("/tip")
                    .then()
                    .statusCode(200)
                    .extract();
            answers.add(sent);
            Matcher codes = Pattern.compile("id=\"reference\">([^<]+)<.*id=\"receipt\">([^<]+)<", Pattern.DOTALL)
                    .matcher(sent.asString());
            assertThat(codes.find()).isTrue();
            reference = codes.group(1);
            String receipt = codes.group(2);
            answers.add(given().headers(traced)
                    .formParam("reference", reference)
                    .formParam("receipt", receipt)
                    .post("/follow-up")
                    .then()
                    .statusCode(200)
                    .extract());
            answers.add(given().headers(traced)
                    .formParam("reference", reference)
                    .formParam("receipt", receipt)
                    .formParam("text", "Thêm thông tin")
                    .formParam("key", UUID.randomUUID().toString())
                    .post("/follow-up/message")
                    .then()
                    .statusCode(200)
                    .extract());
            answers.add(given().headers(traced)
                    .multiPart(new MultiPartSpecBuilder(reference)
                            .controlName("reference")
                            .build())
                    .multiPart(new MultiPartSpecBuilder(receipt)
                            .controlName("receipt")
                            .build())
                    .multiPart("files", "anh.png", TipAttachmentTest.png(), "image/png")
                    .post("/follow-up/files")
                    .then()
                    .statusCode(200)
                    .extract());
            answers.add(given().headers(traced)
                    .formParam("reference", reference)
                    .formParam("receipt", "WRONG")
                    .post("/follow-up")
                    .then()
                    .statusCode(404)
                    .extract());
            answers.add(given().headers(traced)
                    .multiPart(new MultiPartSpecBuilder("x")
                            .controlName("narrative")
                            .build())
                    .post("/tip")
                    .then()
                    .statusCode(400)
                    .extract());
            org.jboss.logging.Logger.getLogger(TipAnonymityTest.class).info("log capture works " + marker.hashCode());
        } finally {
            root.removeHandler(capture);
        }
        assertLeftNoTrace(marker, needles, logged, answers, reference);
    }

    /** No needle in a log line, a column or the metrics; every answer no-store and without a cookie. */
    private void assertLeftNoTrace(
            String marker,
            List<String> needles,
            List<String> logged,
            List<ExtractableResponse<Response>> answers,
            String reference)
            throws SQLException {
        assertThat(logged)
                .as("the capture sees application log lines")
                .anyMatch(line -> line.contains("log capture works " + marker.hashCode()));
        for (String line : logged) {
            for (String needle : needles) {
                assertThat(line).as("log line").doesNotContain(needle);
            }
        }

        for (ExtractableResponse<Response> answer : answers) {
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.header("Set-Cookie")).isNull();
        }

        for (String needle : needles) {
            assertThat(columnsContaining(needle))
                    .as("columns holding %s", needle)
                    .isEmpty();
        }
        assertThat(columnsContaining("Thêm thông tin"))
                .as("the self-check finds no plaintext message either")
                .isEmpty();

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests_seconds_count");
        for (String needle : needles) {
            assertThat(metrics).doesNotContain(needle);
        }
        assertThat(metrics).as("no per-tip metric label").doesNotContain(reference);
    }

    @Test
    void storedTimesHaveMinutePrecisionOnly() throws Exception {
        String[] tip = TipFixtures.accepted();
        given().header("X-Receipt-Code", tip[1])
                .contentType(ContentType.JSON)
                .body(Map.of("text", "thêm"))
                .post("/api/v1/tips/" + tip[0] + "/messages")
                .then()
                .statusCode(201);
        given().header("X-Receipt-Code", tip[1])
                .multiPart("files", "a.png", TipAttachmentTest.png())
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(TipFixtures.tip())
                .post("/api/v1/tips")
                .then()
                .statusCode(201);
        String id = "(SELECT id FROM tip WHERE reference = '" + tip[0] + "')";
        for (String sql : List.of(
                "SELECT created_at FROM tip WHERE id = " + id,
                "SELECT updated_at FROM tip WHERE id = " + id,
                "SELECT created_at FROM tip_message WHERE tip_id = " + id,
                "SELECT created_at FROM tip_attachment WHERE tip_id = " + id,
                "SELECT expires_at FROM tip_idempotency ORDER BY expires_at DESC LIMIT 1")) {
            assertThat(TipFixtures.stringValue(db, "SELECT DATE_FORMAT((" + sql + "), '%s.%f')"))
                    .as(sql)
                    .isEqualTo("00.000000");
        }
    }

    @Test
    void scanFindsWhatIsThere() throws SQLException {
        // the scan itself must be able to fail: a known plaintext value is found
        assertThat(columnsContaining("Tiếng Việt")).contains("language.native_name");
    }

    @Test
    void accessLogIsOffAndForwardedHeadersAreNotTrusted() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getOptionalValue("quarkus.http.access-log.enabled", Boolean.class))
                .contains(false);
        assertThat(config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class)
                        .orElse(false))
                .isFalse();
        assertThat(config.getOptionalValue("quarkus.http.proxy.allow-forwarded", Boolean.class)
                        .orElse(false))
                .isFalse();
        assertThat(config.getOptionalValue("quarkus.http.proxy.allow-x-forwarded", Boolean.class)
                        .orElse(false))
                .isFalse();
    }

    private List<String> columnsContaining(String needle) throws SQLException {
        return DatabaseScan.columnsContaining(db, needle, "tip", "tip_attachment", "tip_idempotency");
    }
}
