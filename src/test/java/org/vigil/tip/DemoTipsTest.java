package org.vigil.tip;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dev-mode demo tips are loaded only in dev mode; here they must pass the public API as they are. */
@QuarkusTest
class DemoTipsTest {

    @Inject
    ObjectMapper json;

    @Test
    void demoTipsAreValidTipsAndGiveTheQueueSomethingToTriage() {
        List<TipRequests.Tip> demo = DemoTips.read(json);
        assertThat(demo).anyMatch(t -> Boolean.TRUE.equals(t.inDangerNow()));
        List<String> named = demo.stream()
                .filter(t -> t.identifiers() != null)
                .flatMap(t -> t.identifiers().stream())
                .map(TipRequests.Tip.Identifier::value)
                .toList();
        assertThat(named)
                .as("two tips name the same number, so they show as related")
                .hasSizeGreaterThan((int) named.stream().distinct().count());
        for (TipRequests.Tip tip : demo) {
            given().contentType(ContentType.JSON)
                    .body(tip)
                    .post("/api/v1/tips")
                    .then()
                    .statusCode(201);
        }
    }
}
