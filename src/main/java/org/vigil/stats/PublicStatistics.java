package org.vigil.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.indicator.Indicator;
import org.vigil.indicator.IndicatorConfig;
import org.vigil.indicator.IndicatorType;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.web.PublicCaching;
import org.vigil.tip.TipCategory;

/**
 * Counts for the public, recomputed at most every {@code vigil.indicator.stats.refresh} (three
 * grouped queries), so that a busy statistics page does not count the tip table on every read.
 * Months are those of the service's zone; each month's bounds are computed here, so the database
 * needs no time-zone tables. Only finished months are counted: a count of the current month, moving
 * as tips arrive, would tell whoever watches it that a tip of a rare category was just sent.
 */
@ApplicationScoped
public class PublicStatistics {

    private final EntityManager em;
    private final ActionFigures actions;
    private final IndicatorConfig config;
    private final ZoneId zone;
    private volatile Snapshot snapshot;

    /** Computed statistics with the ETag of their content (equal on every replica for equal counts). */
    public record Snapshot(StatsViews.Statistics statistics, EntityTag etag, long computedAt) {}

    PublicStatistics(EntityManager em, IndicatorConfig config, VigilConfig vigil, ActionFigures actions) {
        this.em = em;
        this.actions = actions;
        this.config = config;
        this.zone = ZoneId.of(vigil.defaultZone());
    }

    public Snapshot current() {
        Snapshot seen = snapshot;
        if (seen != null
                && System.nanoTime() - seen.computedAt()
                        < config.stats().refresh().toNanos()) {
            return seen;
        }
        synchronized (this) {
            seen = snapshot;
            if (seen == null
                    || System.nanoTime() - seen.computedAt()
                            >= config.stats().refresh().toNanos()) {
                StatsViews.Statistics statistics = compute();
                seen = new Snapshot(statistics, PublicCaching.etag("statistics", statistics), System.nanoTime());
                snapshot = seen;
            }
            return seen;
        }
    }

    @Transactional
    StatsViews.Statistics compute() {
        Instant now = Instant.now();
        FinishedMonths months = FinishedMonths.last(config.stats().months(), zone);
        int count = months.names().size();
        List<Instant> bounds = months.bounds();

        Map<String, Long> tips = new HashMap<>();
        Query tipQuery = em.createNativeQuery("SELECT category, " + bucket("created_at", count)
                + " AS bucket, COUNT(*) FROM tip WHERE created_at >= ?1 AND created_at < ?2 AND status <> 'REJECTED'"
                + " GROUP BY category, bucket");
        bind(tipQuery, bounds);
        for (Object row : tipQuery.getResultList()) {
            Object[] r = (Object[]) row;
            tips.put(r[0] + "/" + ((Number) r[1]).intValue(), ((Number) r[2]).longValue());
        }
        List<StatsViews.Statistics.TipCount> tipCounts = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            for (TipCategory category : TipCategory.values()) {
                tipCounts.add(new StatsViews.Statistics.TipCount(
                        months.names().get(m),
                        category,
                        StatsViews.Statistics.shown(tips.getOrDefault(category.name() + "/" + m, 0L))));
            }
        }

        Map<String, Long> events = new HashMap<>();
        Query eventQuery = em.createNativeQuery("SELECT " + bucket("starts_at", count) + " AS bucket, COUNT(*)"
                + " FROM campaign_event WHERE starts_at >= ?1 AND starts_at < ?2 AND status <> 'cancelled'"
                + " AND ends_at <= ?" + (count + 2) + " GROUP BY bucket");
        bind(eventQuery, bounds);
        eventQuery.setParameter(count + 2, now);
        for (Object row : eventQuery.getResultList()) {
            Object[] r = (Object[]) row;
            events.put(String.valueOf(((Number) r[0]).intValue()), ((Number) r[1]).longValue());
        }
        List<StatsViews.Statistics.MonthCount> eventCounts = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            eventCounts.add(new StatsViews.Statistics.MonthCount(
                    months.names().get(m), StatsViews.Statistics.shown(events.getOrDefault(String.valueOf(m), 0L))));
        }

        Map<IndicatorType, Long> listed = new HashMap<>();
        em.createQuery(
                        "select i.type, count(i) from Indicator i where i.status = :published and i.expiresAt > :now"
                                + " group by i.type",
                        Object[].class)
                .setParameter("published", Indicator.Status.PUBLISHED)
                .setParameter("now", now)
                .getResultList()
                .forEach(r -> listed.put((IndicatorType) r[0], (Long) r[1]));
        List<StatsViews.Statistics.IndicatorCount> indicatorCounts = new ArrayList<>();
        for (IndicatorType type : IndicatorType.values()) {
            indicatorCounts.add(new StatsViews.Statistics.IndicatorCount(
                    type, StatsViews.Statistics.shown(listed.getOrDefault(type, 0L))));
        }
        List<StatsViews.Statistics.SectorMonth> sectors = actions.perSector(months);
        return new StatsViews.Statistics(
                months.names().get(0), months.names().get(count - 1), tipCounts, indicatorCounts, eventCounts, sectors);
    }

    /**
     * The month index (0 = oldest) of {@code column}: CASE over the month starts, bound as
     * parameters ?3 .. ?(count + 1) after the window's own bounds ?1 and ?2.
     */
    private static String bucket(String column, int count) {
        StringBuilder sql = new StringBuilder("CASE");
        for (int m = 0; m < count - 1; m++) {
            sql.append(" WHEN ")
                    .append(column)
                    .append(" < ?")
                    .append(m + 3)
                    .append(" THEN ")
                    .append(m);
        }
        return sql.append(" ELSE ").append(count - 1).append(" END").toString();
    }

    private static void bind(Query query, List<Instant> bounds) {
        int count = bounds.size() - 1;
        query.setParameter(1, bounds.get(0));
        query.setParameter(2, bounds.get(count));
        for (int m = 0; m < count - 1; m++) {
            query.setParameter(m + 3, bounds.get(m + 1)); // the start of month m + 1 ends month m
        }
    }
}
