package org.vigil.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.vigil.platform.config.VigilConfig;

/**
 * This replica's memory of public content (answers of public reads, published checklists), so that
 * the many reads of a published thing cost no database query.
 *
 * <p>Correctness: every entry belongs to a topic (articles, checklists, events) and remembers the
 * topic's generation when its loading began. A change of the topic, reported with {@link #changed}
 * by the service that writes it, raises the generation once its transaction has committed; from
 * then on older entries are never served. A reader that loaded before the commit stored its entry
 * under the old generation, so no stale entry survives a change made on this replica. Changes made
 * on other replicas are seen when entries expire: after {@code vigil.http.read-cache-ttl}, the same
 * bound as the {@code max-age} that shared caches may already serve. Content that changes by itself
 * at a stored moment ({@link TimedContent}: a scheduled article) is not served from that moment on:
 * the moment is read before loading, on every replica, so none depends on a job having run.
 */
@ApplicationScoped
public class ReadCache {

    /** Per-entry bookkeeping added to the weight of its value. */
    static final int ENTRY_OVERHEAD = 128;

    /** Joins the topics of a {@link #topics composite topic}. */
    private static final String COMPOSITE = "+";

    private record Key(String topic, List<Object> parts) {}

    private record Stored(long generation, Instant until, Object value, int weight) {}

    /**
     * What a loader reads before loading: the topic's generation, and the moment its content next
     * changes by itself ({@code until}, null when none is known).
     */
    public record Stamp(long generation, Instant until) {

        boolean expired(Instant now) {
            return until != null && !now.isBefore(until);
        }
    }

    private final Cache<Key, Stored> entries;
    private final boolean enabled;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final TransactionSynchronizationRegistry transactions;
    private final Instance<TimedContent> timed;

    ReadCache(VigilConfig config, TransactionSynchronizationRegistry transactions, Instance<TimedContent> timed) {
        this.transactions = transactions;
        this.timed = timed;
        VigilConfig.Http http = config.http();
        this.enabled = !http.readCacheTtl().isZero() && http.readCacheSize().asLongValue() > 0;
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(http.readCacheTtl())
                .maximumWeight(http.readCacheSize().asLongValue())
                .weigher((Key key, Stored stored) -> stored.weight())
                .build();
    }

    /**
     * A topic of answers that show several topics' content (the home page): its generation moves
     * whenever one of theirs does. Use it to store and find, never to report a change.
     */
    public static String topics(String... topics) {
        return String.join(COMPOSITE, topics);
    }

    /** Read it before loading what {@link #put} will store: the generation and the next timed change. */
    public Stamp stamp(String topic) {
        long generation = generation(topic);
        if (!enabled) {
            return new Stamp(generation, null);
        }
        Instant now = Instant.now();
        Instant until = null;
        List<String> parts = List.of(topic.split(Pattern.quote(COMPOSITE)));
        for (TimedContent content : timed) {
            if (parts.contains(content.topic())) {
                Instant next = content.nextChangeAfter(now).orElse(null);
                if (next != null && (until == null || next.isBefore(until))) {
                    until = next;
                }
            }
        }
        return new Stamp(generation, until);
    }

    private long generation(String topic) {
        if (!topic.contains(COMPOSITE)) {
            return counter(topic).get();
        }
        // a sum of counters that only rise: it changes whenever one of them does, and never returns
        long sum = 0;
        for (String part : topic.split(Pattern.quote(COMPOSITE))) {
            sum += counter(part).get();
        }
        return sum;
    }

    /** A value stored under {@code topic} and {@code parts}, if no change of the topic came after it. */
    public <T> Optional<T> find(String topic, Class<T> type, Object... parts) {
        if (!enabled) {
            return Optional.empty();
        }
        Stored stored = entries.getIfPresent(new Key(topic, Arrays.asList(parts)));
        if (stored == null
                || stored.generation() != generation(topic)
                || (stored.until() != null && !Instant.now().isBefore(stored.until()))) {
            return Optional.empty();
        }
        return Optional.of(type.cast(stored.value()));
    }

    /**
     * Stores {@code value}, loaded after {@code stamp} was read; a value loaded before the latest
     * change of its topic, or past its timed change, is not stored. {@code weight}: about its size in bytes.
     */
    public void put(String topic, Stamp stamp, Object value, int weight, Object... parts) {
        if (enabled && stamp.generation() == generation(topic) && !stamp.expired(Instant.now())) {
            Key key = new Key(topic, Arrays.asList(parts));
            // the key counts too: request parameters are in it, and a flood of distinct long ones
            // must not fill the memory with keys of small answers
            int keyWeight = 2 * key.toString().length();
            entries.put(key, new Stored(stamp.generation(), stamp.until(), value, weight + keyWeight + ENTRY_OVERHEAD));
        }
    }

    /** The cached value, or one from {@code loader}, stored for the next reader. */
    public <T> T get(String topic, Class<T> type, ToIntFunction<T> weigher, Supplier<T> loader, Object... parts) {
        Optional<T> cached = find(topic, type, parts);
        if (cached.isPresent()) {
            return cached.get();
        }
        Stamp stamp = stamp(topic);
        T value = loader.get();
        put(topic, stamp, value, weigher.applyAsInt(value), parts);
        return value;
    }

    /**
     * Reports a change of {@code topic}: its cached values stop being served when the current
     * transaction commits (at once when there is none). Call it from every write of the topic.
     */
    public void changed(String topic) {
        AtomicLong counter = counter(topic);
        if (transactions.getTransactionKey() != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    // after a rollback too: harmless, and it keeps this free of status subtleties
                    counter.incrementAndGet();
                }
            });
        } else {
            counter.incrementAndGet();
        }
    }

    private AtomicLong counter(String topic) {
        return generations.computeIfAbsent(topic, t -> new AtomicLong());
    }
}
