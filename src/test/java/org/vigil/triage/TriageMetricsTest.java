package org.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.triage.PoliceFixtures.phone;
import static org.vigil.triage.PoliceFixtures.region;
import static org.vigil.triage.PoliceFixtures.submit;
import static org.vigil.triage.PoliceFixtures.tipIn;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TriageMetricsTest {

    @Inject
    TriageMetrics metrics;

    @Test
    void openTipsPerStatusAndTheOldestInDangerTipAreExported() {
        metrics.refresh();
        double before = value("vigil_triage_open_tips\\{status=\"NEW\"\\}");
        submit(tipIn(region(), phone(), true));
        tipIn(region());
        metrics.refresh();
        String scrape =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(value("vigil_triage_open_tips\\{status=\"NEW\"\\}")).isGreaterThanOrEqualTo(before + 2);
        assertThat(scrape)
                .contains("vigil_triage_open_tips{status=\"TRIAGED\"}")
                .contains("vigil_triage_oldest_new_in_danger_seconds");
    }

    private static double value(String series) {
        String scrape =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.E+-]+)$").matcher(scrape);
        assertThat(m.find())
                .as(series + " in\n"
                        + scrape.lines().filter(l -> l.contains("triage")).toList())
                .isTrue();
        return Double.parseDouble(m.group(1));
    }
}
