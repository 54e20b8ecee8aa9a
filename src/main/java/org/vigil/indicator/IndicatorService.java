package org.vigil.indicator;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import org.vigil.checklist.ScamType;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.db.Columns;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.locale.Words;
import org.vigil.platform.web.Keyset;
import org.vigil.platform.web.Page;
import org.vigil.tip.IdentifierKeys;
import org.vigil.tip.IdentifierType;
import org.vigil.tip.TipRequest;

/**
 * The police workflow of indicators (propose, verify and publish, reject, delist, expire), the
 * citizens' disputes, and the look-ups other features use. Every change writes a line of the
 * indicator's history in the same transaction; state changes lock the row, so two supervisors
 * acting at once cannot both succeed.
 */
@ApplicationScoped
public class IndicatorService {

    private static final String NOT_FOUND = "No indicator with this id";

    private final IdentifierKeys keys;
    private final ListedHashes listedHashes;
    private final IndicatorConfig config;
    private final EntityManager em;
    private final Words words;
    private final ZoneId zone;

    IndicatorService(
            IdentifierKeys keys,
            ListedHashes listedHashes,
            IndicatorConfig config,
            EntityManager em,
            VigilConfig vigil,
            Words words) {
        this.keys = keys;
        this.listedHashes = listedHashes;
        this.config = config;
        this.em = em;
        this.zone = ZoneId.of(vigil.defaultZone());
        this.words = words;
    }

    // ---------------------------------------------------------------- police workflow

    /** An officer's proposal entered by hand, with its evidence. */
    @Transactional
    public IndicatorViews.Police propose(String actor, IndicatorRequests.Proposal proposal) {
        IdentifierKeys.Key key = normalize(proposal.type(), proposal.value(), proposal.bank(), proposal.provider());
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
        requireListable(key, "position");
        List<ScamType> scamTypes = scamTypes(request.scamTypes());
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        return view(create(actor, type, key, scamTypes, note, tipReference), true);
    }

    private static final Keyset<Indicator> NEWEST = Keyset.of(Indicator.class).desc("i.id", Long.class, i -> i.id);
    /** Disputes are a queue: oldest first. */
    private static final Keyset<IndicatorDispute> DISPUTE_QUEUE =
            Keyset.of(IndicatorDispute.class).asc("d.id", Long.class, d -> d.id);

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
                    normalize(type, value, bank, provider).lookupHashes());
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
        Indicator indicator = find(id);
        boolean seesTip = indicator.sourceTip == null
                || reader.supervises()
                || reader.visibleTips(List.of(indicator.sourceTip)).contains(indicator.sourceTip);
        if (!seesTip && indicator.publishedAt == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return view(indicator, true, seesTip);
    }

    /** A supervisor verifies a proposal and publishes it until the end of {@code expiresOn}. */
    @Transactional
    public IndicatorViews.Police publish(String actor, long id, IndicatorRequests.Publication publication) {
        LocalDate today = LocalDate.now(zone);
        LocalDate last = publication.expiresOn();
        if (last.isBefore(today) || last.isAfter(today.plusDays(config.maxValidityDays()))) {
            throw ApiException.invalid(
                    "expiresOn", "must be between today and " + config.maxValidityDays() + " days ahead");
        }
        Indicator indicator = locked(id);
        requireStatus(indicator, Indicator.Status.PROPOSED, "Only a proposed indicator can be published");
        if (actor.equals(indicator.proposedBy)) {
            // four eyes: listing a number publicly is verified by someone other than who proposed it
            throw ApiException.conflict("An indicator is verified by someone other than the officer who proposed it");
        }
        Instant now = now();
        indicator.status = Indicator.Status.PUBLISHED;
        indicator.verifiedBy = actor;
        indicator.publishedAt = now;
        indicator.expiresAt = last.plusDays(1).atStartOfDay(zone).toInstant();
        indicator.updatedAt = now;
        event(indicator, IndicatorEvent.Action.PUBLISHED, actor, "listed until " + last + " (inclusive)", now);
        listedHashes.add(indicator.valueHash);
        return view(indicator, true);
    }

    @Transactional
    public IndicatorViews.Police reject(String actor, long id, IndicatorRequests.Reason reason) {
        Indicator indicator = locked(id);
        requireStatus(indicator, Indicator.Status.PROPOSED, "Only a proposed indicator can be rejected");
        close(indicator, Indicator.Status.REJECTED, actor, reason.reason().strip(), IndicatorEvent.Action.REJECTED);
        return view(indicator, true);
    }

    /** A supervisor takes a published indicator off the check and the feed (partners get a tombstone). */
    @Transactional
    public IndicatorViews.Police delist(String actor, long id, IndicatorRequests.Reason reason) {
        Indicator indicator = locked(id);
        requireStatus(indicator, Indicator.Status.PUBLISHED, "Only a published indicator can be delisted");
        close(indicator, Indicator.Status.DELISTED, actor, reason.reason().strip(), IndicatorEvent.Action.DELISTED);
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
        Instant now = now();
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
            event(
                    indicator,
                    IndicatorEvent.Action.EXPIRED,
                    IndicatorEvent.SYSTEM,
                    "expired " + indicator.expiresAt,
                    now);
        }
        return due.size();
    }

    // ---------------------------------------------------------------- disputes

    /** A citizen contests a listed value; a value that is not listed (or only proposed) has nothing to contest. */
    @Transactional
    public IndicatorViews.DisputeReceipt dispute(IndicatorRequests.Dispute request, String language) {
        IdentifierKeys.Key key = normalize(request.type(), request.value(), request.bank(), request.provider());
        Indicator indicator = listedMatch(key.lookupHashes(), now())
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
        event(
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
        Indicator indicator = locked(dispute.indicatorId);
        String reason = decision.reason().strip();
        Instant now = now();
        dispute.status = decision.upheld() ? IndicatorDispute.Status.UPHELD : IndicatorDispute.Status.REJECTED;
        dispute.decidedBy = actor;
        dispute.decidedAt = now;
        dispute.decisionReason = reason;
        event(
                indicator,
                decision.upheld() ? IndicatorEvent.Action.DISPUTE_UPHELD : IndicatorEvent.Action.DISPUTE_REJECTED,
                actor,
                "dispute " + dispute.id + ": " + reason,
                now);
        if (decision.upheld() && indicator.status == Indicator.Status.PUBLISHED) {
            close(
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

    // ---------------------------------------------------------------- look-ups for other features

    /**
     * For each identifier (given by its lookup hashes, most specific first) the listed indicator
     * it matches, or null. One query for all of them.
     */
    @Transactional
    public List<IndicatorViews.Mark> marks(List<List<byte[]>> lookupHashes) {
        List<byte[]> all = lookupHashes.stream().flatMap(List::stream).toList();
        Map<String, Indicator> listed = new LinkedHashMap<>();
        if (!all.isEmpty()) {
            listedAmong(all, now()).forEach(i -> listed.putIfAbsent(hex(i.valueHash), i));
        }
        List<IndicatorViews.Mark> marks = new ArrayList<>();
        for (List<byte[]> hashes : lookupHashes) {
            Indicator match = hashes.stream()
                    .map(h -> listed.get(hex(h)))
                    .filter(i -> i != null)
                    .findFirst()
                    .orElse(null);
            marks.add(
                    match == null
                            ? null
                            : new IndicatorViews.Mark(match.id, match.publishedAt, match.expiresAt, match.scamTypes));
        }
        return marks;
    }

    /** The listed indicator matching the first (most specific) of {@code hashes} that matches any. */
    Optional<Indicator> listedMatch(List<byte[]> hashes, Instant now) {
        List<Indicator> found = listedAmong(hashes, now);
        for (byte[] hash : hashes) {
            String wanted = hex(hash);
            for (Indicator indicator : found) {
                if (hex(indicator.valueHash).equals(wanted)) {
                    return Optional.of(indicator);
                }
            }
        }
        return Optional.empty();
    }

    private List<Indicator> listedAmong(List<byte[]> hashes, Instant now) {
        return em.createQuery(
                        "select i from Indicator i where i.valueHash in :hashes and i.status = :published"
                                + " and i.expiresAt > :now",
                        Indicator.class)
                .setParameter("hashes", hashes)
                .setParameter("published", Indicator.Status.PUBLISHED)
                .setParameter("now", now)
                .getResultList();
    }

    IdentifierKeys.Key normalize(IndicatorType type, String value, String bank, String provider) {
        IdentifierKeys.Key key = keys.of("", new TipRequest.Identifier(type.identifierType(), value, bank, provider));
        requireListable(key, "value");
        return key;
    }

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
        Instant now = now();
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
        event(
                indicator,
                IndicatorEvent.Action.PROPOSED,
                actor,
                tipReference == null ? "by hand" : "from tip " + tipReference,
                now);
        return indicator;
    }

    private static ApiException duplicate(long id) {
        return ApiException.conflict("This value is already proposed or listed as indicator " + id);
    }

    private void close(
            Indicator indicator, Indicator.Status status, String actor, String reason, IndicatorEvent.Action action) {
        Instant now = now();
        indicator.status = status;
        indicator.closedBy = actor;
        indicator.closedReason = Columns.fit(reason, Indicator.MAX_CLOSED_REASON);
        indicator.updatedAt = now;
        event(indicator, action, actor, reason, now);
    }

    private void event(Indicator indicator, IndicatorEvent.Action action, String actor, String detail, Instant at) {
        IndicatorEvent event = new IndicatorEvent();
        event.indicatorId = indicator.id;
        event.action = action;
        event.actor = actor;
        event.detail = Columns.fit(detail, IndicatorEvent.MAX_DETAIL);
        event.at = at;
        event.persist();
    }

    private static void requireStatus(Indicator indicator, Indicator.Status wanted, String message) {
        if (indicator.status != wanted) {
            throw ApiException.conflict(message + "; this one is " + indicator.status);
        }
    }

    private static void requireListable(IdentifierKeys.Key key, String field) {
        if (key.publicSuffix()) {
            throw ApiException.invalid(
                    field, "is a domain nobody owns (a public suffix such as com.vn): name the site's" + " own domain");
        }
    }

    private Indicator find(long id) {
        Indicator indicator = Indicator.findById(id);
        if (indicator == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return indicator;
    }

    private Indicator locked(long id) {
        Indicator indicator = em.find(Indicator.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (indicator == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return indicator;
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
                history);
    }

    private IndicatorViews.PoliceDispute disputeView(IndicatorDispute d, boolean withContent) {
        Indicator i = find(d.indicatorId);
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

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Microseconds: what DATETIME(6) keeps, so a time read back (and a feed cursor) is the same instant. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
