package org.vigil.triage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the police triage (prefix {@code vigil.triage}). */
@ConfigMapping(prefix = "vigil.triage")
public interface TriageConfig {

    /** JWT claim naming the officer's unit: a region code such as VN-31, compared with a tip's region. */
    @WithDefault("region")
    String regionClaim();

    Retention retention();

    interface Retention {
        /** Days after closing or rejection before a tip's content is deleted (legal hold aside). */
        @WithDefault("365")
        int days();

        /** Tips purged per run of the job, so one run never holds locks for long. */
        @WithDefault("200")
        int batchSize();

        /** How often the retention job runs (read by its @Scheduled expression). */
        @WithDefault("1h")
        String every();

        /** How long after startup the job first runs (read by its @Scheduled expression). */
        @WithDefault("5m")
        String delay();
    }

    /** How often the alerting gauges are refreshed (read by TriageMetrics' @Scheduled expression). */
    @WithDefault("30s")
    String metricsEvery();

    /** At most this many related tips are listed with a tip's details. */
    @WithDefault("50")
    int relatedLimit();
}
