package org.vigil.triage;

import io.smallrye.config.WithDefault;
import org.vigil.platform.config.RetentionSchedule;

/**
 * How long a tip's content is kept, by status ({@code vigil.triage.retention.*}); nothing is kept for
 * ever unless a supervisor puts the tip on legal hold. {@link #days()} is for CLOSED and REJECTED tips.
 */
public interface TipRetentionSchedule extends RetentionSchedule {

    /** Days after referral to the case system before a REFERRED tip's content is deleted here. */
    @WithDefault("365")
    int referredDays();

    /**
     * Days without any activity (status change, message, reply, or an officer's action in the audit
     * log) after which an open tip (NEW, TRIAGED, INVESTIGATING) counts in the alerting gauge
     * {@code vigil_triage_stale_tips}.
     */
    @WithDefault("30")
    int staleDays();

    /** Days without any activity after which an open tip's content is deleted, long after the gauge showed it. */
    @WithDefault("730")
    int untouchedDays();
}
