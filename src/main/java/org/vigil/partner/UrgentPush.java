package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.vigil.forwarding.Outbox;
import org.vigil.indicator.IndicatorViews;
import org.vigil.indicator.UrgentPublished;

/**
 * Queues an urgent indicator for the webhook of every enabled organisation of a sector that acts on
 * its type ({@link Sector#actingOn}) and receives that type: one outbox event each, written in the
 * publication's transaction, delivered by {@link WebhookRelay}.
 */
@ApplicationScoped
class UrgentPush {

    /** The outbox sink of pushes; an event's destination is the organisation's code. */
    static final String SINK = "partner-webhook";

    static final String TYPE = "indicator.urgent";

    /**
     * The JSON body of a push, signed as sent.
     *
     * @param reportTo where the organisation reports what it did (its acknowledgement)
     */
    record Body(
            String eventId,
            String type,
            Instant createdAt,
            IndicatorViews.PartnerItem indicator,
            Instant confirmBy,
            String reportTo) {}

    private final Outbox outbox;
    private final EntityManager em;

    UrgentPush(Outbox outbox, EntityManager em) {
        this.outbox = outbox;
        this.em = em;
    }

    void published(@Observes UrgentPublished published) {
        IndicatorViews.PartnerItem indicator = published.indicator();
        List<PartnerOrganisation> receivers = em
                .createQuery(
                        "select o from PartnerOrganisation o where o.enabled = true and o.sector in :sectors"
                                + " and exists (select w.organisation from PartnerWebhook w where w.organisation = o.code)"
                                + " order by o.code",
                        PartnerOrganisation.class)
                .setParameter("sectors", Sector.actingOn(indicator.type()))
                .getResultList()
                .stream()
                .filter(o -> o.receives(indicator.type()))
                .toList();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (PartnerOrganisation organisation : receivers) {
            String eventId = outbox.enqueue(
                    SINK,
                    organisation.code,
                    TYPE,
                    true,
                    id -> new Body(
                            id,
                            TYPE,
                            now,
                            indicator,
                            published.confirmBy(),
                            "/api/v1/partner/indicators/" + indicator.id() + "/actions"));
            PartnerAudit.record(
                    organisation.code,
                    PartnerAudit.SYSTEM,
                    PartnerAudit.Action.URGENT_PUSHED,
                    "indicator " + indicator.id() + ", event " + eventId);
        }
    }
}
