package org.vigil.partner;

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
import org.vigil.platform.db.Versioned;

/** One line of what a partner organisation read or reported, or what an admin changed about it. Append-only. */
@Entity
@Table(name = "partner_audit")
public class PartnerAudit extends PanacheEntityBase {

    static final int MAX_DETAIL = 1000;
    /** The actor of what no person did: an urgent push queued by the publication of an indicator. */
    static final String SYSTEM = "system";

    public enum Action {
        FEED_READ,
        ACTION_REPORTED,
        ORGANISATION_SAVED,
        WEBHOOK_SAVED,
        WEBHOOK_REMOVED,
        /** An urgent indicator was queued for the organisation's webhook. */
        URGENT_PUSHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = PartnerOrganisation.MAX_CODE)
    public String organisation;

    @Column(nullable = false, length = 255)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Action action;

    @Column(length = MAX_DETAIL)
    public String detail;

    @Column(nullable = false)
    public Instant at;

    static void record(String organisation, String actor, Action action, String detail) {
        PartnerAudit line = new PartnerAudit();
        line.organisation = organisation;
        line.actor = actor;
        line.action = action;
        line.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        line.at = Versioned.now();
        line.persist();
    }
}
