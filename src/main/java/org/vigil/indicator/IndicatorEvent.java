package org.vigil.indicator;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.platform.security.StaffName;

/** One line of an indicator's history: written once, never updated or deleted by the application. */
@Entity
@Table(name = "indicator_event")
public class IndicatorEvent extends PanacheEntityBase {

    @Schema(name = "IndicatorAction")
    public enum Action {
        PROPOSED,
        PUBLISHED,
        REJECTED,
        DELISTED,
        EXPIRED,
        DISPUTED,
        DISPUTE_UPHELD,
        DISPUTE_REJECTED,
        /** Published at once for a tip in danger now, pushed to partners; lapses unless confirmed. */
        URGENT_PUBLISHED,
        URGENT_CONFIRMED,
        /** An urgent publication nobody confirmed in time: it left the list. */
        URGENT_LAPSED
    }

    /** The actor of what no officer did: the expiry job, a citizen's dispute. */
    static final String SYSTEM = "system";

    static final String PUBLIC = "public";
    /** Characters the detail column holds; longer lines are cut (org.vigil.platform.db.Columns). */
    static final int MAX_DETAIL = 600;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "indicator_id", nullable = false)
    public Long indicatorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Action action;

    @Column(nullable = false, length = StaffName.MAX_LENGTH)
    public String actor;

    @Column(length = MAX_DETAIL)
    public String detail;

    @Column(nullable = false)
    public Instant at;
}
