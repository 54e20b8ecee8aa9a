package org.vigil.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void refusesWhenTheBucketIsEmptyAndSaysHowLongToWait() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(3), 100, now::get);
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).contains(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire("b")).as("keys are independent").isEmpty();

        now.addAndGet(Duration.ofSeconds(40).toNanos());
        assertThat(limiter.check("a")).contains(Duration.ofSeconds(20));
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(limiter.check("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isPresent();
    }

    @Test
    void checkDoesNotTakeATokenAndUnknownKeysAreAllowed() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), 100, now::get);
        assertThat(limiter.check("a")).isEmpty();
        assertThat(limiter.check("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.check("a")).isPresent();
    }

    @Test
    void memoryIsBoundedIdleBucketsAreDroppedFirst() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), 2, now::get);
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("b")).isEmpty();
        assertThat(limiter.tryAcquire("c")).as("table full of active buckets").isPresent();
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(limiter.tryAcquire("c")).as("idle buckets were dropped").isEmpty();
    }

    @Test
    void resetForgetsEverything() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofHours(1), 10, now::get);
        limiter.tryAcquire("a");
        assertThat(limiter.tryAcquire("a")).isPresent();
        limiter.reset();
        assertThat(limiter.tryAcquire("a")).isEmpty();
    }

    @Test
    void sourceKeysDoNotContainTheAddress() {
        SourceKeys keys = new SourceKeys();
        assertThat(keys.of("198.51.100.7"))
                .isEqualTo(keys.of("198.51.100.7"))
                .isNotEqualTo(keys.of("198.51.100.8"))
                .doesNotContain("198")
                .hasSize(22);
        assertThat(new SourceKeys().of("198.51.100.7")).as("per-process key").isNotEqualTo(keys.of("198.51.100.7"));
    }
}
