package org.vigil.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.vigil.platform.crypto.Aad;
import org.vigil.platform.crypto.Sealed;
import org.vigil.platform.crypto.SealedFields;
import org.vigil.platform.crypto.SealedRow;

/**
 * Where an organisation receives urgent pushes, and the secret that signs them. Never changed: a new
 * URL or secret replaces the row (a sealed value is written once).
 */
@Entity
@Table(name = "partner_webhook")
@EntityListeners(SealedFields.class)
public class PartnerWebhook extends PanacheEntityBase implements SealedRow {

    public static final String SECRET = "secret_enc";

    @Id
    @Column(length = PartnerOrganisation.MAX_CODE)
    public String organisation;

    @Column(nullable = false, length = 2000)
    public String url;

    /** The HMAC-SHA256 key of the Vigil-Signature header (its UTF-8 bytes), shared with the organisation. */
    @Transient
    @Sealed("secretEnc")
    public String secret;

    @Column(name = SECRET, nullable = false, columnDefinition = "blob")
    byte[] secretEnc;

    @Column(name = "row_key", nullable = false, columnDefinition = "binary(16)")
    public byte[] rowKey = Aad.newRowKey();

    @Column(name = "created_by", nullable = false, length = 255)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Aad aad(String column, byte[] rowKey) {
        return Aad.of("partner_webhook", column, rowKey);
    }

    @Override
    public Aad aad(String column) {
        return aad(column, rowKey);
    }
}
