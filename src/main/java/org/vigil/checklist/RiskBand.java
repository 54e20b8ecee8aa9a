package org.vigil.checklist;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How risky a situation looks after a self-assessment. A band starts at a percentage of the
 * checklist's maximum score; a score exactly at a threshold belongs to the higher band.
 */
@Schema(
        name = "RiskBand",
        type = SchemaType.STRING,
        enumeration = {"low", "medium", "high"})
public enum RiskBand {
    LOW,
    MEDIUM,
    HIGH;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The band of {@code score} out of {@code maxScore}, compared in integers so that no rounding moves a boundary. */
    public static RiskBand of(int score, int maxScore, int mediumMinPercent, int highMinPercent) {
        long scaled = 100L * score;
        if (scaled >= (long) highMinPercent * maxScore) {
            return HIGH;
        }
        if (scaled >= (long) mediumMinPercent * maxScore) {
            return MEDIUM;
        }
        return LOW;
    }

    /** The lowest score that reaches {@code minPercent} of {@code maxScore}: the same boundary as {@link #of}. */
    public static int minScore(int minPercent, int maxScore) {
        return (minPercent * maxScore + 99) / 100;
    }
}
