package org.vigil.checklist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.vigil.checklist.ChecklistFixtures.ADMIN;
import static org.vigil.checklist.ChecklistFixtures.PUBLIC;
import static org.vigil.checklist.ChecklistFixtures.checklist;
import static org.vigil.checklist.ChecklistFixtures.create;
import static org.vigil.checklist.ChecklistFixtures.createPublished;
import static org.vigil.checklist.ChecklistFixtures.etag;
import static org.vigil.checklist.ChecklistFixtures.item;
import static org.vigil.checklist.ChecklistFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.platform.config.VigilConfig;
import org.vigil.testsupport.Tokens;

@QuarkusTest
class SelfAssessmentTest {

    /** Weights of the fixture's items a..d: maximum 10, medium from 30 %, high from 60 %. */
    private static final Map<String, Integer> WEIGHTS = Map.of("a", 4, "b", 3, "c", 2, "d", 1);

    @Inject
    DataSource db;

    @Inject
    VigilConfig config;

    @Test
    void scoresYesAnswersAndGivesTheBandAdviceAndNextSteps() {
        String slug = published();
        assess(slug, answers(Map.of("a", true, "b", false, "c", true, "d", false)))
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Content-Language", "en")
                .body("checklist", equalTo(slug))
                .body("score", equalTo(6))
                .body("maxScore", equalTo(10))
                .body("band", equalTo("high"))
                .body("advice", equalTo("high advice"))
                .body("redFlags.id", contains("a", "c"))
                .body("redFlags.text", contains("Is a true?", "Is c true?"))
                .body("nextSteps.policeHotline", equalTo("113"))
                .body("nextSteps.tipLineUrl", equalTo(config.publicBaseUrl() + "/api/v1/tips"));
    }

    @Test
    void allNoIsLowWithNoRedFlags() {
        assess(published(), answers(Map.of("a", false, "b", false, "c", false, "d", false)))
                .statusCode(200)
                .body("score", equalTo(0))
                .body("band", equalTo("low"))
                .body("advice", equalTo("low advice"))
                .body("redFlags.size()", equalTo(0));
    }

    @Test
    void scoreExactlyAtAThresholdFallsInTheHigherBand() {
        String slug = published();
        // 30 % of 10 is 3: 2 is low, 3 is medium; 60 % is 6: 5 is medium, 6 is high
        assertThat(bandFor(slug, 2)).isEqualTo("low");
        assertThat(bandFor(slug, 3)).isEqualTo("medium");
        assertThat(bandFor(slug, 5)).isEqualTo("medium");
        assertThat(bandFor(slug, 6)).isEqualTo("high");
        assertThat(bandFor(slug, 10)).isEqualTo("high");
    }

    @Test
    void publishedMinScoresAreExactlyWhereTheBandsStart() {
        // 7 points in all: 25 % is 1.75 and 50 % is 3.5, so the boundaries fall between integers
        Map<String, Object> body = checklist(unique("odd"));
        body.put("items", List.of(item("a", 4), item("b", 2), item("c", 1)));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> bands = (Map<String, Map<String, Object>>) body.get("bands");
        bands.get("medium").put("minPercent", 25);
        bands.get("high").put("minPercent", 50);
        createPublished(body);
        String slug = (String) body.get("slug");
        var view = given().get(PUBLIC + "/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getInt("bands.medium.minScore")).isEqualTo(2);
        assertThat(view.getInt("bands.high.minScore")).isEqualTo(4);
        Map<String, Integer> weights = Map.of("a", 4, "b", 2, "c", 1);
        assertThat(band(slug, weights, 1)).isEqualTo("low");
        assertThat(band(slug, weights, 2)).isEqualTo("medium");
        assertThat(band(slug, weights, 3)).isEqualTo("medium");
        assertThat(band(slug, weights, 4)).isEqualTo("high");
    }

    @Test
    void answersMayComeInAnyOrder() {
        String slug = published();
        List<Map<String, Object>> reversed =
                new ArrayList<>(answerList(Map.of("a", true, "b", true, "c", false, "d", true)));
        java.util.Collections.reverse(reversed);
        assess(slug, Map.of("answers", reversed))
                .statusCode(200)
                .body("score", equalTo(8))
                .body("redFlags.id", contains("a", "b", "d"));
    }

    @Test
    void unknownItemIsAProblemNamingTheAnswer() {
        List<Map<String, Object>> answers =
                new ArrayList<>(answerList(Map.of("a", true, "b", true, "c", true, "d", true)));
        answers.add(2, answer("zzz", true));
        assess(published(), Map.of("answers", answers))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("answers[2].itemId"));
    }

    @Test
    void repeatedItemIsAProblemNamingTheAnswer() {
        List<Map<String, Object>> answers =
                new ArrayList<>(answerList(Map.of("a", true, "b", true, "c", true, "d", true)));
        answers.add(answer("b", false));
        assess(published(), Map.of("answers", answers))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("answers[4].itemId"));
    }

    @Test
    void everyItemMustBeAnswered() {
        assess(published(), answers(Map.of("a", true, "c", false)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("answers"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("b, d"));
    }

    @Test
    void missingOrMalformedAnswerSetsAreProblems() {
        String slug = published();
        String url = PUBLIC + "/" + slug + "/assessment";
        given().contentType(ContentType.JSON)
                .post(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("answers"));
        given().contentType(ContentType.JSON)
                .body("null")
                .post(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("answers"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .post(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("answers"));
        given().contentType(ContentType.JSON)
                .body("{\"answers\": []}")
                .post(url)
                .then()
                .statusCode(400)
                .body("errors.field", contains("answers"));
        given().contentType(ContentType.JSON)
                .body("{\"answers\": [{\"itemId\": \"a\"}]}")
                .post(url)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("answers[0].answer"));
        given().contentType(ContentType.JSON)
                .body("{\"answers\": [{\"itemId\": \"\", \"answer\": true}]}")
                .post(url)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("answers[0].itemId"));
        given().contentType(ContentType.JSON)
                .body("{\"answers\": [{\"itemId\": \"a\", \"answer\": \"maybe\"}]}")
                .post(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("answers[0].answer"));
        given().contentType(ContentType.JSON)
                .body("{\"answers\": [")
                .post(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownOrUnpublishedChecklistIsNotFound() {
        Map<String, Object> yes = answers(Map.of("a", true, "b", true, "c", true, "d", true));
        assess("no-such-checklist", yes).statusCode(404).contentType("application/problem+json");
        Map<String, Object> draft = checklist(unique("draft"));
        create(draft);
        assess((String) draft.get("slug"), yes).statusCode(404);
    }

    @Test
    void assessmentsStoreNothing() {
        Map<String, Object> body = checklist(unique("nostore"));
        long id = createPublished(body);
        String slug = (String) body.get("slug");
        Map<String, Long> before = checklistTableCounts();
        String versionBefore = etag(id);
        assertThat(before).containsKeys("checklist", "checklist_item", "checklist_related_article");

        assess(slug, answers(Map.of("a", true, "b", true, "c", true, "d", true)))
                .statusCode(200);
        assess(slug, answers(Map.of("a", false, "b", true, "c", false, "d", true)))
                .statusCode(200);
        assess(slug, answers(Map.of("a", true))).statusCode(400);

        assertThat(checklistTableCounts()).isEqualTo(before);
        assertThat(etag(id)).as("the checklist itself is untouched").isEqualTo(versionBefore);
    }

    @Test
    void answersAreNeverLogged() {
        String marker = unique("secretflag");
        Map<String, Object> body = checklist(unique("nolog"));
        body.put("items", List.of(item(marker, 5), item("other", 5)));
        createPublished(body);
        String slug = (String) body.get("slug");

        Logger root = Logger.getLogger("");
        Logger vigil = Logger.getLogger("org.vigil");
        Level vigilLevel = vigil.getLevel();
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLoggerName() + " " + record.getMessage() + " "
                        + Arrays.toString(record.getParameters()) + " " + record.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        vigil.setLevel(Level.ALL); // our own debug statements too
        try {
            assess(slug, Map.of("answers", List.of(answer(marker, true), answer("other", false))))
                    .statusCode(200)
                    .body("redFlags.id", contains(marker));
            assess(slug, Map.of("answers", List.of(answer(marker, true), answer(marker, false))))
                    .statusCode(400);
        } finally {
            root.removeHandler(capture);
            vigil.setLevel(vigilLevel);
        }
        assertThat(logged).noneMatch(line -> line.contains(marker));
    }

    @Test
    void assessmentOfAVietnameseChecklistAnswersInVietnamese() {
        Map<String, Object> body = checklist(unique("vi-assess"));
        body.put("lang", "vi");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> bands = (Map<String, Map<String, Object>>) body.get("bands");
        bands.get("high").put("advice", "Đừng đi. Hãy gọi ngay 113.");
        createPublished(body);
        assess((String) body.get("slug"), answers(Map.of("a", true, "b", true, "c", true, "d", true)))
                .statusCode(200)
                .header("Content-Language", "vi")
                .body("advice", equalTo("Đừng đi. Hãy gọi ngay 113."));
    }

    @Test
    void assessmentUsesTheCurrentItemsAfterAnEdit() {
        Map<String, Object> body = checklist(unique("edited"));
        long id = createPublished(body);
        // scored once before the edit, so that its rules are in this replica's cache
        assess((String) body.get("slug"), answers(Map.of("a", true, "b", true, "c", true, "d", true)))
                .statusCode(200)
                .body("score", equalTo(10));
        body.put("items", List.of(item("a", 4), item("e", 6)));
        given().header("Authorization", Tokens.editor())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(body)
                .put(ADMIN + "/" + id)
                .then()
                .statusCode(200);
        String slug = (String) body.get("slug");
        assess(slug, answers(Map.of("a", true, "b", true, "c", true, "d", true)))
                .statusCode(400)
                .body("errors.field", hasItems("answers[1].itemId", "answers"));
        assess(slug, answers(Map.of("a", false, "e", true)))
                .statusCode(200)
                .body("score", equalTo(6))
                .body("maxScore", equalTo(10));
    }

    private static String published() {
        Map<String, Object> body = checklist(unique("assess"));
        createPublished(body);
        return (String) body.get("slug");
    }

    private static ValidatableResponse assess(String slug, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post(PUBLIC + "/" + slug + "/assessment")
                .then();
    }

    private static String bandFor(String slug, int score) {
        return band(slug, WEIGHTS, score);
    }

    /** The band the API gives for answers that score exactly {@code score}. */
    private static String band(String slug, Map<String, Integer> weights, int score) {
        var result = assess(slug, answers(yesFor(weights, score)))
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(result.getInt("score")).isEqualTo(score);
        return result.getString("band");
    }

    /** Answers yes to a subset of items whose weights add up to {@code score} (greedy, heaviest first). */
    private static Map<String, Boolean> yesFor(Map<String, Integer> weights, int score) {
        Map<String, Boolean> answers = new TreeMap<>();
        int left = score;
        List<Map.Entry<String, Integer>> heaviestFirst = weights.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .toList();
        for (Map.Entry<String, Integer> item : heaviestFirst) {
            boolean yes = item.getValue() <= left;
            answers.put(item.getKey(), yes);
            left -= yes ? item.getValue() : 0;
        }
        assertThat(left).as("score %d is reachable", score).isZero();
        return answers;
    }

    private static Map<String, Object> answers(Map<String, Boolean> yesNo) {
        return Map.of("answers", answerList(yesNo));
    }

    /** One answer per entry, in item id order. */
    private static List<Map<String, Object>> answerList(Map<String, Boolean> yesNo) {
        return new TreeMap<>(yesNo)
                .entrySet().stream().map(e -> answer(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, Object> answer(String itemId, boolean yes) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("itemId", itemId);
        answer.put("answer", yes);
        return answer;
    }

    /** Row counts of every table of this feature, found by name so that a new table is covered too. */
    private Map<String, Long> checklistTableCounts() {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = database() and table_name like 'checklist%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
