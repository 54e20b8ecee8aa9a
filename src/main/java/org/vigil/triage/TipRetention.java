package org.vigil.triage;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.vigil.platform.crypto.FieldCipher;
import org.vigil.tip.TipStatus;

/**
 * Deletes the content of tips closed or rejected longer than {@code vigil.triage.retention.days}
 * ago, unless on legal hold: narrative (replaced by an empty ciphertext, the column being required),
 * place, contact, identifiers, messages, files, idempotency records and internal notes. What remains
 * is what statistics need: category, region, in-danger flag, dates, outcome, and the audit log.
 */
@ApplicationScoped
public class TipRetention {

    private final TriageConfig config;
    private final FieldCipher cipher;
    private final EntityManager em;

    TipRetention(TriageConfig config, FieldCipher cipher, EntityManager em) {
        this.config = config;
        this.cipher = cipher;
        this.em = em;
    }

    @Scheduled(every = "${vigil.triage.retention.every:1h}", delayed = "${vigil.triage.retention.delay:5m}", identity = "triage-retention")
    void scheduled() {
        purgeClosedBefore(Instant.now().minus(config.retention().days(), ChronoUnit.DAYS));
    }

    /** One batch; returns the number of tips purged. */
    @Transactional
    int purgeClosedBefore(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT tt.tip_id FROM tip_triage tt JOIN tip t ON t.id = tt.tip_id"
                        + " WHERE tt.content_purged_at IS NULL AND tt.legal_hold = FALSE AND tt.closed_at < ?1"
                        + " AND t.status IN (?2, ?3) ORDER BY tt.closed_at LIMIT ?4 FOR UPDATE SKIP LOCKED")
                .setParameter(1, cutoff).setParameter(2, TipStatus.CLOSED.name()).setParameter(3, TipStatus.REJECTED.name())
                .setParameter(4, config.retention().batchSize()).getResultList();
        byte[] empty = cipher.encryptText("");
        Instant now = Instant.now();
        for (Number id : ids) {
            long tipId = id.longValue();
            for (String table : List.of("tip_identifier", "tip_message", "tip_attachment", "tip_idempotency", "tip_note")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE tip_id = ?1").setParameter(1, tipId).executeUpdate();
            }
            em.createNativeQuery("UPDATE tip SET narrative_enc = ?1, place_enc = NULL, contact_enc = NULL,"
                            + " version = version + 1 WHERE id = ?2")
                    .setParameter(1, empty).setParameter(2, tipId).executeUpdate();
            em.createNativeQuery("UPDATE tip_triage SET content_purged_at = ?1, version = version + 1 WHERE tip_id = ?2")
                    .setParameter(1, now).setParameter(2, tipId).executeUpdate();
        }
        return ids.size();
    }
}
