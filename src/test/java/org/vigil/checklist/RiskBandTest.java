package org.vigil.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.vigil.platform.error.ApiException;

class RiskBandTest {

    @Test
    void scoreAtAThresholdBelongsToTheHigherBand() {
        assertThat(RiskBand.of(0, 10, 30, 60)).isEqualTo(RiskBand.LOW);
        assertThat(RiskBand.of(2, 10, 30, 60)).isEqualTo(RiskBand.LOW);
        assertThat(RiskBand.of(3, 10, 30, 60)).isEqualTo(RiskBand.MEDIUM);
        assertThat(RiskBand.of(5, 10, 30, 60)).isEqualTo(RiskBand.MEDIUM);
        assertThat(RiskBand.of(6, 10, 30, 60)).isEqualTo(RiskBand.HIGH);
        assertThat(RiskBand.of(10, 10, 30, 60)).isEqualTo(RiskBand.HIGH);
        assertThat(RiskBand.of(100, 100, 1, 100)).isEqualTo(RiskBand.HIGH);
        assertThat(RiskBand.of(99, 100, 1, 100)).isEqualTo(RiskBand.MEDIUM);
    }

    @Test
    void minScoreIsTheFirstScoreOfItsBandForEveryMaximum() {
        for (int max = 1; max <= 500; max++) {
            for (int medium = 1; medium < 100; medium += 7) {
                int high = Math.min(100, medium + 13);
                int mediumStart = RiskBand.minScore(medium, max);
                int highStart = RiskBand.minScore(high, max);
                for (int score = 0; score <= max; score++) {
                    RiskBand expected =
                            score >= highStart ? RiskBand.HIGH : score >= mediumStart ? RiskBand.MEDIUM : RiskBand.LOW;
                    assertThat(RiskBand.of(score, max, medium, high))
                            .as("%d of %d", score, max)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void bandsAreWrittenInLowerCase() {
        assertThat(RiskBand.HIGH.code()).isEqualTo("high");
    }

    @Test
    void documentedScamTypeCodesAreExactlyTheConstants() {
        String codes = Arrays.stream(ScamType.values()).map(ScamType::code).collect(Collectors.joining(", "));
        assertThat(ScamType.CODES).isEqualTo(codes);
        assertThat(String.join(", ", ScamType.class.getAnnotation(Schema.class).enumeration()))
                .isEqualTo(codes);
    }

    @Test
    void unknownScamTypeParameterIsAProblemNamingIt() {
        assertThat(ScamType.param("scamType", " loan-app ")).isEqualTo(ScamType.LOAN_APP);
        assertThat(ScamType.param("scamType", null)).isNull();
        assertThatThrownBy(() -> ScamType.param("scamType", "LOAN_APP"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("scamType"));
    }
}
