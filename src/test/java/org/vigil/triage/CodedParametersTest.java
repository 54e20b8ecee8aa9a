package org.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.vigil.triage.PoliceFixtures.POLICE;
import static org.vigil.triage.PoliceFixtures.officerOf;
import static org.vigil.triage.PoliceFixtures.region;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A coded enum is read by one lookup (org.vigil.platform.web.Coded) wherever it arrives: a query
 * parameter or a JSON field with an unknown code is the same 400, naming the field and listing the codes.
 */
@QuarkusTest
class CodedParametersTest {

    private static final String CATEGORIES =
            "must be one of human-trafficking, forced-labour, illegal-exit, kidnapping-ransom, online-fraud, other";

    @Test
    void anUnknownCategoryIsTheSameProblemInAQueryParameterAndInATip() {
        officerOf(region())
                .queryParam("category", "scam")
                .get(POLICE + "/tips")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", equalTo(CATEGORIES));
        given().contentType(ContentType.JSON)
                .body(Map.of("category", "scam", "description", "A job offer abroad"))
                .post("/api/v1/tips")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", equalTo(CATEGORIES));
    }

    @Test
    void anUnknownIdentifierTypeListsTheTypes() {
        officerOf(region())
                .queryParam("type", "fax")
                .queryParam("value", "1")
                .get(POLICE + "/identifiers/tips")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"))
                .body(
                        "errors[0].message",
                        equalTo("must be one of phone, bank-account, e-wallet, url, social-account, other"));
    }

    @Test
    void aStatusCodeIsReadWhateverItsLetterCase() {
        officerOf(region())
                .queryParam("status", "new")
                .get(POLICE + "/tips")
                .then()
                .statusCode(200);
        officerOf(region())
                .queryParam("status", " NEW ")
                .get(POLICE + "/tips")
                .then()
                .statusCode(200);
    }
}
