package org.vigil.indicator;

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
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.platform.crypto.Aad;
import org.vigil.platform.crypto.Sealed;
import org.vigil.platform.crypto.SealedFields;
import org.vigil.platform.crypto.SealedRow;
import org.vigil.platform.security.StaffName;
import org.vigil.platform.web.Coded;

/** A holder's objection to a listed value; nothing identifies who sent it unless they left a contact. */
@Entity
@EntityListeners(SealedFields.class)
@Table(name = "indicator_dispute")
public class IndicatorDispute extends PanacheEntityBase implements SealedRow {

    @Schema(name = "IndicatorDisputeStatus")
    public enum Status implements Coded {
        OPEN,
        UPHELD,
        REJECTED;

        /** Clients see and send the constant's name. */
        @Override
        public String code() {
            return name();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "indicator_id", nullable = false)
    public Long indicatorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Transient
    @Sealed("statementEnc")
    public String statement;

    /** Name, phone and email as given; null when none was. */
    @Transient
    @Sealed("contactEnc")
    public Map<String, Object> contact;

    @Column(name = "statement_enc", nullable = false, columnDefinition = "blob")
    byte[] statementEnc;

    @Column(name = "contact_enc", columnDefinition = "blob")
    byte[] contactEnc;

    @Column(nullable = false, length = 12)
    public String language;

    /** Minute precision, like every time stored about a citizen's action. */
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "decided_by", length = StaffName.MAX_LENGTH)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason", length = 500)
    public String decisionReason;

    /** When DisputeRetention deleted the statement and contact; null while they are kept. */
    @Column(name = "content_purged_at")
    public Instant contentPurgedAt;

    /** Names the row in its ciphertexts' binding before the INSERT gives it an id. */
    @Column(name = "row_key", nullable = false, columnDefinition = "binary(16)")
    public byte[] rowKey = Aad.newRowKey();

    public static final String STATEMENT = "statement_enc";
    public static final String CONTACT = "contact_enc";

    public static Aad aad(String column, long indicatorId, byte[] rowKey) {
        return Aad.of("indicator_dispute", column, indicatorId, rowKey);
    }

    @Override
    public Aad aad(String column) {
        return aad(column, indicatorId, rowKey);
    }
}
