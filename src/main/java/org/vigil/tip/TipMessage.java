package org.vigil.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message of a tip's anonymous thread, from the tipster or (with triage) from the police. */
@Entity
@Table(name = "tip_message")
public class TipMessage extends PanacheEntityBase {

    public static final String TIPSTER = "TIPSTER";
    public static final String POLICE = "POLICE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tip_id", nullable = false)
    public Long tipId;

    @Column(nullable = false, length = 16)
    public String author;

    @Column(name = "body_enc", nullable = false, columnDefinition = "blob")
    public byte[] bodyEnc;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Keyed hash of the tipster's Idempotency-Key, if one was sent: one message per key and tip. */
    @Column(name = "idempotency_key_hash", columnDefinition = "binary(32)")
    public byte[] idempotencyKeyHash;
}
