package org.vigil.platform.crypto;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rewrites the version-1 values written before V13 (bound only to their key id) as version 2, bound
 * to the row and column they are in, a batch per transaction, soon after startup. Once a pass finds
 * none left, {@link FieldCipher} refuses version 1 from then on, so an old value copied in from a
 * backup is not accepted; the operator then turns {@code vigil.crypto.read-unbound} off so that a
 * restart cannot accept one either.
 *
 * <p>What it trusts: that the version-1 values are where they were written when it runs. A database
 * writer who moved one before the upgrade has it bound where they put it; nothing can tell.
 */
@ApplicationScoped
public class UnboundRewrite {

    private static final Logger LOG = Logger.getLogger(UnboundRewrite.class);

    private final FieldCipher cipher;
    private final Instance<SealedColumn.SealedColumns> features;
    private final EntityManager em;
    private final CryptoConfig config;

    UnboundRewrite(
            FieldCipher cipher, Instance<SealedColumn.SealedColumns> features, EntityManager em, CryptoConfig config) {
        this.cipher = cipher;
        this.features = features;
        this.em = em;
        this.config = config;
    }

    @Scheduled(
            every = "${vigil.crypto.rewrite-every:1m}",
            delayed = "5s",
            identity = "crypto-unbound-rewrite",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rewriteAll();
    }

    /** One pass over every encrypted column; returns the number of values rewritten. */
    public int rewriteAll() {
        if (!cipher.unboundReadable()) {
            return 0;
        }
        int total = 0;
        for (SealedColumn column : columns()) {
            long after = 0;
            while (after >= 0) {
                long[] batch = rewriteBatch(column, after);
                total += (int) batch[0];
                after = batch[1];
            }
        }
        // rows written meanwhile are version 2; rows another replica holds locked are its own to rewrite
        cipher.refuseUnbound();
        LOG.infof(
                "All version-1 ciphertexts are bound to their place (%d rewritten now); version 1 is refused from"
                        + " now on. Set vigil.crypto.read-unbound=false (VIGIL_CRYPTO_READ_UNBOUND) to keep it so after a restart.",
                total);
        return total;
    }

    private List<SealedColumn> columns() {
        List<SealedColumn> all = new ArrayList<>();
        features.forEach(f -> all.addAll(f.sealedColumns()));
        return all;
    }

    /** Rewrites the next batch after row id {@code after}: [rewritten, last id seen or -1 at the end]. */
    @Transactional
    long[] rewriteBatch(SealedColumn c, long after) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, " + c.column() + ", "
                        + String.join(", ", c.placeColumns())
                        + " FROM " + c.table() + " WHERE id > ?1 AND " + c.column() + " IS NOT NULL AND SUBSTRING("
                        + c.column() + ", 1, 1) = X'01' ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, after)
                .setParameter(2, c.large() ? 1 : config.rewriteBatchSize())
                .getResultList();
        long rewritten = 0;
        long last = -1;
        for (Object[] row : rows) {
            last = SealedColumn.number(row[0]);
            Object[] place = Arrays.copyOfRange(row, 2, row.length);
            byte[] bound;
            try {
                bound = cipher.rebind((byte[]) row[1], c.aad().apply(place));
            } catch (UnreadableValueException e) {
                // not readable even as version 1: left as it is, and shown as unreadable
                LOG.warnf(
                        "%s.%s of row %d is not a readable version-1 value; left as it is",
                        c.table(), c.column(), last);
                continue;
            }
            em.createNativeQuery("UPDATE " + c.table() + " SET " + c.column() + " = ?1 WHERE id = ?2")
                    .setParameter(1, bound)
                    .setParameter(2, last)
                    .executeUpdate();
            rewritten++;
        }
        return new long[] {rewritten, rows.isEmpty() ? -1 : last};
    }
}
