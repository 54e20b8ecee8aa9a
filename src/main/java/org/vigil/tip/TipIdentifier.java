package org.vigil.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.vigil.platform.crypto.Aad;
import org.vigil.platform.crypto.Sealed;
import org.vigil.platform.crypto.SealedFields;
import org.vigil.platform.crypto.SealedRow;

/**
 * A suspect's phone number, account, link... named in a tip: the value encrypted, plus a keyed
 * hash of its normalised form so that later work can find tips about the same number without
 * reading plaintext.
 */
@Entity
@EntityListeners(SealedFields.class)
@Table(name = "tip_identifier")
public class TipIdentifier extends PanacheEntityBase implements SealedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tip_id", nullable = false)
    public Long tipId;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public IdentifierType type;

    /** As the tipster wrote it, normalised for showing. */
    @Transient
    @Sealed("valueEnc")
    public String value;

    @Column(name = "value_enc", nullable = false, columnDefinition = "blob")
    byte[] valueEnc;

    @Column(name = "normalized_hash", nullable = false, columnDefinition = "binary(32)")
    public byte[] normalizedHash;

    /** Bound to its tip and its position there (both set before the INSERT). */
    public static Aad aad(long tipId, int position) {
        return Aad.of("tip_identifier", "value_enc", tipId, position);
    }

    @Override
    public Aad aad(String column) {
        return aad(tipId, position);
    }
}
