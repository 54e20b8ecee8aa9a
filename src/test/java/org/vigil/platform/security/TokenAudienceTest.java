package org.vigil.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Tokens;

/** Bearer tokens are accepted only for this service's audience; endpoints nobody annotated are refused. */
@QuarkusTest
class TokenAudienceTest {

    private static final String QUEUE = "/api/v1/police/tips";

    private static String supervisorFor(String audience) {
        var claims = Jwt.issuer(Tokens.ISSUER).upn("supervisor.aud").groups(Set.of(Roles.SUPERVISOR));
        if (audience != null) {
            claims.audience(audience);
        }
        return "Bearer " + claims.expiresIn(Duration.ofHours(1)).sign();
    }

    @Test
    void aTokenOfTheRealmForAnotherClientIs401() {
        given().header("Authorization", supervisorFor("case-system"))
                .get(QUEUE)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aTokenWithoutAudienceIs401() {
        given().header("Authorization", supervisorFor(null))
                .get(QUEUE)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenForThisServiceIsAccepted() {
        given().header("Authorization", supervisorFor(Tokens.AUDIENCE))
                .get(QUEUE)
                .then()
                .statusCode(200);
    }

    @Test
    void anEndpointWithoutSecurityAnnotationIsRefusedEvenToAnAdmin() {
        given().get("/test/unannotated").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("admin.aud", Roles.ADMIN))
                .get("/test/unannotated")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void publicEndpointsStayOpen() {
        given().get("/api/v1/languages").then().statusCode(200);
    }
}
