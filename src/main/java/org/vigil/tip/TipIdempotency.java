package org.vigil.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a retried submission with the same Idempotency-Key is answered with, until it expires. */
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
    public byte[] receiptEnc;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
