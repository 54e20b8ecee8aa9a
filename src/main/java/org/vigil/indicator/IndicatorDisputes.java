package org.vigil.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.locale.Words;
import org.vigil.platform.web.Keyset;
import org.vigil.platform.web.Page;
import org.vigil.tip.IdentifierKeys;

/**
 * Citizens' disputes of listed values and the supervisors' decisions: an upheld one delists the
 * indicator. Statements and contacts are for supervisors, each reading audited (see {@link PoliceReader}).
 */
@ApplicationScoped
public class IndicatorDisputes {

    private final IndicatorLookups lookups;
    private final IndicatorChanges changes;
    private final EntityManager em;
    private final Words words;

    IndicatorDisputes(IndicatorLookups lookups, IndicatorChanges changes, EntityManager em, Words words) {
        this.lookups = lookups;
        this.changes = changes;
        this.em = em;
        this.words = words;
    }

    /** Disputes are a queue: oldest first. */
    private static final Keyset<IndicatorDispute> DISPUTE_QUEUE =
            Keyset.of(IndicatorDispute.class).asc("d.id", Long.class, d -> d.id);

    /** A citizen contests a listed value; a value that is not listed (or only proposed) has nothing to contest. */
    @Transactional
    public IndicatorViews.DisputeReceipt dispute(IndicatorRequests.Dispute request, String language) {
        IdentifierKeys.Key key = lookups.normalize(request.type(), request.value(), request.bank(), request.provider());
        Indicator indicator = lookups.listedMatch(key.lookupHashes(), Indicator.now())
                .orElseThrow(() -> ApiException.unprocessable(
                        "No police-verified indicator matches this value: there is nothing to dispute"));
        IndicatorDispute dispute = new IndicatorDispute();
        dispute.indicatorId = indicator.id;
        dispute.status = IndicatorDispute.Status.OPEN;
        dispute.statement = request.statement().strip();
        dispute.contact = contact(request.contact());
        dispute.language = language;
        // minute precision, like every time stored about a citizen's action
        dispute.receivedAt = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        dispute.persist();
        changes.event(
                indicator,
                IndicatorEvent.Action.DISPUTED,
                IndicatorEvent.PUBLIC,
                "dispute " + dispute.id,
                dispute.receivedAt);
        return new IndicatorViews.DisputeReceipt("received", words.text(language, "indicator.dispute.received"));
    }

    /**
     * Disputes oldest first (a queue), optionally of one status. Statements and contacts are for
     * supervisors, and each reading of them is audited; officers see the queue without them.
     */
    @Transactional
    public Page<IndicatorViews.PoliceDispute> disputes(
            PoliceReader reader, IndicatorDispute.Status status, String cursor, int limit) {
        Where where = status == null ? Where.all() : Where.all().and("d.status = :status", "status", status);
        List<IndicatorDispute> rows = DISPUTE_QUEUE.rows(em, "select d from IndicatorDispute d", where, cursor, limit);
        Page<IndicatorViews.PoliceDispute> page =
                DISPUTE_QUEUE.page(rows, limit, d -> disputeView(d, reader.supervises()));
        audited(reader, page.items());
        return page;
    }

    private static void audited(PoliceReader reader, List<IndicatorViews.PoliceDispute> shown) {
        List<Long> read = shown.stream()
                .filter(d -> d.statement() != null || d.contact() != null)
                .map(IndicatorViews.PoliceDispute::id)
                .toList();
        if (!read.isEmpty()) {
            reader.disputesRead(read);
        }
    }

    /** A supervisor decides a dispute; upheld, it delists the indicator if it is still published. */
    @Transactional
    public IndicatorViews.PoliceDispute decide(
            PoliceReader reader, String actor, long disputeId, IndicatorRequests.Decision decision) {
        IndicatorDispute dispute = em.find(IndicatorDispute.class, disputeId, LockModeType.PESSIMISTIC_WRITE);
        if (dispute == null) {
            throw ApiException.notFound("No dispute with this id");
        }
        if (dispute.status != IndicatorDispute.Status.OPEN) {
            throw ApiException.conflict("This dispute was already decided");
        }
        Indicator indicator = changes.locked(dispute.indicatorId);
        String reason = decision.reason().strip();
        Instant now = Indicator.now();
        dispute.status = decision.upheld() ? IndicatorDispute.Status.UPHELD : IndicatorDispute.Status.REJECTED;
        dispute.decidedBy = actor;
        dispute.decidedAt = now;
        dispute.decisionReason = reason;
        changes.event(
                indicator,
                decision.upheld() ? IndicatorEvent.Action.DISPUTE_UPHELD : IndicatorEvent.Action.DISPUTE_REJECTED,
                actor,
                "dispute " + dispute.id + ": " + reason,
                now);
        if (decision.upheld() && indicator.status == Indicator.Status.PUBLISHED) {
            changes.close(
                    indicator,
                    Indicator.Status.DELISTED,
                    actor,
                    "dispute " + dispute.id + " upheld: " + reason,
                    IndicatorEvent.Action.DELISTED);
        }
        IndicatorViews.PoliceDispute view = disputeView(dispute, reader.supervises());
        audited(reader, List.of(view));
        return view;
    }

    private IndicatorViews.PoliceDispute disputeView(IndicatorDispute d, boolean withContent) {
        Indicator i = changes.find(d.indicatorId);
        IndicatorViews.Shown shown = IndicatorViews.Shown.of(i.type, i.readableValue());
        return new IndicatorViews.PoliceDispute(
                d.id,
                i.id,
                i.type,
                shown.value(),
                shown.bank(),
                shown.provider(),
                i.status,
                d.status,
                withContent && d.contentPurgedAt == null ? d.statement : null,
                withContent ? d.contact : null,
                d.language,
                d.receivedAt,
                d.decidedBy,
                d.decidedAt,
                d.decisionReason,
                d.contentPurgedAt);
    }

    private static Map<String, Object> contact(IndicatorRequests.Contact contact) {
        if (contact == null) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfPresent(fields, "name", contact.name());
        putIfPresent(fields, "phone", contact.phone());
        putIfPresent(fields, "email", contact.email());
        return fields.isEmpty() ? null : fields;
    }

    private static void putIfPresent(Map<String, Object> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value.strip());
        }
    }
}
