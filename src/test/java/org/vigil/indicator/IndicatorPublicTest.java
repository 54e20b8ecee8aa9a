package org.vigil.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vigil.indicator.IndicatorFixtures.CHECK;
import static org.vigil.indicator.IndicatorFixtures.checking;
import static org.vigil.indicator.IndicatorFixtures.e164;
import static org.vigil.indicator.IndicatorFixtures.listedPhone;
import static org.vigil.indicator.IndicatorFixtures.phone;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.platform.ratelimit.RateLimiter;
import org.vigil.platform.ratelimit.SourceKeys;
import org.vigil.testsupport.DatabaseScan;
import org.vigil.testsupport.LogCapture;

/**
 * The public side: checked values leave no trace, bad input is a 4xx problem, floods get 429s,
 * and the statistics hide every count below 5.
 */
@QuarkusTest
class IndicatorPublicTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    IndicatorLimits limits;

    @Inject
    SourceKeys sourceKeys;

    @Inject
    DataSource db;

    // ---------------------------------------------------------------- values checked leave no trace

    @Test
    void checkedValuesAreNeitherLoggedNorStored() throws Exception {
        String listed = phone();
        listedPhone(listed);
        String unlisted = phone();
        String marker = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String domain = marker + ".com.vn";
        String account = "77" + String.valueOf(Math.abs(marker.hashCode())).substring(0, 8) + "93";
        String badValue = "not-a-phone-" + marker;
        List<String> needles = List.of(
                e164(unlisted),
                unlisted.replace(" ", ""),
                unlisted,
                e164(listed),
                listed.replace(" ", ""),
                domain,
                account,
                badValue,
                marker);

        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = LogCapture.into(logged);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        try {
            answers.add(checking("phone", unlisted)
                    .get(CHECK)
                    .then()
                    .statusCode(200)
                    .body("listed", equalTo(false))
                    .extract());
            answers.add(checking("phone", listed)
                    .get(CHECK)
                    .then()
                    .statusCode(200)
                    .body("listed", equalTo(true))
                    .extract());
            answers.add(checking("url", "https://login." + domain + "/x?ref=" + marker)
                    .get(CHECK)
                    .then()
                    .statusCode(200)
                    .extract());
            answers.add(checking("bank-account", account)
                    .queryParam("bank", "VCB")
                    .get(CHECK)
                    .then()
                    .statusCode(200)
                    .extract());
            answers.add(checking("phone", badValue)
                    .get(CHECK)
                    .then()
                    .statusCode(400)
                    .extract());
            answers.add(checking("e-wallet", account)
                    .get(CHECK)
                    .then()
                    .statusCode(400)
                    .extract());
            answers.add(given().contentType(ContentType.JSON)
                    .body(Map.of("type", "phone", "value", unlisted, "statement", "Số của tôi " + marker))
                    .post("/api/v1/indicators/disputes")
                    .then()
                    .statusCode(422)
                    .extract());
            answers.add(given().contentType(ContentType.JSON)
                    .body(Map.of("type", "phone", "value", listed, "statement", "Số của tôi " + marker))
                    .post("/api/v1/indicators/disputes")
                    .then()
                    .statusCode(202)
                    .extract());
            org.jboss.logging.Logger.getLogger(IndicatorPublicTest.class)
                    .info("log capture works " + marker.hashCode());
        } finally {
            root.removeHandler(capture);
        }

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
            if (answer.statusCode() >= 400) {
                assertThat(answer.asString())
                        .as("a problem does not echo the value")
                        .doesNotContain(marker);
            }
        }
        for (String needle : needles) {
            assertThat(columnsContaining(needle))
                    .as("columns holding %s", needle)
                    .isEmpty();
        }
        assertThat(columnsContaining("Tiếng Việt"))
                .as("the scan finds what is there")
                .contains("language.native_name");
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String needle : needles) {
            assertThat(metrics).doesNotContain(needle);
        }
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badChecksAreProblemsNamingTheField() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("type", new String[] {"", "0912345678"});
        cases.put("type ", new String[] {"social-account", "@viecnhe"});
        cases.put("value", new String[] {"phone", ""});
        cases.put("value ", new String[] {"phone", "12"});
        cases.put("value  ", new String[] {"url", "không phải link"});
        cases.put("value   ", new String[] {"phone", "9".repeat(501)});
        cases.forEach((field, c) -> given().queryParam("type", c[0])
                .queryParam("value", c[1])
                .get(CHECK)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(field.strip())));
        given().get(CHECK).then().statusCode(400).body("errors[0].field", equalTo("type"));
        checking("bank-account", "0451000012345")
                .get(CHECK)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("bank"));
        checking("e-wallet", "0912345678")
                .get(CHECK)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("provider"));
        checking("phone", "0912345678")
                .queryParam("lang", "xx")
                .get(CHECK)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lang"));
        given().contentType(ContentType.JSON)
                .body("{\"type\": \"fax\", \"value\": \"1\", \"statement\": \"x\"}")
                .post("/api/v1/indicators/disputes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        given().contentType(ContentType.JSON)
                .body("{\"type\": \"phone\", \"value\": \"0912345678\", \"statement\": \"x\","
                        + " \"contact\": {\"email\": \"not-an-email\"}}")
                .post("/api/v1/indicators/disputes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("contact.email"));
    }

    // ---------------------------------------------------------------- rate limits

    @Test
    void floodsOfChecksAndDisputesGet429WithRetryAfter() {
        try {
            drain(limits.checksGlobal, "*");
            assertTooMany(checking("phone", phone()).get(CHECK).then().extract());
        } finally {
            limits.checksGlobal.reset();
        }
        try {
            for (String loopback : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
                drain(limits.checksPerSource, sourceKeys.of(loopback));
            }
            assertTooMany(checking("phone", phone()).get(CHECK).then().extract());
        } finally {
            limits.checksPerSource.reset();
        }
        checking("phone", phone()).get(CHECK).then().statusCode(200);
        try {
            drain(limits.disputesGlobal, "*");
            assertTooMany(given().contentType(ContentType.JSON)
                    .body(Map.of("type", "phone", "value", phone(), "statement", "Số của tôi"))
                    .post("/api/v1/indicators/disputes")
                    .then()
                    .extract());
        } finally {
            limits.disputesGlobal.reset();
        }
        try {
            for (String loopback : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
                drain(limits.disputesPerSource, sourceKeys.of(loopback));
            }
            assertTooMany(given().contentType(ContentType.JSON)
                    .body(Map.of("type", "phone", "value", phone(), "statement", "Số của tôi"))
                    .post("/api/v1/indicators/disputes")
                    .then()
                    .extract());
        } finally {
            limits.disputesPerSource.reset();
        }
    }

    // ---------------------------------------------------------------- statistics

    @Test
    void statisticsHideEveryCountBelowFive() throws SQLException {
        YearMonth now = YearMonth.now(ZONE);
        YearMonth lastFinished = now.minusMonths(1);
        YearMonth few = now.minusMonths(10);
        YearMonth many = now.minusMonths(9);
        List<String> fewTips = new ArrayList<>();
        List<String> manyTips = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fewTips.add(tip("forced-labour"));
        }
        for (int i = 0; i < 6; i++) {
            manyTips.add(tip("illegal-exit"));
        }
        String rejected = tip("illegal-exit");
        dateTips(fewTips, few);
        dateTips(manyTips, many);
        dateTips(List.of(rejected), many);
        execute("UPDATE tip SET status = 'REJECTED' WHERE reference = '" + rejected + "'");

        ExtractableResponse<Response> answer = given().get("/api/v1/stats")
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .extract();
        JsonPath stats = answer.jsonPath();
        assertThat(stats.getString("toMonth")).as("finished months only").isEqualTo(lastFinished.toString());
        assertThat(stats.getString("fromMonth"))
                .isEqualTo(lastFinished.minusMonths(11).toString());
        assertThat(count(stats, few, "forced-labour")).isEqualTo("<5");
        assertThat(count(stats, many, "illegal-exit"))
                .as("6 tips, the rejected one left out")
                .isEqualTo("6");
        assertThat(stats.getList("tipsPerMonth")).as("every month and category").hasSize(12 * 6);
        assertThat(stats.getList("listedIndicators")).hasSize(4);
        assertThat(stats.getList("eventsHeldPerMonth")).hasSize(12);

        // every count shown is what the database holds, below 5 as "<5"
        Map<String, Long> tips = tipCountsFromDatabase();
        for (Map<String, Object> entry : stats.<Map<String, Object>>getList("tipsPerMonth")) {
            long expected = tips.getOrDefault(entry.get("month") + "/" + entry.get("category"), 0L);
            assertThat(entry.get("count"))
                    .as("tips %s", entry)
                    .isEqualTo(expected < 5 ? "<5" : String.valueOf(expected));
        }
        String listedPhones = "SELECT COUNT(*) FROM indicator WHERE type = 'PHONE' AND status = 'PUBLISHED'"
                + " AND expires_at > UTC_TIMESTAMP(6)";
        long phones = longValue(listedPhones);
        assertThat(stats.getString("listedIndicators.find { it.type == 'phone' }.count"))
                .isEqualTo(phones < 5 ? "<5" : String.valueOf(phones));
        for (Map<String, Object> entry : stats.<Map<String, Object>>getList("eventsHeldPerMonth")) {
            assertThat((String) entry.get("count")).matches("<5|[0-9]+");
            assertThat(entry.get("count")).isNotIn("0", "1", "2", "3", "4");
        }

        String etag = answer.header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/stats").then().statusCode(304);
        tip("forced-labour");
        dateTips(List.of(tip("forced-labour"), tip("forced-labour")), few);
        // now 5: shown as a number, and the ETag changes with it
        given().header("If-None-Match", etag).get("/api/v1/stats").then().statusCode(200);
        assertThat(count(given().get("/api/v1/stats").then().extract().jsonPath(), few, "forced-labour"))
                .isEqualTo("5");
    }

    @Test
    void statisticsPublishFinishedMonthsOnlySoATipSentNowChangesNothing() throws SQLException {
        YearMonth now = YearMonth.now(ZONE);
        ExtractableResponse<Response> before =
                given().get("/api/v1/stats").then().statusCode(200).extract();
        assertThat(before.jsonPath().getList("tipsPerMonth.month", String.class))
                .as("the current month is never counted")
                .doesNotContain(now.toString())
                .contains(now.minusMonths(1).toString());

        for (int i = 0; i < 5; i++) {
            tip("kidnapping-ransom");
        }
        ExtractableResponse<Response> after =
                given().get("/api/v1/stats").then().statusCode(200).extract();
        assertThat(after.jsonPath().<Object>getList("tipsPerMonth"))
                .isEqualTo(before.jsonPath().<Object>getList("tipsPerMonth"));
        given().header("If-None-Match", before.header("ETag"))
                .get("/api/v1/stats")
                .then()
                .statusCode(304);

        // the same five, had they come last month, show once that month is over
        List<String> lastMonth = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lastMonth.add(tip("kidnapping-ransom"));
        }
        dateTips(lastMonth, now.minusMonths(1));
        String shown = count(
                given().get("/api/v1/stats").then().statusCode(200).extract().jsonPath(),
                now.minusMonths(1),
                "kidnapping-ransom");
        assertThat(shown).isNotEqualTo("<5");
        assertThat(Long.parseLong(shown)).isGreaterThanOrEqualTo(5);
    }

    // ---------------------------------------------------------------- helpers

    private static String count(JsonPath stats, YearMonth month, String category) {
        return stats.getString(
                "tipsPerMonth.find { it.month == '" + month + "' && it.category == '" + category + "' }.count");
    }

    private static String tip(String category) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("category", category, "narrative", "Thống kê " + UUID.randomUUID()))
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .extract()
                .path("reference");
    }

    /** Moves the tips to the middle of {@code month}, as if they had come then. */
    private void dateTips(List<String> references, YearMonth month) throws SQLException {
        String at = month.atDay(15)
                .atTime(12, 0)
                .atZone(ZONE)
                .toInstant()
                .toString()
                .replace("T", " ")
                .replace("Z", "");
        for (String reference : references) {
            execute("UPDATE tip SET created_at = '" + at + "' WHERE reference = '" + reference + "'");
        }
    }

    private Map<String, Long> tipCountsFromDatabase() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT category, created_at FROM tip WHERE status <> 'REJECTED'")) {
            while (r.next()) {
                // created_at holds UTC
                YearMonth month = YearMonth.from(r.getObject(2, java.time.LocalDateTime.class)
                        .atZone(ZoneId.of("UTC"))
                        .withZoneSameInstant(ZONE));
                String category = r.getString(1).toLowerCase().replace('_', '-');
                counts.merge(month + "/" + category, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static void assertTooMany(ExtractableResponse<Response> answer) {
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
    }

    private static void drain(RateLimiter limiter, String key) {
        while (limiter.tryAcquire(key).isEmpty()) {
            // take every token this key has
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private long longValue(String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private List<String> columnsContaining(String needle) throws SQLException {
        return DatabaseScan.columnsContaining(db, needle, "indicator", "indicator_event", "indicator_dispute");
    }
}
