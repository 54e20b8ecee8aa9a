package org.vigil.indicator;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.vigil.platform.config.RetentionSchedule;
import org.vigil.platform.crypto.FieldCipher;

/**
 * Deletes what a disputant wrote (statement, replaced by an empty ciphertext as the column is
 * required, and contact) from disputes decided longer than {@code vigil.indicator.dispute-retention.days}
 * ago. The decision, its reason and dates stay: they explain the indicator's history. One UPDATE per
 * batch that skips purged rows, so the jobs of several replicas never purge a dispute twice.
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

    @Scheduled(every = "${vigil.indicator.dispute-retention.every:1h}", delayed = "${vigil.indicator.dispute-retention.delay:5m}",
            identity = "indicator-dispute-retention")
    void scheduled() {
        purgeDecidedBefore(Instant.now().minus(config.days(), ChronoUnit.DAYS));
    }

    /** One batch; returns the number of disputes purged. */
    @Transactional
    int purgeDecidedBefore(Instant cutoff) {
        return em.createNativeQuery("UPDATE indicator_dispute SET statement_enc = ?1, contact_enc = NULL, content_purged_at = ?2"
                        + " WHERE content_purged_at IS NULL AND status <> ?3 AND decided_at < ?4 ORDER BY decided_at LIMIT ?5")
                .setParameter(1, cipher.encryptText("")).setParameter(2, Instant.now())
                .setParameter(3, IndicatorDispute.Status.OPEN.name()).setParameter(4, cutoff)
                .setParameter(5, config.batchSize()).executeUpdate();
    }
}
