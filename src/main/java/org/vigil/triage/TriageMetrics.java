package org.vigil.triage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.tip.TipStatus;

/**
 * Gauges for alerting: tips waiting in each open status, and the age of the oldest NEW tip where
 * someone is in danger now (0 when there is none). Refreshed by a job, not on every scrape, so a
 * scrape never queries the database.
 */
@Startup
@ApplicationScoped
public class TriageMetrics {

    static final List<TipStatus> OPEN = List.of(TipStatus.NEW, TipStatus.TRIAGED, TipStatus.INVESTIGATING);

    private final EntityManager em;
    private final Map<TipStatus, AtomicLong> open = new EnumMap<>(TipStatus.class);
    private final AtomicLong oldestInDangerSeconds = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final TipRetentionSchedule retention;

    TriageMetrics(MeterRegistry registry, EntityManager em, TriageConfig config) {
        this.em = em;
        this.retention = config.retention();
        Gauge.builder("vigil.triage.stale.tips", stale, AtomicLong::get)
                .description("Open tips without any activity for vigil.triage.retention.stale-days; their content is"
                        + " deleted after untouched-days")
                .register(registry);
        for (TipStatus status : OPEN) {
            AtomicLong value = new AtomicLong();
            open.put(status, value);
            Gauge.builder("vigil.triage.open.tips", value, AtomicLong::get)
                    .description("Tips waiting in this status")
                    .tag("status", status.name())
                    .register(registry);
        }
        Gauge.builder("vigil.triage.oldest.new.in.danger.seconds", oldestInDangerSeconds, AtomicLong::get)
                .description("Age of the oldest untriaged tip where someone is in danger now; 0 if none")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(every = "${vigil.triage.metrics-every:30s}", identity = "triage-metrics")
    @Transactional
    void refresh() {
        Map<TipStatus, Long> counts = new EnumMap<>(TipStatus.class);
        em.createQuery("select t.status, count(t) from Tip t where t.status in :open group by t.status", Object[].class)
                .setParameter("open", OPEN)
                .getResultList()
                .forEach(r -> counts.put((TipStatus) r[0], (Long) r[1]));
        OPEN.forEach(s -> open.get(s).set(counts.getOrDefault(s, 0L)));
        Instant oldest = em.createQuery(
                        "select min(t.createdAt) from Tip t where t.status = :new and t.inDangerNow = true",
                        Instant.class)
                .setParameter("new", TipStatus.NEW)
                .getSingleResult();
        oldestInDangerSeconds.set(
                oldest == null
                        ? 0
                        : Math.max(0, Duration.between(oldest, Instant.now()).toSeconds()));
        stale.set(((Number)
                        em.createNativeQuery("SELECT COUNT(*) FROM tip t LEFT JOIN tip_triage tt ON tt.tip_id = t.id"
                                        + " WHERE t.status IN ?1 AND tt.content_purged_at IS NULL AND "
                                        + TipRetention.LAST_ACTIVITY + " < ?2")
                                .setParameter(1, OPEN.stream().map(Enum::name).toList())
                                .setParameter(2, Instant.now().minus(Duration.ofDays(retention.staleDays())))
                                .getSingleResult())
                .longValue());
    }
}
