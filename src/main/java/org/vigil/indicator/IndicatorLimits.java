package org.vigil.indicator;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.ratelimit.RateLimiter;
import org.vigil.platform.ratelimit.SourceLimit;

/**
 * Abuse limits of the public indicator endpoints, in memory only, keyed like tip submissions by an
 * ephemeral hash of the peer address ({@link org.vigil.platform.ratelimit.SourceKeys}), never the
 * address. A {@code @Singleton}, so tests can reach the limiters directly.
 */
@Singleton
public class IndicatorLimits {

    /** Names for {@code @RateLimited}: the public check and disputes. */
    public static final String CHECK = "indicator-check";

    public static final String DISPUTE = "indicator-dispute";

    private static final String GLOBAL = "*";

    final RateLimiter checksPerSource;
    final RateLimiter checksGlobal;
    final RateLimiter disputesPerSource;
    final RateLimiter disputesGlobal;

    IndicatorLimits(IndicatorConfig config) {
        IndicatorConfig.Limits l = config.limits();
        checksPerSource = new RateLimiter(l.checksPerSource(), l.checksPerSourcePeriod(), l.maxTrackedKeys());
        checksGlobal = new RateLimiter(l.checksGlobal(), l.checksGlobalPeriod(), 1);
        disputesPerSource = new RateLimiter(l.disputesPerSource(), l.disputesPerSourcePeriod(), l.maxTrackedKeys());
        disputesGlobal = new RateLimiter(l.disputesGlobal(), l.disputesGlobalPeriod(), 1);
    }

    @Produces
    @Identifier(CHECK)
    SourceLimit checkLimit() {
        return this::check;
    }

    @Produces
    @Identifier(DISPUTE)
    SourceLimit disputeLimit() {
        return this::dispute;
    }

    void check(String sourceKey) {
        checksGlobal.tryAcquire(GLOBAL).ifPresent(wait -> {
            throw ApiException.tooManyRequests("Too many checks right now; please try again shortly", wait);
        });
        checksPerSource.tryAcquire(sourceKey).ifPresent(wait -> {
            throw ApiException.tooManyRequests("Too many checks from this network; please try again later", wait);
        });
    }

    void dispute(String sourceKey) {
        disputesGlobal.tryAcquire(GLOBAL).ifPresent(wait -> {
            throw ApiException.tooManyRequests(
                    "Too many disputes are arriving right now; please try again shortly", wait);
        });
        disputesPerSource.tryAcquire(sourceKey).ifPresent(wait -> {
            throw ApiException.tooManyRequests("Too many disputes from this network; please try again later", wait);
        });
    }
}
