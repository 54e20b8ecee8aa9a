package org.vigil.tip;

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
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.vigil.platform.crypto.Aad;
import org.vigil.platform.crypto.Sealed;
import org.vigil.platform.crypto.SealedFields;
import org.vigil.platform.crypto.SealedRow;
import org.vigil.platform.db.Versioned;

/** A citizen's tip. Place, narrative and contact are stored {@link Sealed}; see V5__tips.sql. */
@Entity
@EntityListeners(SealedFields.class)
@Table(name = "tip")
public class Tip extends Versioned implements SealedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 11, columnDefinition = "char(11)")
    public String reference;

    @Column(name = "receipt_hash", nullable = false, columnDefinition = "binary(32)")
    public byte[] receiptHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public TipStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public TipCategory category;

    @Column(name = "in_danger_now", nullable = false)
    public boolean inDangerNow;

    @Column(name = "incident_date")
    public LocalDate incidentDate;

    @Column(name = "region_code", length = 16)
    public String regionCode;

    /** Text, latitude and longitude as given; null when none was. */
    @Transient
    @Sealed("placeEnc")
    public Map<String, Object> place;

    @Transient
    @Sealed("narrativeEnc")
    public String narrative;

    /** The tipster's contact fields as given; null when none was. */
    @Transient
    @Sealed("contactEnc")
    public Map<String, Object> contact;

    @Column(name = "place_enc", columnDefinition = "blob")
    byte[] placeEnc;

    @Column(name = "narrative_enc", nullable = false, columnDefinition = "mediumblob")
    byte[] narrativeEnc;

    @Column(name = "contact_enc", columnDefinition = "blob")
    byte[] contactEnc;

    @Column(nullable = false, length = 12)
    public String language;

    public static final String PLACE = "place_enc";
    public static final String NARRATIVE = "narrative_enc";
    public static final String CONTACT = "contact_enc";

    /** A tip's values are bound to its reference, which exists before the INSERT and never changes. */
    public static Aad aad(String column, String reference) {
        return Aad.of("tip", column, reference);
    }

    @Override
    public Aad aad(String column) {
        return aad(column, reference);
    }

    public static Optional<Tip> byReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }
}
