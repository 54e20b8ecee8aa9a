package org.vigil.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.vigil.platform.security.StaffName;

/** What only the police see about a tip: who works on it, its priority, why it was rejected. */
@Entity
@Table(name = "tip_triage")
public class TipTriage extends PanacheEntityBase {

    @Id
    @Column(name = "tip_id")
    public Long tipId;

    @Column(length = StaffName.MAX_LENGTH)
    public String assignee;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Priority priority = Priority.NORMAL;

    @Column(length = 16)
    public String rejection;

    @Column(name = "duplicate_of", length = 11, columnDefinition = "char(11)")
    public String duplicateOf;

    /** When the tip became CLOSED, REJECTED or REFERRED: its retention period runs from here. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "legal_hold", nullable = false)
    public boolean legalHold;

    @Column(name = "content_purged_at")
    public Instant contentPurgedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
