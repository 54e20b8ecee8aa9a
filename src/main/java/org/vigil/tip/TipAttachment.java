package org.vigil.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
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

/**
 * A file sent with a tip, encrypted. {@code sha256} is the SHA-256 of the stored plaintext (after
 * metadata removal), encrypted, so evidence can be checked later by those who may see the file;
 * {@code contentHash} is its keyed hash, as for identifiers. No plain digest is stored: it would let
 * a dump confirm that a known document was reported. Lists use projections, never the content.
 */
@Entity
@EntityListeners(SealedFields.class)
@Table(name = "tip_attachment")
public class TipAttachment extends PanacheEntityBase implements SealedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tip_id", nullable = false)
    public Long tipId;

    @Transient
    @Sealed("nameEnc")
    public String name;

    @Column(name = "name_enc", nullable = false, columnDefinition = "blob")
    byte[] nameEnc;

    @Column(name = "media_type", nullable = false, length = 64)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** Null only for a row from before V12 until {@link AttachmentDigests} has converted it. */
    @Transient
    @Sealed("sha256Enc")
    public byte[] sha256;

    @Column(name = "sha256_enc", columnDefinition = "varbinary(128)")
    byte[] sha256Enc;

    @Column(name = "content_hash", columnDefinition = "binary(32)")
    public byte[] contentHash;

    @Column(name = "location_kept", nullable = false)
    public boolean locationKept;

    /** Set to store a file; read with {@link #openContent()}, as it is not loaded with the row. */
    @Transient
    @Sealed(value = "contentEnc", lazy = true)
    public byte[] content;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content_enc", nullable = false, columnDefinition = "longblob")
    byte[] contentEnc;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Names the row in its ciphertexts' binding before the INSERT gives it an id. */
    @Column(name = "row_key", nullable = false, columnDefinition = "binary(16)")
    public byte[] rowKey = Aad.newRowKey();

    public static final String NAME = "name_enc";
    public static final String CONTENT = "content_enc";
    public static final String SHA256 = "sha256_enc";

    public static Aad aad(String column, long tipId, byte[] rowKey) {
        return Aad.of("tip_attachment", column, tipId, rowKey);
    }

    @Override
    public Aad aad(String column) {
        return aad(column, tipId, rowKey);
    }

    /** The file, loaded and opened now; {@code UnreadableValueException} if it does not decrypt in its place. */
    public byte[] openContent() {
        return SealedFields.open(this, "content", contentEnc);
    }
}
