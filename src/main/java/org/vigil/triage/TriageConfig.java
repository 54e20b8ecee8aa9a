package org.vigil.triage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the police triage (prefix {@code vigil.triage}). */
@ConfigMapping(prefix = "vigil.triage")
public interface TriageConfig {

    /** JWT claim naming the officer's unit: a region code such as VN-31, compared with a tip's region. */
    @WithDefault("region")
    String regionClaim();

    /** How long a tip's content is kept in each status (legal hold aside): TipRetention. */
    TipRetentionSchedule retention();

    /** How often the alerting gauges are refreshed (read by TriageMetrics' @Scheduled expression). */
    @WithDefault("30s")
    String metricsEvery();

    /** At most this many related tips are listed with a tip's details. */
    @WithDefault("50")
    int relatedLimit();
}
