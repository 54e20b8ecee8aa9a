package org.vigil.tip;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HexFormat;
import java.util.List;
import org.vigil.platform.crypto.FieldCipher;
import org.vigil.platform.crypto.KeyedHash;

/**
 * The digests kept of a stored file: its SHA-256 encrypted (shown to officers and the tipster) and
 * its keyed hash. Also converts rows from before V12, which held the SHA-256 in plaintext: the key
 * is outside the database, so only the service can recompute both from the decrypted file.
 */
@ApplicationScoped
public class AttachmentDigests {

    static final String CONTENT_PURPOSE = "tip-attachment";
    private static final int BATCH = 20;

    private final FieldCipher cipher;
    private final KeyedHash hash;
    private final EntityManager em;

    AttachmentDigests(FieldCipher cipher, KeyedHash hash, EntityManager em) {
        this.cipher = cipher;
        this.hash = hash;
        this.em = em;
    }

    void fill(TipAttachment row, byte[] content, byte[] sha256) {
        row.sha256 = sha256;
        row.contentHash = hash.hash(CONTENT_PURPOSE, content);
    }

    /** The SHA-256 (hex) of the stored file, or null for a row not converted yet (or unreadable in its place). */
    public static String shown(byte[] sha256) {
        return sha256 == null ? null : HexFormat.of().formatHex(sha256);
    }

    /**
     * Rows written before V12 (or by a replica of the previous release during a rolling update) lose
     * their plain digest. Delayed so that the previous release's replicas, which read that column,
     * are gone; a batch at a time so that at most {@value #BATCH} files are in memory.
     */
    @Scheduled(every = "1h", delayed = "10m", identity = "tip-attachment-digests")
    public void convertLegacyRows() {
        while (convertBatch() == BATCH) {
            // next batch
        }
    }

    @Transactional
    int convertBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, tip_id, row_key FROM tip_attachment WHERE sha256 IS NOT NULL"
                                + " ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED",
                        Object[].class)
                .setParameter(1, BATCH)
                .getResultList();
        for (Object[] row : rows) {
            long tipId = ((Number) row[1]).longValue();
            byte[] rowKey = (byte[]) row[2];
            byte[] content = cipher.decrypt(
                    (byte[]) em.createNativeQuery("SELECT content_enc FROM tip_attachment WHERE id = ?1")
                            .setParameter(1, row[0])
                            .getSingleResult(),
                    TipAttachment.aad(TipAttachment.CONTENT, tipId, rowKey));
            em.createNativeQuery(
                            "UPDATE tip_attachment SET sha256_enc = ?1, content_hash = ?2, sha256 = NULL WHERE id = ?3")
                    .setParameter(
                            1,
                            cipher.encrypt(
                                    AttachmentFiles.sha256(content),
                                    TipAttachment.aad(TipAttachment.SHA256, tipId, rowKey)))
                    .setParameter(2, hash.hash(CONTENT_PURPOSE, content))
                    .setParameter(3, row[0])
                    .executeUpdate();
        }
        return rows.size();
    }
}
