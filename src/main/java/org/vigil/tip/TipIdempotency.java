package org.vigil.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.vigil.platform.crypto.Aad;

/**
 * What a retried submission with the same Idempotency-Key is answered with, until it expires. The
 * receipt is encrypted under a key derived (HKDF) from the Idempotency-Key itself and {@code receiptSalt}:
 * only the key's keyed hash is stored, so the database and the service keys together still cannot
 * read it; only a retry that sends the key again can.
 */
@Entity
@Table(name = "tip_idempotency")
public class TipIdempotency extends PanacheEntityBase {

    @Id
    @Column(name = "key_hash", columnDefinition = "char(64)")
    public String keyHash;

    @Column(name = "request_hash", nullable = false, columnDefinition = "binary(32)")
    public byte[] requestHash;

    @Column(name = "tip_id", nullable = false)
    public Long tipId;

    @Column(name = "receipt_enc", nullable = false, columnDefinition = "varbinary(255)")
    byte[] receiptEnc;

    @Column(name = "receipt_salt", nullable = false, columnDefinition = "binary(16)")
    public byte[] receiptSalt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public static Aad aad(String keyHash, long tipId) {
        return Aad.of("tip_idempotency", "receipt_enc", keyHash, tipId);
    }

    public Aad aad() {
        return aad(keyHash, tipId);
    }
}
