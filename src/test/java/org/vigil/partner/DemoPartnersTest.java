package org.vigil.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Tokens;

/** The dev-mode demo partners are seeded only in dev mode; here they must make the police view show who acted. */
@QuarkusTest
class DemoPartnersTest {

    @Inject
    DemoPartners demo;

    @Test
    void theDemoBankAndOperatorReadTheFeedAndTheirActionsShow() {
        Instant start = Instant.now().minusSeconds(1);
        assertThat(QuarkusTransaction.requiringNew().call(demo::seed)).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(demo::seed))
                .as("once")
                .isZero();

        List<Integer> ids = given().header("Authorization", Tokens.partnerOf("it.viettel", "viettel"))
                .queryParam("updatedSince", start.toString())
                .queryParam("limit", 100)
                .get("/api/v1/partner/indicators")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        assertThat(ids).isNotEmpty();
        int acted = ids.stream()
                .mapToInt(id -> given().header("Authorization", Tokens.supervisor("supervisor.hung"))
                        .get("/api/v1/police/indicators/" + id + "/partner-actions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("actions")
                        .size())
                .sum();
        assertThat(acted).isGreaterThanOrEqualTo(2);
        given().header("Authorization", Tokens.partnerOf("it.vcb", "vcb"))
                .get("/api/v1/partner/indicators")
                .then()
                .statusCode(200)
                .body("items.type", hasItems("phone", "bank-account"));
    }
}
