package org.vigil.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.error.ApiException;
import org.vigil.tip.TipCategory;
import org.vigil.tip.TipStatus;

/**
 * The summary of a period that supervisors report to the Steering Committee: the tips received in it
 * by category, region, status and outcome, how long they waited for triage (the first status change
 * out of NEW in the triage audit log) and for a referral, and the indicators published in it and
 * acted on by partners. Exact counts, never content: it reads codes, times and counts only. Days are
 * those of the service's zone, counted by SQL alone (the audit log belongs to triage).
 */
@ApplicationScoped
public class PoliceSummary {

    /** The longest period one summary covers: a year, leap day included. */
    public static final int MAX_DAYS = 366;

    /** The outcome of a tip: still open, or how its work ended. */
    static final String OUTCOMES = "CASE WHEN t.status = 'REFERRED' THEN 'referred'"
            + " WHEN t.status = 'CLOSED' THEN 'closed'"
            + " WHEN t.status = 'REJECTED' THEN CONCAT('rejected-', COALESCE(tt.rejection, 'other'))"
            + " ELSE 'open' END";

    public record Count(String key, long count) {}

    /**
     * How long tips waited, in minutes: how many had it happen, and the quartiles (null when none).
     */
    public record Wait(long count, Long firstQuartile, Long median, Long thirdQuartile) {}

    /**
     * One period's figures; {@code to} is the last day counted.
     */
    public record Summary(
            LocalDate from,
            LocalDate to,
            long tips,
            List<Count> categories,
            List<Count> regions,
            List<Count> statuses,
            List<Count> outcomes,
            Wait toTriage,
            Wait toReferral,
            long indicatorsPublished,
            long indicatorsActedOn) {

        /** The same as CSV: one line per figure ({@code measure,key,value}), codes and numbers only. */
        public String csv() {
            StringBuilder csv = new StringBuilder("measure,key,value\r\n");
            line(csv, "period", "from", from);
            line(csv, "period", "to", to);
            line(csv, "tips", "received", tips);
            categories.forEach(c -> line(csv, "category", c.key(), c.count()));
            regions.forEach(c -> line(csv, "region", c.key(), c.count()));
            statuses.forEach(c -> line(csv, "status", c.key(), c.count()));
            outcomes.forEach(c -> line(csv, "outcome", c.key(), c.count()));
            wait(csv, "minutes-to-triage", toTriage);
            wait(csv, "minutes-to-referral", toReferral);
            line(csv, "indicators", "published", indicatorsPublished);
            line(csv, "indicators", "acted-on", indicatorsActedOn);
            return csv.toString();
        }

        private static void wait(StringBuilder csv, String measure, Wait wait) {
            line(csv, measure, "tips", wait.count());
            line(csv, measure, "first-quartile", wait.firstQuartile());
            line(csv, measure, "median", wait.median());
            line(csv, measure, "third-quartile", wait.thirdQuartile());
        }

        // keys are codes (categories, ISO region codes, statuses): no comma or quote to escape
        private static void line(StringBuilder csv, String measure, String key, Object value) {
            csv.append(measure)
                    .append(',')
                    .append(key)
                    .append(',')
                    .append(value == null ? "" : value)
                    .append("\r\n");
        }
    }

    private final EntityManager em;
    private final ActionFigures actions;
    private final ZoneId zone;

    PoliceSummary(EntityManager em, ActionFigures actions, VigilConfig vigil) {
        this.em = em;
        this.actions = actions;
        this.zone = ZoneId.of(vigil.defaultZone());
    }

    /** The figures of the days {@code from} to {@code to}, both included. */
    @Transactional
    public Summary of(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw ApiException.invalid(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiException.invalid("to", "must be at most " + MAX_DAYS + " days after from");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();

        Map<String, Long> categories = counted("t.category", start, end);
        Map<String, Long> statuses = counted("t.status", start, end);
        List<Count> byCategory = new ArrayList<>();
        for (TipCategory category : TipCategory.values()) {
            byCategory.add(new Count(category.code(), categories.getOrDefault(category.name(), 0L)));
        }
        List<Count> byStatus = new ArrayList<>();
        for (TipStatus status : TipStatus.values()) {
            byStatus.add(new Count(status.code(), statuses.getOrDefault(status.name(), 0L)));
        }
        long tips = statuses.values().stream().mapToLong(Long::longValue).sum();
        Wait triage = waits(start, end, "a.detail LIKE 'NEW -> %'");
        Wait referral = waits(start, end, "a.detail LIKE '% -> REFERRED%'");
        long published = ((Number) em.createNativeQuery(
                                "SELECT COUNT(*) FROM indicator WHERE published_at >= ?1 AND published_at < ?2")
                        .setParameter(1, start)
                        .setParameter(2, end)
                        .getSingleResult())
                .longValue();
        return new Summary(
                from,
                to,
                tips,
                byCategory,
                list(counted("COALESCE(t.region_code, '-')", start, end)),
                byStatus,
                list(counted(OUTCOMES, start, end)),
                triage,
                referral,
                published,
                actions.indicatorsActedOn(start, end));
    }

    /** Tips received in the period, counted by {@code group} (an SQL expression over tip t and tip_triage tt). */
    private Map<String, Long> counted(String group, Instant start, Instant end) {
        Map<String, Long> counts = new TreeMap<>();
        em.createNativeQuery(
                        "SELECT " + group + " AS g, COUNT(*) FROM tip t LEFT JOIN tip_triage tt ON tt.tip_id = t.id"
                                + " WHERE t.created_at >= ?1 AND t.created_at < ?2 GROUP BY g")
                .setParameter(1, start)
                .setParameter(2, end)
                .getResultList()
                .forEach(row -> {
                    Object[] r = (Object[]) row;
                    counts.put(String.valueOf(r[0]), ((Number) r[1]).longValue());
                });
        return counts;
    }

    private static List<Count> list(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * For the tips received in the period, the time from arrival to the first status change matching
     * {@code change} (a condition on the audit line a).
     */
    private Wait waits(Instant start, Instant end, String change) {
        List<Long> minutes = new ArrayList<>();
        em.createNativeQuery("SELECT TIMESTAMPDIFF(MINUTE, t.created_at, MIN(a.at)) FROM tip t"
                        + " JOIN triage_audit a ON a.tip_id = t.id AND a.action = 'STATUS' AND " + change
                        + " WHERE t.created_at >= ?1 AND t.created_at < ?2 GROUP BY t.id, t.created_at")
                .setParameter(1, start)
                .setParameter(2, end)
                .getResultList()
                .forEach(row -> minutes.add(Math.max(0, ((Number) row).longValue())));
        if (minutes.isEmpty()) {
            return new Wait(0, null, null, null);
        }
        List<Long> sorted = minutes.stream().sorted().toList();
        return new Wait(sorted.size(), quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75));
    }

    /** The {@code q} quantile by linear interpolation between the closest ranks, to the minute. */
    static long quantile(List<Long> sorted, double q) {
        double rank = q * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.size() - 1);
        return Math.round(sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below)));
    }
}
