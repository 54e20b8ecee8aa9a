package org.vigil.platform.config;

import io.smallrye.config.WithDefault;

/** A retention job's settings: what it deletes, and after how long, is the job's own. */
public interface RetentionSchedule {

    /** Days after the record was closed or decided before its content is deleted. */
    @WithDefault("365")
    int days();

    /** Records purged per run of the job, so one run never holds locks for long. */
    @WithDefault("200")
    int batchSize();

    /** How often the job runs (read by its @Scheduled expression). */
    @WithDefault("1h")
    String every();

    /** How long after startup the job first runs (read by its @Scheduled expression). */
    @WithDefault("5m")
    String delay();
}
