package org.vigil.indicator;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import org.vigil.checklist.ScamType;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.web.Keyset;
import org.vigil.platform.web.Page;
import org.vigil.tip.IdentifierKeys;
import org.vigil.tip.IdentifierType;
import org.vigil.tip.Tip;

/**
 * The lifecycle of indicators: propose (by hand or from a tip), verify and publish, reject, delist,
 * expire, and the police's lists (disputes are {@link IndicatorDisputes}, look-ups {@link IndicatorLookups}). Every change writes a line of the
 * indicator's history in the same transaction; state changes lock the row, so two supervisors
 * acting at once cannot both succeed.
 */
@ApplicationScoped
public class IndicatorService {

    private static final String NOT_FOUND = "No indicator with this id";
    /** An urgent publication is short: the usual verification takes over after it. */
    static final int URGENT_MAX_DAYS = 14;

    private final IdentifierKeys keys;
    private final ListedHashes listedHashes;
    private final IndicatorConfig config;
    private final EntityManager em;
    private final IndicatorLookups lookups;
    private final IndicatorChanges changes;
    private final ZoneId zone;
    private final Event<UrgentPublished> urgentPublished;

    IndicatorService(
            IdentifierKeys keys,
            ListedHashes listedHashes,
            IndicatorConfig config,
            EntityManager em,
            VigilConfig vigil,
            IndicatorLookups lookups,
            IndicatorChanges changes,
            Event<UrgentPublished> urgentPublished) {
        this.keys = keys;
        this.listedHashes = listedHashes;
        this.config = config;
        this.em = em;
        this.zone = ZoneId.of(vigil.defaultZone());
        this.lookups = lookups;
        this.changes = changes;
        this.urgentPublished = urgentPublished;
    }

    /** An officer's proposal entered by hand, with its evidence. */
    @Transactional
    public IndicatorViews.Police propose(String actor, IndicatorRequests.Proposal proposal) {
        IdentifierKeys.Key key =
                lookups.normalize(proposal.type(), proposal.value(), proposal.bank(), proposal.provider());
        List<ScamType> scamTypes = scamTypes(proposal.scamTypes());
        return view(
                create(
                        actor,
                        proposal.type(),
                        key,
                        scamTypes,
                        proposal.evidence().strip(),
                        null),
                true);
    }

    /**
     * A tip's identifier proposed by an officer who may see the tip (checked and audited by
     * triage); {@code storedValue} is the identifier as the tip feature stored it.
     */
    @Transactional
    public IndicatorViews.Police proposeFromTip(
            String actor,
            IdentifierType identifierType,
            String storedValue,
            String tipReference,
            IndicatorRequests.FromTip request) {
        IndicatorType type = IndicatorType.of(identifierType);
        if (type == null) {
            throw ApiException.unprocessable("Only a phone number, bank account, e-wallet or link can be an indicator");
        }
        IdentifierKeys.Key key = keys.stored(identifierType, storedValue);
        IndicatorLookups.requireListable(key, "position");
        List<ScamType> scamTypes = scamTypes(request.scamTypes());
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        return view(create(actor, type, key, scamTypes, note, tipReference), true);
    }

    private static final Keyset<Indicator> NEWEST = Keyset.of(Indicator.class).desc("i.id", Long.class, i -> i.id);

    /**
     * Indicators newest first, optionally of one status, type or value (matched on its normalised
     * form); only those the reader may see (see {@link PoliceReader}).
     */
    @Transactional
    public Page<IndicatorViews.Police> list(
            PoliceReader reader,
            Indicator.Status status,
            IndicatorType type,
            String value,
            String bank,
            String provider,
            String cursor,
            int limit) {
        Where where = Where.all();
        PoliceReader.TipCondition tips = reader.tipCondition();
        if (tips != null) {
            // filtered in the query, so that pages stay full and a hidden proposal leaves no gap to notice
            where.and(
                    "(i.sourceTip is null or i.publishedAt is not null or exists (select t.id from Tip t"
                            + " where t.reference = i.sourceTip and " + tips.jpql() + "))",
                    tips.params());
        }
        if (status != null) {
            where.and("i.status = :status", "status", status);
        }
        if (type != null) {
            where.and("i.type = :type", "type", type);
        }
        if (value != null) {
            if (type == null) {
                throw ApiException.invalid("type", "is required with value");
            }
            where.and(
                    "i.valueHash in :hashes",
                    "hashes",
                    lookups.normalize(type, value, bank, provider).lookupHashes());
        }
        List<Indicator> rows = NEWEST.rows(em, "select i from Indicator i", where, cursor, limit);
        Set<String> seen = tips == null
                ? null
                : reader.visibleTips(rows.stream()
                        .map(i -> i.sourceTip)
                        .filter(r -> r != null)
                        .toList());
        return NEWEST.page(
                rows, limit, i -> view(i, false, seen == null || i.sourceTip == null || seen.contains(i.sourceTip)));
    }

    /**
     * One indicator with its evidence and history. Proposed from a tip the reader cannot see: the
     * same 404 as an unknown id until it has been public, then without tip, evidence and history.
     */
    @Transactional
    public IndicatorViews.Police details(PoliceReader reader, long id) {
        Indicator indicator = changes.find(id);
        boolean seesTip = seesTip(reader, indicator);
        if (!seesTip && indicator.publishedAt == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return view(indicator, true, seesTip);
    }

    /** A supervisor verifies a proposal and publishes it until the end of {@code expiresOn}. */
    @Transactional
    public IndicatorViews.Police publish(String actor, long id, IndicatorRequests.Publication publication) {
        LocalDate last = lastDay(publication.expiresOn(), config.maxValidityDays());
        Indicator indicator = changes.locked(id);
        requireStatus(indicator, Indicator.Status.PROPOSED, "Only a proposed indicator can be published");
        if (!verifiableBy(actor, indicator.proposedBy)) {
            throw ApiException.conflict("An indicator is verified by someone other than the officer who proposed it");
        }
        Instant now = Indicator.now();
        indicator.status = Indicator.Status.PUBLISHED;
        indicator.verifiedBy = actor;
        indicator.publishedAt = now;
        indicator.stixId = StixFeed.stixId(indicator.id);
        indicator.expiresAt = last.plusDays(1).atStartOfDay(zone).toInstant();
        indicator.updatedAt = now;
        changes.event(indicator, IndicatorEvent.Action.PUBLISHED, actor, "listed until " + last + " (inclusive)", now);
        listedHashes.add(indicator.valueHash);
        return view(indicator, true);
    }

    /**
     * Four eyes: listing a value publicly is verified by someone other than who proposed it (the
     * console asks this too, to offer the publish form only to whom it is open).
     */
    public static boolean verifiableBy(String actor, String proposedBy) {
        return !actor.equals(proposedBy);
    }

    /**
     * A supervisor publishes a proposal from a tip whose reporter is in danger now at once, without
     * the usual verification by someone other than its proposer: it is pushed to the partners of its
     * sector (observers of {@link UrgentPublished}, in this transaction), and listed only until
     * {@code vigil.indicator.urgent.confirm-within} from now unless a second supervisor confirms it.
     * A tip the caller may not see is the same 404 as an unknown indicator.
     */
    @Transactional
    public IndicatorViews.Police publishUrgent(
            PoliceReader reader, String actor, long id, IndicatorRequests.UrgentPublication publication) {
        LocalDate last = lastDay(publication.expiresOn(), URGENT_MAX_DAYS);
        Indicator indicator = lockedForUrgency(reader, id);
        requireStatus(indicator, Indicator.Status.PROPOSED, "Only a proposed indicator can be published");
        Tip tip = indicator.sourceTip == null
                ? null
                : Tip.<Tip>find("reference", indicator.sourceTip).firstResult();
        if (tip == null || !tip.inDangerNow) {
            throw ApiException.unprocessable(
                    "Only an identifier of a tip whose reporter is in danger now can be published as urgent;"
                            + " publish this one the usual way");
        }
        Instant now = Indicator.now();
        Instant confirmBy = now.plus(config.urgent().confirmWithin());
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        indicator.status = Indicator.Status.PUBLISHED;
        indicator.verifiedBy = actor;
        indicator.publishedAt = now;
        indicator.stixId = StixFeed.stixId(indicator.id);
        indicator.urgentConfirmBy = confirmBy;
        indicator.urgentExpiresAt = end;
        indicator.expiresAt = end.isBefore(confirmBy) ? end : confirmBy;
        indicator.updatedAt = now;
        changes.event(
                indicator,
                IndicatorEvent.Action.URGENT_PUBLISHED,
                actor,
                "urgent, tip in danger now: listed until " + last + " (inclusive) if confirmed by " + confirmBy + "; "
                        + publication.reason().strip(),
                now);
        listedHashes.add(indicator.valueHash);
        urgentPublished.fire(new UrgentPublished(PartnerFeed.item(indicator, now), confirmBy));
        return view(indicator, true);
    }

    /** A second supervisor confirms an urgent publication in time: it stays listed until its expiry. */
    @Transactional
    public IndicatorViews.Police confirmUrgent(PoliceReader reader, String actor, long id) {
        Indicator indicator = lockedForUrgency(reader, id);
        if (indicator.urgentConfirmBy == null) {
            throw ApiException.conflict("This indicator was not published as urgent");
        }
        if (indicator.urgentConfirmedAt != null) {
            throw ApiException.conflict(
                    "This urgent publication was already confirmed by " + indicator.urgentConfirmedBy);
        }
        Instant now = Indicator.now();
        if (indicator.status != Indicator.Status.PUBLISHED || !indicator.urgentConfirmBy.isAfter(now)) {
            throw ApiException.conflict("This urgent publication is no longer listed: it lapsed or was delisted");
        }
        if (actor.equals(indicator.verifiedBy)) {
            throw ApiException.conflict(
                    "An urgent publication is confirmed by a second supervisor, not the one who" + " published it");
        }
        indicator.urgentConfirmedBy = actor;
        indicator.urgentConfirmedAt = now;
        indicator.expiresAt = indicator.urgentExpiresAt;
        indicator.updatedAt = now;
        changes.event(
                indicator,
                IndicatorEvent.Action.URGENT_CONFIRMED,
                actor,
                "listed until " + indicator.expiresAt + " (exclusive)",
                now);
        return view(indicator, true);
    }

    @Transactional
    public IndicatorViews.Police reject(String actor, long id, IndicatorRequests.Reason reason) {
        Indicator indicator = changes.locked(id);
        requireStatus(indicator, Indicator.Status.PROPOSED, "Only a proposed indicator can be rejected");
        changes.close(
                indicator, Indicator.Status.REJECTED, actor, reason.reason().strip(), IndicatorEvent.Action.REJECTED);
        return view(indicator, true);
    }

    /** A supervisor takes a published indicator off the check and the feed (partners get a tombstone). */
    @Transactional
    public IndicatorViews.Police delist(String actor, long id, IndicatorRequests.Reason reason) {
        Indicator indicator = changes.locked(id);
        requireStatus(indicator, Indicator.Status.PUBLISHED, "Only a published indicator can be delisted");
        changes.close(
                indicator, Indicator.Status.DELISTED, actor, reason.reason().strip(), IndicatorEvent.Action.DELISTED);
        return view(indicator, true);
    }

    /**
     * Published indicators past their expiry become EXPIRED, and their {@code updatedAt} moves so
     * that partners syncing since an earlier time get the tombstone. Until this runs, the check
     * and the feed already treat them as expired by their date.
     */
    @Scheduled(every = "${vigil.indicator.expiry-every:1m}", delayed = "30s", identity = "indicator-expiry")
    void scheduledExpiry() {
        expire();
    }

    /** Marks what is due as EXPIRED; how many. */
    @Transactional
    public int expire() {
        Instant now = Indicator.now();
        List<Indicator> due = em.createQuery(
                        "select i from Indicator i where i.status = :published and i.expiresAt <= :now",
                        Indicator.class)
                .setParameter("published", Indicator.Status.PUBLISHED)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setMaxResults(500)
                .getResultList();
        for (Indicator indicator : due) {
            indicator.status = Indicator.Status.EXPIRED;
            indicator.updatedAt = now;
            boolean lapsed = indicator.awaitingConfirmation();
            changes.event(
                    indicator,
                    lapsed ? IndicatorEvent.Action.URGENT_LAPSED : IndicatorEvent.Action.EXPIRED,
                    IndicatorEvent.SYSTEM,
                    (lapsed ? "urgent publication not confirmed by " : "expired ") + indicator.expiresAt,
                    now);
        }
        return due.size();
    }

    // ---------------------------------------------------------------- disputes

    // ---------------------------------------------------------------- look-ups for other features

    // ---------------------------------------------------------------- internals

    private Indicator create(
            String actor,
            IndicatorType type,
            IdentifierKeys.Key key,
            List<ScamType> scamTypes,
            String evidence,
            String tipReference) {
        Indicator open = Indicator.<Indicator>find(
                        "valueHash = ?1 and status in ?2",
                        key.hash(),
                        List.of(Indicator.Status.PROPOSED, Indicator.Status.PUBLISHED))
                .firstResult();
        if (open != null) {
            throw duplicate(open.id);
        }
        Instant now = Indicator.now();
        Indicator indicator = new Indicator();
        indicator.type = type;
        indicator.valueHash = key.hash();
        indicator.value = key.value();
        indicator.scamTypes = scamTypes;
        indicator.evidence = evidence;
        indicator.sourceTip = tipReference;
        indicator.status = Indicator.Status.PROPOSED;
        indicator.proposedBy = actor;
        indicator.proposedAt = now;
        indicator.updatedAt = now;
        indicator.persist();
        try {
            em.flush();
        } catch (ConstraintViolationException e) {
            // the same value proposed at the same moment by someone else (unique open_hash)
            throw ApiException.conflict("This value is already proposed or listed");
        }
        changes.event(
                indicator,
                IndicatorEvent.Action.PROPOSED,
                actor,
                tipReference == null ? "by hand" : "from tip " + tipReference,
                now);
        return indicator;
    }

    /** Urgency is decided on the tip: one the caller may not see is the same 404 as an unknown indicator. */
    private Indicator lockedForUrgency(PoliceReader reader, long id) {
        Indicator indicator = changes.locked(id);
        if (!seesTip(reader, indicator)) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return indicator;
    }

    private static boolean seesTip(PoliceReader reader, Indicator indicator) {
        return indicator.sourceTip == null
                || reader.supervises()
                || reader.visibleTips(List.of(indicator.sourceTip)).contains(indicator.sourceTip);
    }

    /** {@code last}, when it lies between today and {@code maxDays} ahead; else a 400 problem on expiresOn. */
    private LocalDate lastDay(LocalDate last, int maxDays) {
        LocalDate today = LocalDate.now(zone);
        if (last.isBefore(today) || last.isAfter(today.plusDays(maxDays))) {
            throw ApiException.invalid("expiresOn", "must be between today and " + maxDays + " days ahead");
        }
        return last;
    }

    private static ApiException duplicate(long id) {
        return ApiException.conflict("This value is already proposed or listed as indicator " + id);
    }

    private static void requireStatus(Indicator indicator, Indicator.Status wanted, String message) {
        if (indicator.status != wanted) {
            throw ApiException.conflict(message + "; this one is " + indicator.status);
        }
    }

    private static List<ScamType> scamTypes(List<String> codes) {
        Set<ScamType> types = new LinkedHashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "scamTypes[" + i + "]";
            try {
                ScamType type = ScamType.param(field, codes.get(i));
                if (type == null) {
                    errors.add(new Problem.FieldError(field, "must be one of " + ScamType.CODES));
                } else {
                    types.add(type);
                }
            } catch (ApiException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return List.copyOf(types);
    }

    private IndicatorViews.Police view(Indicator i, boolean withDetails) {
        return view(i, withDetails, true);
    }

    /**
     * The police view; without {@code seesTip} (a tip of another region) it keeps what was public and
     * who acted, and drops the tip, the evidence, the reasons and the history, which may tell of the tip.
     */
    private IndicatorViews.Police view(Indicator i, boolean withDetails, boolean seesTip) {
        IndicatorViews.Shown shown = IndicatorViews.Shown.of(i.type, i.readableValue());
        long openDisputes =
                IndicatorDispute.count("indicatorId = ?1 and status = ?2", i.id, IndicatorDispute.Status.OPEN);
        boolean details = withDetails && seesTip;
        List<IndicatorViews.Event> history = details
                ? IndicatorEvent.<IndicatorEvent>list("indicatorId = ?1 order by id", i.id).stream()
                        .map(e -> new IndicatorViews.Event(e.action, e.actor, e.detail, e.at))
                        .toList()
                : null;
        return new IndicatorViews.Police(
                i.id,
                i.type,
                shown.value(),
                shown.bank(),
                shown.provider(),
                i.scamTypes,
                i.status,
                seesTip ? i.sourceTip : null,
                details ? i.evidence : null,
                i.proposedBy,
                i.proposedAt,
                i.verifiedBy,
                i.publishedAt,
                i.expiresAt,
                i.closedBy,
                seesTip ? i.closedReason : null,
                i.updatedAt,
                openDisputes,
                IndicatorViews.Urgent.of(i),
                history);
    }
}
