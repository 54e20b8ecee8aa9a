package org.vigil.platform.ratelimit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key, held in memory only: nothing about who is limited is ever persisted or
 * logged, and a restart forgets everything. Each key gets {@code capacity} tokens that refill
 * evenly over {@code period}. At most {@code maxKeys} buckets are kept; idle (full) ones are dropped
 * first, and while the table is full of active buckets a new key is refused, which keeps memory
 * bounded when someone floods it with fresh keys.
 */
public final class RateLimiter {

    private final long capacity;
    private final long nanosPerToken;
    private final int maxKeys;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration period, int maxKeys) {
        this(capacity, period, maxKeys, System::nanoTime);
    }

    RateLimiter(int capacity, Duration period, int maxKeys, LongSupplier clock) {
        if (capacity < 1 || period.isNegative() || period.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("capacity, period and maxKeys must be positive");
        }
        this.capacity = capacity;
        this.nanosPerToken = Math.max(1, period.toNanos() / capacity);
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Takes a token for {@code key}: empty when allowed, otherwise how long until one is available. */
    public Optional<Duration> tryAcquire(String key) {
        long now = clock.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                dropIdle(now);
                if (buckets.size() >= maxKeys) {
                    return Optional.of(Duration.ofNanos(nanosPerToken));
                }
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        }
        return bucket.take(now, capacity, nanosPerToken);
    }

    /** Whether {@code key} has a token now, without taking it: empty when it has, otherwise the wait. */
    public Optional<Duration> check(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? Optional.empty() : bucket.peek(clock.getAsLong(), capacity, nanosPerToken);
    }

    /** Forgets every bucket (all keys start full again). */
    public void reset() {
        buckets.clear();
    }

    private void dropIdle(long now) {
        buckets.values().removeIf(b -> b.isFull(now, capacity, nanosPerToken));
    }

    private static final class Bucket {
        private long tokens;
        private long refilledAt;

        Bucket(long tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Optional<Duration> take(long now, long capacity, long nanosPerToken) {
            refill(now, capacity, nanosPerToken);
            if (tokens > 0) {
                tokens--;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(nanosPerToken - (now - refilledAt)));
        }

        synchronized Optional<Duration> peek(long now, long capacity, long nanosPerToken) {
            refill(now, capacity, nanosPerToken);
            return tokens > 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanosPerToken - (now - refilledAt)));
        }

        synchronized boolean isFull(long now, long capacity, long nanosPerToken) {
            refill(now, capacity, nanosPerToken);
            return tokens >= capacity;
        }

        private void refill(long now, long capacity, long nanosPerToken) {
            long earned = (now - refilledAt) / nanosPerToken;
            if (earned > 0) {
                tokens = Math.min(capacity, tokens + earned);
                refilledAt = tokens >= capacity ? now : refilledAt + earned * nanosPerToken;
            }
        }
    }
}
