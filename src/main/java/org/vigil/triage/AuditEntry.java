package org.vigil.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the append-only audit log: written once, never updated or deleted by the application.
 * Most are about one tip; an identifier search or a reading of citizens' disputes has none.
 */
@Entity
@Table(name = "triage_audit")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tip_id")
    public Long tipId;

    @Column(length = 11, columnDefinition = "char(11)")
    public String reference;

    @Column(nullable = false, length = 128)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public AuditAction action;

    @Column(length = 200)
    public String detail;

    @Column(nullable = false)
    public Instant at;

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
