package org.vigil.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.vigil.platform.crypto.Aad;
import org.vigil.platform.web.Coded;

/** A partner organisation's report of what it did about an indicator it received. Never changed. */
@Entity
@Table(name = "partner_action")
public class PartnerAction extends PanacheEntityBase {

    public static final String NOTE = "note_enc";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = PartnerOrganisation.MAX_CODE)
    public String organisation;

    @Column(name = "indicator_id", nullable = false)
    public Long indicatorId;

    @Convert(converter = KindColumn.class)
    @Column(nullable = false, length = 32)
    public ActionKind kind;

    @Column(name = "acted_at", nullable = false)
    public Instant actedAt;

    @Column(name = "their_reference", length = 100)
    public String theirReference;

    /** What the organisation wrote; may name its customer, so encrypted. */
    @Column(name = NOTE, columnDefinition = "blob")
    byte[] noteEnc;

    @Column(name = "reported_by", nullable = false, length = 255)
    public String reportedBy;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Column(name = "idempotency_key_hash", nullable = false, columnDefinition = "binary(32)")
    public byte[] idempotencyKeyHash;

    @Column(name = "request_hash", nullable = false, columnDefinition = "binary(32)")
    public byte[] requestHash;

    @Column(name = "row_key", nullable = false, columnDefinition = "binary(16)")
    public byte[] rowKey = Aad.newRowKey();

    public static Aad aad(String column, byte[] rowKey) {
        return Aad.of("partner_action", column, rowKey);
    }

    public Aad aad(String column) {
        return aad(column, rowKey);
    }

    @Converter
    public static class KindColumn implements jakarta.persistence.AttributeConverter<ActionKind, String> {
        @Override
        public String convertToDatabaseColumn(ActionKind kind) {
            return kind == null ? null : kind.code();
        }

        @Override
        public ActionKind convertToEntityAttribute(String column) {
            return Coded.stored(ActionKind.class, column);
        }
    }
}
