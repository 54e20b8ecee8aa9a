package org.vigil.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.vigil.platform.crypto.Aad;
import org.vigil.platform.crypto.Sealed;
import org.vigil.platform.crypto.SealedFields;
import org.vigil.platform.crypto.SealedRow;

/** One message of a tip's anonymous thread, from the tipster or (with triage) from the police. */
@Entity
@EntityListeners(SealedFields.class)
@Table(name = "tip_message")
public class TipMessage extends PanacheEntityBase implements SealedRow {

    public static final String TIPSTER = "TIPSTER";
    public static final String POLICE = "POLICE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tip_id", nullable = false)
    public Long tipId;

    @Column(nullable = false, length = 16)
    public String author;

    @Transient
    @Sealed("bodyEnc")
    public String text;

    @Column(name = "body_enc", nullable = false, columnDefinition = "blob")
    byte[] bodyEnc;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Names the row in its ciphertext's binding before the INSERT gives it an id. */
    @Column(name = "row_key", nullable = false, columnDefinition = "binary(16)")
    public byte[] rowKey = Aad.newRowKey();

    /** Keyed hash of the tipster's Idempotency-Key, if one was sent: one message per key and tip. */
    @Column(name = "idempotency_key_hash", columnDefinition = "binary(32)")
    public byte[] idempotencyKeyHash;

    /** Bound to tip, row and author: a police reply does not read as the tipster's message. */
    public static Aad aad(long tipId, byte[] rowKey, String author) {
        return Aad.of("tip_message", "body_enc", tipId, rowKey, author);
    }

    @Override
    public Aad aad(String column) {
        return aad(tipId, rowKey, author);
    }
}
