package org.vigil.triage;

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
import org.vigil.platform.security.StaffName;

/** An officer's internal note on a tip, encrypted; never part of the tipster's view. */
@Entity
@EntityListeners(SealedFields.class)
@Table(name = "tip_note")
public class TipNote extends PanacheEntityBase implements SealedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tip_id", nullable = false)
    public Long tipId;

    @Column(nullable = false, length = StaffName.MAX_LENGTH)
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

    /** Bound to tip, row and author. */
    public static Aad aad(long tipId, byte[] rowKey, String author) {
        return Aad.of("tip_note", "body_enc", tipId, rowKey, author);
    }

    @Override
    public Aad aad(String column) {
        return aad(tipId, rowKey, author);
    }
}
