package org.vigil.tip;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.tip.TipFixtures.rowCounts;
import static org.vigil.tip.TipFixtures.tip;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Every bad tip is a 4xx problem naming the field, and leaves every tip table as it was. */
@QuarkusTest
class TipValidationTest {

    @Inject
    DataSource db;

    private ExtractableResponse<Response> rejected(Object body, int status) {
        Map<String, Long> before = rowCounts(db);
        ExtractableResponse<Response> answer = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/tips")
                .then()
                .extract();
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(rowCounts(db)).as("nothing half-written").isEqualTo(before);
        return answer;
    }

    private void rejectsNaming(String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> tip = tip();
        change.accept(tip);
        List<String> fields = rejected(tip, 400).path("errors.field");
        assertThat(fields).as("problem names %s", field).contains(field);
    }

    private static Map<String, Object> identifier(String type, String value, String... extra) {
        Map<String, Object> identifier = new LinkedHashMap<>(Map.of("type", type, "value", value));
        for (int i = 0; i < extra.length; i += 2) {
            identifier.put(extra[i], extra[i + 1]);
        }
        return identifier;
    }

    @SuppressWarnings("unchecked")
    private static void addIdentifier(Map<String, Object> tip, Map<String, Object> identifier) {
        ((List<Object>) tip.get("identifiers")).add(identifier);
    }

    @Test
    void rejectsTipWithoutNarrative() {
        rejectsNaming("narrative", tip -> tip.remove("narrative"));
        rejectsNaming("narrative", tip -> tip.put("narrative", "   "));
    }

    @Test
    void rejectsOversizedNarrative() {
        rejectsNaming("narrative", tip -> tip.put("narrative", "a".repeat(TipRequests.Tip.MAX_NARRATIVE + 1)));
    }

    @Test
    void rejectsUnknownOrMissingCategory() {
        rejectsNaming("category", tip -> tip.put("category", "gossip"));
        rejectsNaming("category", tip -> tip.remove("category"));
    }

    @Test
    void rejectsTooManyIdentifiers() {
        rejectsNaming("identifiers", tip -> {
            List<Object> many = new ArrayList<>();
            for (int i = 0; i < TipRequests.Tip.MAX_IDENTIFIERS + 1; i++) {
                many.add(identifier("other", "id-" + i));
            }
            tip.put("identifiers", many);
        });
    }

    @Test
    void rejectsMalformedIdentifiersNamingTheirPosition() {
        rejectsNaming("identifiers[2].value", tip -> addIdentifier(tip, identifier("phone", "12345")));
        rejectsNaming("identifiers[2].value", tip -> addIdentifier(tip, identifier("phone", "call me maybe")));
        rejectsNaming(
                "identifiers[2].value",
                tip -> addIdentifier(tip, identifier("bank-account", "không có số", "bank", "VCB")));
        rejectsNaming("identifiers[2].bank", tip -> addIdentifier(tip, identifier("bank-account", "0123456789")));
        rejectsNaming("identifiers[2].provider", tip -> addIdentifier(tip, identifier("e-wallet", "0912345678")));
        rejectsNaming("identifiers[2].value", tip -> addIdentifier(tip, identifier("url", "https:///no-host")));
        rejectsNaming("identifiers[2].value", tip -> addIdentifier(tip, identifier("url", "not a link")));
        rejectsNaming("identifiers[2].type", tip -> addIdentifier(tip, identifier("fax", "123")));
        rejectsNaming("identifiers[2].value", tip -> addIdentifier(tip, identifier("other", "x".repeat(501))));
    }

    @Test
    void rejectsCoordinatesOutOfRangeOrAlone() {
        rejectsNaming("place.latitude", tip -> tip.put("place", Map.of("latitude", 91.0, "longitude", 109.2)));
        rejectsNaming("place.longitude", tip -> tip.put("place", Map.of("latitude", 13.7, "longitude", -181.0)));
        rejectsNaming("place.longitude", tip -> tip.put("place", Map.of("latitude", 13.7)));
        rejectsNaming("place.regionCode", tip -> tip.put("place", Map.of("regionCode", "Bình Định")));
        rejectsNaming("place.text", tip -> tip.put("place", Map.of("text", "x".repeat(501))));
    }

    @Test
    void rejectsFutureIncidentDateBadContactAndUnsupportedLanguage() {
        rejectsNaming(
                "incidentDate",
                tip -> tip.put("incidentDate", LocalDate.now().plusDays(2).toString()));
        rejectsNaming("incidentDate", tip -> tip.put("incidentDate", "yesterday"));
        rejectsNaming("contact.email", tip -> tip.put("contact", Map.of("email", "not-an-address")));
        rejectsNaming("contact.note", tip -> tip.put("contact", Map.of("note", "x".repeat(501))));
        rejectsNaming("lang", tip -> tip.put("lang", "xx"));
    }

    @Test
    void rejectsFieldsAClientMustNotSet() {
        rejectsNaming("status", tip -> tip.put("status", "CLOSED"));
        rejectsNaming("reference", tip -> tip.put("reference", "00000000000"));
    }

    @Test
    void rejectsMalformedOrEmptyJson() {
        rejected("{\"category\": ", 400);
        rejected("", 400);
    }

    @Test
    void rejectsJsonBodiesOverOneMegabyteWith413() {
        Map<String, Object> tip = tip();
        tip.put("narrative", "a".repeat(1_100_000));
        ExtractableResponse<Response> answer = rejected(tip, 413);
        assertThat(answer.<Integer>path("status")).isEqualTo(413);
    }

    @Test
    void rejectsOversizedMessage() {
        String[] tip = TipFixtures.accepted();
        Map<String, Long> before = rowCounts(db);
        given().contentType(ContentType.JSON)
                .header("X-Receipt-Code", tip[1])
                .body(Map.of("text", "x".repeat(5001)))
                .post("/api/v1/tips/" + tip[0] + "/messages")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("text"));
        given().contentType(ContentType.JSON)
                .header("X-Receipt-Code", tip[1])
                .body(Map.of("text", " "))
                .post("/api/v1/tips/" + tip[0] + "/messages")
                .then()
                .statusCode(400);
        assertThat(rowCounts(db)).isEqualTo(before);
    }
}
