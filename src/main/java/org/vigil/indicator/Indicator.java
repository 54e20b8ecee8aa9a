package org.vigil.indicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.checklist.ScamType;
import org.vigil.platform.crypto.Aad;
import org.vigil.platform.crypto.Sealed;
import org.vigil.platform.crypto.SealedFields;
import org.vigil.platform.crypto.SealedRow;
import org.vigil.platform.security.StaffName;
import org.vigil.platform.web.Coded;

/**
 * A phone number, account, wallet or link domain that the police propose, verify and publish.
 * Only a PUBLISHED one whose {@link #expiresAt} is still ahead is ever shown outside the police.
 */
@Entity
@EntityListeners(SealedFields.class)
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase implements SealedRow {

    /** Characters closed_reason holds: an upheld dispute's "dispute N upheld: " prefix is cut from its end. */
    static final int MAX_CLOSED_REASON = 500;

    /** PROPOSED → PUBLISHED | REJECTED; PUBLISHED → DELISTED | EXPIRED. */
    @Schema(name = "IndicatorStatus")
    public enum Status implements Coded {
        PROPOSED,
        PUBLISHED,
        REJECTED,
        DELISTED,
        EXPIRED;

        /** Clients see and send the constant's name. */
        @Override
        public String code() {
            return name();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public IndicatorType type;

    @Column(name = "value_hash", nullable = false, columnDefinition = "binary(32)")
    public byte[] valueHash;

    /** The normalised value (E.164, BANK:digits, PROVIDER:id or domain). */
    @Transient
    @Sealed("valueEnc")
    public String value;

    @Column(name = "value_enc", nullable = false, columnDefinition = "blob")
    byte[] valueEnc;

    @Convert(converter = ScamTypes.class)
    @Column(name = "scam_types", nullable = false, length = 400)
    public List<ScamType> scamTypes;

    @Transient
    @Sealed("evidenceEnc")
    public String evidence;

    @Column(name = "evidence_enc", columnDefinition = "blob")
    byte[] evidenceEnc;

    /** Reference of the tip it was proposed from, if any. */
    @Column(name = "source_tip", length = 11, columnDefinition = "char(11)")
    public String sourceTip;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "proposed_by", nullable = false, length = StaffName.MAX_LENGTH)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "verified_by", length = StaffName.MAX_LENGTH)
    public String verifiedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "closed_by", length = StaffName.MAX_LENGTH)
    public String closedBy;

    @Column(name = "closed_reason", length = MAX_CLOSED_REASON)
    public String closedReason;

    /**
     * Set when published as urgent: listed only until then (expiresAt) unless a second supervisor
     * confirms it before; null for an ordinary publication.
     */
    @Column(name = "urgent_confirm_by")
    public Instant urgentConfirmBy;

    /** An urgent publication's expiry once confirmed (at most 14 days after its publication day). */
    @Column(name = "urgent_expires_at")
    public Instant urgentExpiresAt;

    @Column(name = "urgent_confirmed_by", length = StaffName.MAX_LENGTH)
    public String urgentConfirmedBy;

    @Column(name = "urgent_confirmed_at")
    public Instant urgentConfirmedAt;

    /**
     * The STIX id partners know it by ({@link StixFeed#stixId}), set at publication: how a TAXII
     * client's match[id] or an object's address finds the row.
     */
    @Column(name = "stix_id", length = 47)
    public String stixId;

    /** Every change visible to partners moves it, with a line of its history: the partner feed's sort key. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Names the row in its ciphertexts' binding before the INSERT gives it an id. */
    @Column(name = "row_key", nullable = false, columnDefinition = "binary(16)")
    public byte[] rowKey = Aad.newRowKey();

    public static final String VALUE = "value_enc";
    public static final String EVIDENCE = "evidence_enc";

    public static Aad aad(String column, byte[] rowKey) {
        return Aad.of("indicator", column, rowKey);
    }

    @Override
    public Aad aad(String column) {
        return aad(column, rowKey);
    }

    /** The value, which every view of an indicator needs: unreadable in its place, the answer is a 409. */
    public String readableValue() {
        if (value == null) {
            requireReadable();
        }
        return value;
    }

    /** Microseconds: what DATETIME(6) keeps, so a time read back (and a feed cursor) is the same instant. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Published as urgent and not (yet) confirmed by a second supervisor. */
    public boolean awaitingConfirmation() {
        return urgentConfirmBy != null && urgentConfirmedAt == null;
    }

    /** Published, and not yet expired at {@code now}: the only state the public and partners see as listed. */
    public boolean listedAt(Instant now) {
        return status == Status.PUBLISHED && expiresAt != null && expiresAt.isAfter(now);
    }

    /** Scam types as their codes, comma-separated in one column. */
    @Converter
    public static class ScamTypes implements AttributeConverter<List<ScamType>, String> {
        @Override
        public String convertToDatabaseColumn(List<ScamType> types) {
            return types == null ? "" : types.stream().map(ScamType::code).collect(Collectors.joining(","));
        }

        @Override
        public List<ScamType> convertToEntityAttribute(String column) {
            return column == null || column.isEmpty()
                    ? List.of()
                    : Arrays.stream(column.split(","))
                            .map(code -> Coded.stored(ScamType.class, code))
                            .toList();
        }
    }
}
