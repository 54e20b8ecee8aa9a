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

/** One line of the append-only audit log: written once, never updated or deleted by the application. */
@Entity
@Table(name = "triage_audit")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tip_id", nullable = false)
    public Long tipId;

    @Column(nullable = false, length = 11, columnDefinition = "char(11)")
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
}
