package org.vigil.tip;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "vigil.tip")
public interface TipConfig {

    /** How long a retried submission with the same Idempotency-Key gets the same answer. */
    @WithDefault("24h")
    Duration idempotencyTtl();

    /** How long a tipster's filing proof stays valid: long enough for a bank to act on a freeze request. */
    @WithDefault("P90D")
    Duration filingProofValidity();

    Attachments attachments();

    /**
     * The regions (ISO 3166-2 codes) the web tip form offers, so that a tip reaches that region's
     * police (an officer sees their region's tips and those without one); names in the words,
     * {@code region.<code>}.
     */
    @WithDefault("VN-31,VN-56")
    List<String> formRegions();

    Limits limits();

    interface Attachments {
        /** Files per tip, over all uploads. */
        @WithDefault("5")
        int maxCount();

        /** Size of one file as sent. quarkus.http.limits.max-body-size must allow maxCount of them. */
        @WithDefault("10M")
        MemorySize maxSize();

        /**
         * Bytes of files (as sent) that requests may be reading, cleaning and storing at once; each byte
         * costs about four in the heap (read, cleaned, encrypted, sent to the database). Beyond it a
         * request waits {@link #memoryWait}, then gets a 503 with Retry-After. The default fits the
         * k8s heap (768Mi pod, MaxRAMPercentage=55) and still takes one request of 5 maximal files.
         */
        @WithDefault("64M")
        MemorySize memoryBudget();

        @WithDefault("2s")
        Duration memoryWait();
    }

    /** In-memory rate limits: N per period. Nothing about a client is persisted or logged. */
    interface Limits {
        /**
         * Submissions (and attachment uploads) from one network address, seen by this process only.
         * Forwarded headers are never trusted, so behind a reverse proxy every request comes from the
         * proxy's address: there, raise this to the global cap and limit per client at the proxy.
         * Generous because mobile carriers put many phones behind one address (carrier-grade NAT),
         * and a refused tip may be a life.
         */
        @WithDefault("60")
        int submissionsPerSource();

        @WithDefault("1h")
        Duration submissionsPerSourcePeriod();

        /** All submissions together: a cap against floods from many addresses. */
        @WithDefault("300")
        int submissionsGlobal();

        @WithDefault("1m")
        Duration submissionsGlobalPeriod();

        /**
         * Wrong receipts from one network address (any reference) before its follow-ups answer 429:
         * whoever guesses is stopped here first, before they can lock a reference. Behind a reverse
         * proxy, raise it like {@link #submissionsPerSource()} and limit per client at the proxy.
         */
        @WithDefault("5")
        int receiptFailuresPerSource();

        @WithDefault("15m")
        Duration receiptFailuresPerSourcePeriod();

        /**
         * Wrong receipts for one reference (however it is typed), from anywhere, before its follow-ups
         * answer 429: a backstop against guessing from many addresses, higher than the per-source limit
         * so that one source alone cannot lock a tipster out; it refills over the period.
         */
        @WithDefault("20")
        int receiptFailuresPerReference();

        @WithDefault("15m")
        Duration receiptFailuresPeriod();

        /** All follow-up requests together. */
        @WithDefault("600")
        int receiptChecksGlobal();

        @WithDefault("1m")
        Duration receiptChecksGlobalPeriod();

        /** Keys each limiter remembers at most, bounding its memory. */
        @WithDefault("100000")
        int maxTrackedKeys();
    }
}
