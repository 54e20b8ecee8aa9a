package org.vigil.indicator;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.vigil.platform.config.RetentionSchedule;
import org.vigil.platform.crypto.FieldCipher;

/**
 * Deletes what a disputant wrote (statement, replaced by an empty ciphertext bound to its row as the
 * column is required, and contact) from disputes decided longer than
 * {@code vigil.indicator.dispute-retention.days} ago. The decision, its reason and dates stay: they
 * explain the indicator's history. Rows are locked with SKIP LOCKED and purged ones skipped, so the
 * jobs of several replicas never purge a dispute twice.
 */
@ApplicationScoped
public class DisputeRetention {

    private final RetentionSchedule config;
    private final FieldCipher cipher;
    private final EntityManager em;

    DisputeRetention(IndicatorConfig config, FieldCipher cipher, EntityManager em) {
        this.config = config.disputeRetention();
        this.cipher = cipher;
        this.em = em;
    }

    @Scheduled(
            every = "${vigil.indicator.dispute-retention.every:1h}",
            delayed = "${vigil.indicator.dispute-retention.delay:5m}",
            identity = "indicator-dispute-retention")
    void scheduled() {
        purgeDecidedBefore(Instant.now().minus(config.days(), ChronoUnit.DAYS));
    }

    /** One batch; returns the number of disputes purged. */
    @Transactional
    int purgeDecidedBefore(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("SELECT id, indicator_id, row_key FROM indicator_dispute"
                        + " WHERE content_purged_at IS NULL AND status <> ?1 AND decided_at < ?2 ORDER BY decided_at LIMIT ?3"
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, IndicatorDispute.Status.OPEN.name())
                .setParameter(2, cutoff)
                .setParameter(3, config.batchSize())
                .getResultList();
        Instant now = Instant.now();
        for (Object[] row : due) {
            byte[] empty = cipher.encryptText(
                    "",
                    IndicatorDispute.aad(IndicatorDispute.STATEMENT, ((Number) row[1]).longValue(), (byte[]) row[2]));
            em.createNativeQuery(
                            "UPDATE indicator_dispute SET statement_enc = ?1, contact_enc = NULL, content_purged_at = ?2"
                                    + " WHERE id = ?3")
                    .setParameter(1, empty)
                    .setParameter(2, now)
                    .setParameter(3, ((Number) row[0]).longValue())
                    .executeUpdate();
        }
        return due.size();
    }
}
