package org.vigil.triage;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;
import org.vigil.tip.TipContent;
import org.vigil.tip.TipStatus;

/**
 * Deletes a tip's content once its status's retention period has passed, unless on legal hold
 * (vigil.triage.retention.*):
 * <ul>
 * <li>CLOSED, REJECTED: {@code days} after closing;
 * <li>REFERRED: {@code referred-days} after the referral (the case system holds the case onward);
 * <li>NEW, TRIAGED, INVESTIGATING: {@code untouched-days} after the last activity; such a tip first
 * shows in the gauge {@code vigil_triage_stale_tips} after {@code stale-days}, so no tip is purged
 * before anyone could have been alerted to it.
 * </ul>
 * Deleted: narrative (replaced by an empty ciphertext, the column being required), place, contact,
 * identifiers, messages, files, idempotency records, internal notes, labels, and the labels copied
 * into the audit log's details (the one update the audit log allows). What remains is what
 * statistics need: category, region, in-danger flag, dates, outcome, and the rest of the audit log.
 */
@ApplicationScoped
public class TipRetention {

    private static final Logger LOG = Logger.getLogger(TipRetention.class);
    private static final List<String> OPEN =
            TriageMetrics.OPEN.stream().map(Enum::name).toList();

    /** A tip's last activity: its own update time or the last audited action on it, whichever is later. */
    static final String LAST_ACTIVITY = "GREATEST(t.updated_at, COALESCE((SELECT MAX(a.at) FROM triage_audit a"
            + " WHERE a.tip_id = t.id), t.updated_at))";

    private final TipRetentionSchedule config;
    private final TipContent tips;
    private final EntityManager em;

    TipRetention(TriageConfig config, TipContent tips, EntityManager em) {
        this.config = config.retention();
        this.tips = tips;
        this.em = em;
    }

    @Scheduled(
            every = "${vigil.triage.retention.every:1h}",
            delayed = "${vigil.triage.retention.delay:5m}",
            identity = "triage-retention")
    void scheduled() {
        Instant now = Instant.now();
        purgeClosedBefore(now.minus(config.days(), ChronoUnit.DAYS));
        purgeReferredBefore(now.minus(config.referredDays(), ChronoUnit.DAYS));
        purgeUntouchedSince(now.minus(config.untouchedDays(), ChronoUnit.DAYS));
    }

    /** One batch of CLOSED and REJECTED tips closed before {@code cutoff}; returns the number purged. */
    @Transactional
    int purgeClosedBefore(Instant cutoff) {
        return purge(due(
                "tt.closed_at < ?1 AND t.status IN ('" + TipStatus.CLOSED + "', '" + TipStatus.REJECTED + "')",
                cutoff));
    }

    /** One batch of REFERRED tips referred before {@code cutoff} (closed_at is the referral's time). */
    @Transactional
    int purgeReferredBefore(Instant cutoff) {
        return purge(due("tt.closed_at < ?1 AND t.status = '" + TipStatus.REFERRED + "'", cutoff));
    }

    /** One batch of open tips without any activity since {@code cutoff}. */
    @Transactional
    int purgeUntouchedSince(Instant cutoff) {
        List<Object[]> tips =
                due(LAST_ACTIVITY + " < ?1 AND t.status IN ('" + String.join("', '", OPEN) + "')", cutoff);
        tips.forEach(r -> LOG.warnf(
                "Tip %s had no activity for %d days: its content is deleted under the retention" + " rules",
                r[1], config.untouchedDays()));
        return purge(tips);
    }

    /** Tip ids and references due, locked; a NEW tip may have no triage row yet. */
    @SuppressWarnings("unchecked")
    private List<Object[]> due(String condition, Instant cutoff) {
        return em.createNativeQuery("SELECT t.id, t.reference FROM tip t LEFT JOIN tip_triage tt ON tt.tip_id = t.id"
                        + " WHERE tt.content_purged_at IS NULL AND COALESCE(tt.legal_hold, FALSE) = FALSE AND "
                        + condition
                        + " ORDER BY t.id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, cutoff)
                .setParameter(2, config.batchSize())
                .getResultList();
    }

    private int purge(List<Object[]> due) {
        Instant now = Instant.now();
        for (Object[] row : due) {
            long tipId = ((Number) row[0]).longValue();
            String reference = (String) row[1];
            tips.erase(tipId, reference);
            for (String table : List.of("tip_note", "tip_label")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE tip_id = ?1")
                        .setParameter(1, tipId)
                        .executeUpdate();
            }
            // labels are officers' words about the content; the audit line keeps that they were changed
            em.createNativeQuery("UPDATE triage_audit SET detail = NULL WHERE tip_id = ?1 AND action = ?2")
                    .setParameter(1, tipId)
                    .setParameter(2, AuditAction.LABELS.name())
                    .executeUpdate();
            em.createNativeQuery("INSERT IGNORE INTO tip_triage (tip_id, priority, version) VALUES (?1, 'NORMAL', 0)")
                    .setParameter(1, tipId)
                    .executeUpdate();
            em.createNativeQuery(
                            "UPDATE tip_triage SET content_purged_at = ?1, version = version + 1 WHERE tip_id = ?2")
                    .setParameter(1, now)
                    .setParameter(2, tipId)
                    .executeUpdate();
        }
        return due.size();
    }
}
