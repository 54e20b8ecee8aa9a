package org.vigil.forwarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.vigil.tip.TipCategory;
import org.vigil.tip.TipReceived;

/**
 * The transactional outbox: events are written in the transaction that stores the tip (or, for
 * another sink, the change it tells of), and claimed by relays with {@code FOR UPDATE SKIP LOCKED},
 * so replicas never take the same row. Each sink has its own relay: this feature's delivers to the
 * case system; partners' webhooks are delivered by the partner feature's.
 */
@ApplicationScoped
public class Outbox {

    static final String TIP_RECEIVED = "tip.received";
    /** The sink of tip events: the police case system's RabbitMQ queue (OutboxRelay). */
    public static final String CASE_SYSTEM = "case-system";

    /** What the case system receives: where to look the tip up, never what the tipster wrote. */
    public record TipEvent(
            String eventId,
            String type,
            String reference,
            TipCategory category,
            boolean inDangerNow,
            String regionCode,
            Instant receivedAt) {}

    public record Stats(long pending, long parked, Instant oldestPending) {
        /** How long the oldest waiting event has waited, 0 if none. */
        public long oldestPendingSeconds() {
            return oldestPending == null
                    ? 0
                    : Math.max(0, Duration.between(oldestPending, Instant.now()).toSeconds());
        }
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final ForwardingConfig config;

    Outbox(EntityManager em, ObjectMapper json, ForwardingConfig config) {
        this.em = em;
        this.json = json;
        this.config = config;
    }

    /** Runs inside the tip's transaction (a synchronous observer): no tip without its event, and no event without its tip. */
    void record(@Observes TipReceived tip) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID().toString();
        event.type = TIP_RECEIVED;
        event.payload = toJson(new TipEvent(
                event.eventId,
                event.type,
                tip.reference(),
                tip.category(),
                tip.inDangerNow(),
                tip.regionCode(),
                tip.receivedAt()));
        event.urgent = tip.inDangerNow();
        event.sink = CASE_SYSTEM;
        event.state = OutboxEvent.State.PENDING;
        event.createdAt = tip.receivedAt();
        event.nextAttemptAt = tip.receivedAt();
        event.persist();
    }

    /**
     * Writes an event for {@code sink}'s relay in the caller's transaction, due at once; {@code payload}
     * is given the new event id, which stays the same through every retry, and its answer is stored as
     * JSON. Answers the event id.
     */
    @Transactional(TxType.MANDATORY)
    public String enqueue(
            String sink, String destination, String type, boolean urgent, Function<String, Object> payload) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID().toString();
        event.type = type;
        event.payload = toJson(payload.apply(event.eventId));
        event.urgent = urgent;
        event.sink = sink;
        event.destination = destination;
        event.state = OutboxEvent.State.PENDING;
        // seconds, like a claim's lease: the event tells no finer time than its sink needs
        event.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        event.nextAttemptAt = event.createdAt;
        event.persist();
        return event.eventId;
    }

    /** Claims due case-system events (see {@link #claimDue(String, int, Duration)}). */
    List<OutboxEvent> claimDue(int limit, Duration lease) {
        return claimDue(CASE_SYSTEM, limit, lease);
    }

    /**
     * Claims up to {@code limit} due events of {@code sink}, in danger now first, then oldest first, by
     * moving them {@code lease} into the future: other relays skip the locked rows now and the leased
     * ones later. A relay must finish with a claimed event before its lease ends.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<OutboxEvent> claimDue(String sink, int limit, Duration lease) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(
                        "SELECT id FROM outbox_event WHERE sink = ?3 AND state = 'PENDING' AND next_attempt_at <= ?1"
                                + " ORDER BY urgent DESC, id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, sink)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        em.createQuery("update OutboxEvent e set e.nextAttemptAt = :until where e.id in :ids")
                .setParameter("until", now.plus(lease).truncatedTo(ChronoUnit.SECONDS))
                .setParameter("ids", claimed)
                .executeUpdate();
        return em.createQuery("from OutboxEvent e where e.id in :ids order by e.urgent desc, e.id", OutboxEvent.class)
                .setParameter("ids", claimed)
                .getResultList();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void delivered(List<OutboxEvent> batch) {
        em.createQuery("update OutboxEvent e set e.state = :delivered, e.lastError = null where e.id in :ids")
                .setParameter("delivered", OutboxEvent.State.DELIVERED)
                .setParameter("ids", ids(batch))
                .executeUpdate();
    }

    /** Counts a failed attempt: due again after an exponential backoff, or parked after the last one. */
    @Transactional(TxType.REQUIRES_NEW)
    public int failed(List<OutboxEvent> batch, String error) {
        int parked = 0;
        Instant now = Instant.now();
        for (OutboxEvent event : OutboxEvent.<OutboxEvent>list("id in ?1", ids(batch))) {
            event.attempts++;
            event.lastError = error.length() > 300 ? error.substring(0, 300) : error;
            if (event.attempts >= config.maxAttempts()) {
                event.state = OutboxEvent.State.PARKED;
                parked++;
            } else {
                event.nextAttemptAt = now.plus(backoff(event.attempts)).truncatedTo(ChronoUnit.SECONDS);
            }
        }
        return parked;
    }

    /** Claimed events a relay did not get to before its deadline: due again now, no attempt counted. */
    @Transactional(TxType.REQUIRES_NEW)
    public void release(List<OutboxEvent> claimed) {
        em.createQuery("update OutboxEvent e set e.nextAttemptAt = :now where e.id in :ids and e.state = :pending")
                .setParameter("now", Instant.now())
                .setParameter("pending", OutboxEvent.State.PENDING)
                .setParameter("ids", ids(claimed))
                .executeUpdate();
    }

    Duration backoff(int attempts) {
        Duration delay = config.backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    /** Parked events become due again with a fresh count of attempts. */
    @Transactional
    public int requeueParked() {
        return em.createQuery("update OutboxEvent e set e.state = :pending, e.attempts = 0, e.nextAttemptAt = :now"
                        + " where e.state = :parked")
                .setParameter("pending", OutboxEvent.State.PENDING)
                .setParameter("parked", OutboxEvent.State.PARKED)
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    @Transactional
    public Stats stats() {
        long pending = 0;
        long parked = 0;
        Instant oldest = null;
        for (Object[] row : em.createQuery(
                        "select e.state, count(e), min(e.createdAt) from OutboxEvent e"
                                + " where e.state <> :delivered group by e.state",
                        Object[].class)
                .setParameter("delivered", OutboxEvent.State.DELIVERED)
                .getResultList()) {
            if (row[0] == OutboxEvent.State.PENDING) {
                pending = (Long) row[1];
                oldest = (Instant) row[2];
            } else {
                parked = (Long) row[1];
            }
        }
        return new Stats(pending, parked, oldest);
    }

    /** The case system has delivered events; they go after {@code keep-delivered}, a bounded number per run. */
    @Scheduled(every = "1h", delayed = "5m", identity = "forwarding-outbox-purge")
    @Transactional
    void purgeDelivered() {
        em.createNativeQuery("DELETE FROM outbox_event WHERE state = 'DELIVERED' AND created_at < ?1 LIMIT 1000")
                .setParameter(1, Instant.now().minus(config.keepDelivered()))
                .executeUpdate();
    }

    private static List<Long> ids(List<OutboxEvent> batch) {
        return batch.stream().map(e -> e.id).toList();
    }

    private String toJson(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An outbox event could not be written as JSON", e);
        }
    }
}
