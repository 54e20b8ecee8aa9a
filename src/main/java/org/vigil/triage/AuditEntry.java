package org.vigil.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import org.vigil.platform.db.Columns;
import org.vigil.platform.security.StaffName;

/**
 * One line of the append-only audit log: written once, never updated or deleted by the application.
 * Most are about one tip; an identifier search or a reading of citizens' disputes has none.
 */
@Entity
@Table(name = "triage_audit")
public class AuditEntry extends PanacheEntityBase {

    /** Characters the detail column holds (V15): 20 labels of 40 characters and their separators fit whole. */
    public static final int MAX_DETAIL = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tip_id")
    public Long tipId;

    @Column(length = 11, columnDefinition = "char(11)")
    public String reference;

    @Column(nullable = false, length = StaffName.MAX_LENGTH)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public AuditAction action;

    @Column(length = MAX_DETAIL)
    public String detail;

    @Column(nullable = false)
    public Instant at;

    /**
     * The one place every audit line passes: a detail built from a client's input (labels, names,
     * searched values) is cut to the column, so recording an action can never fail the action.
     */
    @PrePersist
    void fitDetail() {
        detail = Columns.fit(detail, MAX_DETAIL);
    }

    /** Writes a line in the caller's transaction, so it is kept exactly when what it records is. */
    static void record(Officer officer, Long tipId, String reference, AuditAction action, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.tipId = tipId;
        entry.reference = reference;
        entry.actor = officer.name();
        entry.action = action;
        entry.detail = detail;
        entry.at = Instant.now();
        entry.persist();
    }
}
