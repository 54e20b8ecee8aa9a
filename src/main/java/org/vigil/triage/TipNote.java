package org.vigil.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.vigil.platform.security.StaffName;

/** An officer's internal note on a tip, encrypted; never part of the tipster's view. */
@Entity
@Table(name = "tip_note")
public class TipNote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tip_id", nullable = false)
    public Long tipId;

    @Column(nullable = false, length = StaffName.MAX_LENGTH)
    public String author;

    @Column(name = "body_enc", nullable = false, columnDefinition = "blob")
    public byte[] bodyEnc;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
