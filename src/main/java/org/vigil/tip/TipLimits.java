package org.vigil.tip;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.ratelimit.RateLimiter;
import org.vigil.platform.ratelimit.SourceLimit;

/**
 * Abuse limits of the tip endpoints, in memory only. Receipt failures are counted per source (an
 * ephemeral hash of the address, never the address) and per canonical reference, and for unknown
 * references exactly as for known ones, so a 429 tells nothing about whether a reference exists.
 * A {@code @Singleton}, so tests can reach the limiters directly.
 */
@Singleton
public class TipLimits {

    /** The limit of endpoints that take a tip or files: {@code @RateLimited(TipLimits.SUBMISSION)}. */
    public static final String SUBMISSION = "tip-submission";

    private static final String GLOBAL = "*";

    final RateLimiter submissionsPerSource;
    final RateLimiter submissionsGlobal;
    final RateLimiter receiptFailures;
    final RateLimiter receiptFailuresPerSource;
    final RateLimiter receiptChecksGlobal;

    TipLimits(TipConfig config) {
        TipConfig.Limits l = config.limits();
        submissionsPerSource =
                new RateLimiter(l.submissionsPerSource(), l.submissionsPerSourcePeriod(), l.maxTrackedKeys());
        submissionsGlobal = new RateLimiter(l.submissionsGlobal(), l.submissionsGlobalPeriod(), 1);
        receiptFailures =
                new RateLimiter(l.receiptFailuresPerReference(), l.receiptFailuresPeriod(), l.maxTrackedKeys());
        receiptFailuresPerSource =
                new RateLimiter(l.receiptFailuresPerSource(), l.receiptFailuresPerSourcePeriod(), l.maxTrackedKeys());
        receiptChecksGlobal = new RateLimiter(l.receiptChecksGlobal(), l.receiptChecksGlobalPeriod(), 1);
    }

    @Produces
    @Identifier(SUBMISSION)
    SourceLimit submissionLimit() {
        return this::submission;
    }

    /** A submission or upload from {@code sourceKey} (an ephemeral hash, never an address). */
    void submission(String sourceKey) {
        submissionsGlobal.tryAcquire(GLOBAL).ifPresent(wait -> {
            throw tooMany("Too many tips are arriving right now; please try again shortly", wait);
        });
        submissionsPerSource.tryAcquire(sourceKey).ifPresent(wait -> {
            throw tooMany("Too many tips were sent from this network; please try again later", wait);
        });
    }

    /**
     * Before a receipt is checked: refused while {@code sourceKey} or {@code reference} (canonical)
     * has had too many wrong receipts. The source is checked first, so a guesser who is stopped
     * there no longer uses up the reference's failures.
     */
    void receiptCheck(String reference, String sourceKey) {
        receiptChecksGlobal.tryAcquire(GLOBAL).ifPresent(wait -> {
            throw tooMany("Too many requests right now; please try again shortly", wait);
        });
        receiptFailuresPerSource.check(sourceKey).ifPresent(wait -> {
            throw tooMany("Too many wrong receipt codes were sent from this network; wait before trying again", wait);
        });
        receiptFailures.check(reference).ifPresent(wait -> {
            throw tooMany("Too many wrong receipt codes for this reference; wait before trying again", wait);
        });
    }

    void receiptFailed(String reference, String sourceKey) {
        receiptFailuresPerSource.tryAcquire(sourceKey);
        receiptFailures.tryAcquire(reference);
    }

    private static ApiException tooMany(String detail, Duration wait) {
        return ApiException.tooManyRequests(detail, wait);
    }
}
