package org.vigil.indicator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.vigil.platform.config.RetentionSchedule;

/** Settings of scam indicators, their public check, disputes and statistics (prefix {@code vigil.indicator}). */
@ConfigMapping(prefix = "vigil.indicator")
public interface IndicatorConfig {

    /** The furthest expiry date a supervisor may give: a listing is verified again at least this often. */
    @WithDefault("730")
    int maxValidityDays();

    /** How often published indicators past their expiry are marked EXPIRED (read by the job's @Scheduled). */
    @WithDefault("1m")
    String expiryEvery();

    /**
     * How often the in-memory set of listed hashes (ListedHashes) is compared with the database: a
     * publication on another replica reaches this one's check within this time.
     */
    @WithDefault("5s")
    String listedRefresh();

    /** Checklists of each scam type shown with a match (what to do). */
    @WithDefault("2")
    int relatedChecklists();

    Limits limits();

    Urgent urgent();

    Stats stats();

    /** Days after its decision before a dispute's statement and contact are deleted: DisputeRetention. */
    RetentionSchedule disputeRetention();

    /** In-memory rate limits: N per period, like the tip limits. Nothing about a client is persisted or logged. */
    interface Limits {
        /**
         * Checks from one network address, seen by this process only (forwarded headers are never
         * trusted: behind a reverse proxy raise this to the global cap and limit per client at the proxy).
         */
        @WithDefault("600")
        int checksPerSource();

        @WithDefault("1h")
        Duration checksPerSourcePeriod();

        /** All checks together: a cap against floods from many addresses. */
        @WithDefault("6000")
        int checksGlobal();

        @WithDefault("1m")
        Duration checksGlobalPeriod();

        /** Disputes from one network address. */
        @WithDefault("10")
        int disputesPerSource();

        @WithDefault("1h")
        Duration disputesPerSourcePeriod();

        @WithDefault("60")
        int disputesGlobal();

        @WithDefault("1m")
        Duration disputesGlobalPeriod();

        /** Keys each limiter remembers at most, bounding its memory. */
        @WithDefault("100000")
        int maxTrackedKeys();
    }

    /** Urgent publications of a tip-in-danger's identifier (IndicatorService.publishUrgent). */
    interface Urgent {
        /**
         * How long an urgent publication stays listed without a second supervisor's confirmation:
         * unconfirmed by then, it lapses (leaves the check and the feed; the expiry job records it).
         */
        @WithDefault("2h")
        Duration confirmWithin();
    }

    interface Stats {
        /** Months shown, the current one included. */
        @WithDefault("12")
        int months();

        /** How long computed statistics are reused before they are counted again. */
        @WithDefault("5m")
        Duration refresh();
    }
}
