package org.vigil.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.indicator.IndicatorRequests;
import org.vigil.indicator.IndicatorService;
import org.vigil.indicator.IndicatorViews;
import org.vigil.platform.crypto.Reading;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.web.Keyset;
import org.vigil.platform.web.Page;
import org.vigil.tip.AttachmentDigests;
import org.vigil.tip.IdentifierKeys;
import org.vigil.tip.Tip;
import org.vigil.tip.TipAttachment;
import org.vigil.tip.TipCategory;
import org.vigil.tip.TipIdentifier;
import org.vigil.tip.TipMessage;
import org.vigil.tip.TipRequest;
import org.vigil.tip.TipService;
import org.vigil.tip.TipStatus;

/**
 * The police side of tips. Every method takes the calling {@link Officer}: a tip outside the
 * officer's region is answered exactly like a tip that does not exist (404), so references of
 * other units' tips cannot be probed. Each access to content and each action is audited in the
 * same transaction as the action itself.
 */
@ApplicationScoped
public class TriageService {

    /** The workflow; anything else is a 409. */
    private static final Map<TipStatus, Set<TipStatus>> NEXT = Map.of(
            TipStatus.NEW, Set.of(TipStatus.TRIAGED, TipStatus.REJECTED),
            TipStatus.TRIAGED, Set.of(TipStatus.INVESTIGATING, TipStatus.REJECTED),
            TipStatus.INVESTIGATING, Set.of(TipStatus.REFERRED, TipStatus.CLOSED),
            TipStatus.REFERRED, Set.of(),
            TipStatus.CLOSED, Set.of(),
            TipStatus.REJECTED, Set.of());

    /** Characters of tip_label.label, as TriageRequests.Labels validates them. */
    private static final int MAX_LABEL = 40;

    private static final String QUEUE_COLUMNS = "select t.id, t.reference, t.status, t.category, t.inDangerNow,"
            + " t.regionCode, tt.priority, tt.assignee, t.createdAt from Tip t left join TipTriage tt on tt.tipId = t.id";

    /** The queue's order: in danger now first, then oldest first. */
    private static final Keyset<Object[]> QUEUE_ORDER = Keyset.of(Object[].class)
            .desc("t.inDangerNow", Boolean.class, r -> r[4])
            .asc("t.createdAt", Instant.class, r -> r[8])
            .asc("t.id", Long.class, r -> r[0]);

    private static final Keyset<Object[]> NEWEST_TIPS =
            Keyset.of(Object[].class).desc("t.id", Long.class, r -> r[0]);
    private static final Keyset<AuditEntry> NEWEST_AUDIT =
            Keyset.of(AuditEntry.class).desc("e.id", Long.class, e -> e.id);

    private final TipService tips;
    private final IdentifierKeys identifierKeys;
    private final IndicatorService indicators;
    private final TriageConfig config;
    private final EntityManager em;

    TriageService(
            TipService tips,
            IdentifierKeys identifierKeys,
            IndicatorService indicators,
            TriageConfig config,
            EntityManager em) {
        this.tips = tips;
        this.identifierKeys = identifierKeys;
        this.indicators = indicators;
        this.config = config;
        this.em = em;
    }

    /** Filters of the queue; null means "any". */
    public record QueueFilter(
            TipStatus status,
            TipCategory category,
            String region,
            Boolean inDangerNow,
            String assignee,
            Boolean claimed) {}

    @Transactional
    public TriageViews.Queue queue(Officer officer, QueueFilter filter, String cursor, int limit) {
        Where where = visible(officer);
        if (filter.category() != null) {
            where.and("t.category = :category", "category", filter.category());
        }
        if (filter.region() != null) {
            where.and("t.regionCode = :region", "region", filter.region().toUpperCase(Locale.ROOT));
        }
        if (filter.inDangerNow() != null) {
            where.and("t.inDangerNow = :danger", "danger", filter.inDangerNow());
        }
        if (filter.assignee() != null) {
            where.and("tt.assignee = :assignee", "assignee", filter.assignee());
        }
        if (filter.claimed() != null) {
            where.and(filter.claimed() ? "tt.assignee is not null" : "tt.assignee is null");
        }
        Map<TipStatus, Long> counts = new EnumMap<>(TipStatus.class);
        where.bind(em.createQuery(
                        "select t.status, count(t) from Tip t left join TipTriage tt on tt.tipId = t.id"
                                + where.clause() + " group by t.status",
                        Object[].class))
                .getResultList()
                .forEach(r -> counts.put((TipStatus) r[0], (Long) r[1]));

        if (filter.status() != null) {
            where.and("t.status = :status", "status", filter.status());
        }
        List<Object[]> rows = QUEUE_ORDER.rows(em, QUEUE_COLUMNS, where, cursor, limit);
        Page<TriageViews.QueueItem> page = QUEUE_ORDER.page(rows, limit, TriageService::queueItem);
        return new TriageViews.Queue(page.items(), page.nextCursor(), counts);
    }

    /** The tip decrypted for the officer; the reading is audited. */
    @Transactional
    public TriageViews.Details details(Officer officer, String reference) {
        Tip tip = visibleTip(officer, reference);
        audit(officer, tip, AuditAction.VIEW, null);
        TipTriage triage = TipTriage.findById(tip.id);
        // a value that does not decrypt in its place (moved or altered in the database) is shown as
        // null and named in "unreadable", rather than failing the whole answer
        Reading reading = new Reading();
        List<TriageViews.Identifier> identifiers = identifiers(tip, reading);
        List<TipMessage> messageRows = TipMessage.list("tipId = ?1 order by id", tip.id);
        List<TriageViews.Message> messages = new ArrayList<>();
        for (TipMessage m : messageRows) {
            reading.of("messages[" + messages.size() + "]", m);
            messages.add(new TriageViews.Message(m.author.toLowerCase(Locale.ROOT), m.text, m.createdAt));
        }
        List<TipAttachment> attachmentRows = TipAttachment.list("tipId = ?1 order by id", tip.id);
        List<TriageViews.Attachment> attachments = new ArrayList<>();
        for (TipAttachment a : attachmentRows) {
            reading.of("attachments[" + attachments.size() + "]", a);
            attachments.add(new TriageViews.Attachment(
                    a.id, a.name, a.mediaType, a.sizeBytes, AttachmentDigests.shown(a.sha256), a.locationKept));
        }
        List<TipNote> noteRows = TipNote.list("tipId = ?1 order by id", tip.id);
        List<TriageViews.Note> notes = new ArrayList<>();
        for (TipNote n : noteRows) {
            reading.of("notes[" + notes.size() + "]", n);
            notes.add(new TriageViews.Note(n.author, n.text, n.createdAt));
        }
        reading.of("", tip);
        Map<String, Object> place = tip.place;
        String narrative = tip.narrative;
        Map<String, Object> contact = tip.contact;
        return new TriageViews.Details(
                tip.reference,
                tip.status,
                tip.category,
                tip.inDangerNow,
                tip.incidentDate,
                tip.regionCode,
                place,
                narrative,
                contact,
                tip.language,
                tip.createdAt,
                triage == null ? Priority.NORMAL : triage.priority,
                triage == null ? null : triage.assignee,
                labels(tip.id),
                triage == null ? null : triage.rejection,
                triage == null ? null : triage.duplicateOf,
                identifiers,
                messages,
                attachments,
                notes,
                related(officer, tip),
                triage != null && triage.legalHold,
                triage == null ? null : triage.contentPurgedAt,
                tip.version,
                reading.unreadable());
    }

    /**
     * The tip's identifiers decrypted, each marked with the listed scam indicator it matches (one
     * query for all of them; a listed domain marks links to its subdomains too).
     */
    private List<TriageViews.Identifier> identifiers(Tip tip, Reading reading) {
        List<TipIdentifier> rows = TipIdentifier.list("tipId = ?1 order by position", tip.id);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            values.add(reading.of("identifiers[" + i + "]", rows.get(i)).value);
        }
        List<List<byte[]>> lookups = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            lookups.add(values.get(i) == null ? List.of() : identifierKeys.lookupHashes(rows.get(i), values.get(i)));
        }
        List<IndicatorViews.Mark> marks = indicators.marks(lookups);
        List<TriageViews.Identifier> identifiers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TipIdentifier row = rows.get(i);
            identifiers.add(new TriageViews.Identifier(row.type.code(), values.get(i), row.position, marks.get(i)));
        }
        return identifiers;
    }

    /**
     * Proposes one of the tip's identifiers as a scam indicator. The officer must see the tip; the
     * use of its content is audited on the tip, the proposal in the indicator's history.
     */
    @Transactional
    public IndicatorViews.Police proposeIndicator(
            Officer officer, String reference, int position, IndicatorRequests.FromTip request) {
        Tip tip = visibleTip(officer, reference);
        requireFreeOrHeld(officer, tip);
        TipIdentifier identifier = TipIdentifier.find("tipId = ?1 and position = ?2", tip.id, position)
                .firstResult();
        if (identifier == null) {
            throw ApiException.notFound("This tip has no identifier at this position");
        }
        identifier.requireReadable();
        IndicatorViews.Police proposed =
                indicators.proposeFromTip(officer.name(), identifier.type, identifier.value, tip.reference, request);
        audit(
                officer,
                tip,
                AuditAction.INDICATOR_PROPOSED,
                "identifier " + position + " as indicator " + proposed.id());
        return proposed;
    }

    /** A file of the tip, decrypted; the download is audited. */
    @Transactional
    public Download download(Officer officer, String reference, long attachmentId) {
        Tip tip = visibleTip(officer, reference);
        TipAttachment file = TipAttachment.find("id = ?1 and tipId = ?2", attachmentId, tip.id)
                .firstResult();
        if (file == null) {
            throw ApiException.notFound("This tip has no such attachment");
        }
        audit(officer, tip, AuditAction.DOWNLOAD, "attachment " + file.id);
        file.requireReadable();
        return new Download(file.name, file.mediaType, file.openContent());
    }

    public record Download(String name, String mediaType, byte[] content) {}

    /**
     * Claims the tip for the caller. The UPDATE only matches an unclaimed row and InnoDB locks the
     * row, so of two simultaneous claims exactly one changes it; the other sees 0 rows and gets 409.
     */
    @Transactional
    public TriageViews.Claim claim(Officer officer, String reference) {
        Tip tip = visibleTip(officer, reference);
        ensureTriageRow(tip);
        Instant now = Instant.now();
        int claimed = em.createNativeQuery("UPDATE tip_triage SET assignee = ?1, claimed_at = ?2, version = version + 1"
                        + " WHERE tip_id = ?3 AND assignee IS NULL")
                .setParameter(1, officer.name())
                .setParameter(2, now)
                .setParameter(3, tip.id)
                .executeUpdate();
        if (claimed == 0) {
            // a locking read sees the committed winner, not this transaction's snapshot
            Object[] holder = (Object[]) em.createNativeQuery(
                            "SELECT assignee, claimed_at FROM tip_triage WHERE tip_id = ?1 LOCK IN SHARE MODE")
                    .setParameter(1, tip.id)
                    .getSingleResult();
            if (officer.name().equals(holder[0])) {
                return new TriageViews.Claim(tip.reference, officer.name(), toInstant(holder[1]));
            }
            throw ApiException.conflict("Another officer has already claimed this tip");
        }
        audit(officer, tip, AuditAction.CLAIM, null);
        return new TriageViews.Claim(tip.reference, officer.name(), now);
    }

    /** The assignee (or a supervisor) gives the tip back to the queue. */
    @Transactional
    public TriageViews.Claim release(Officer officer, String reference) {
        Tip tip = visibleTip(officer, reference);
        ensureTriageRow(tip);
        int released = em.createNativeQuery("UPDATE tip_triage SET assignee = NULL, claimed_at = NULL,"
                        + " version = version + 1 WHERE tip_id = ?1 AND assignee IS NOT NULL AND (?2 OR assignee = ?3)")
                .setParameter(1, tip.id)
                .setParameter(2, officer.seesAllRegions())
                .setParameter(3, officer.name())
                .executeUpdate();
        if (released == 0) {
            throw ApiException.conflict(
                    officer.seesAllRegions() ? "This tip is not claimed" : "This tip is not claimed by you");
        }
        audit(officer, tip, AuditAction.RELEASE, null);
        return new TriageViews.Claim(tip.reference, null, null);
    }

    /** A supervisor gives the tip to an officer (or to nobody), whoever holds it now. */
    @Transactional
    public TriageViews.Claim reassign(Officer supervisor, String reference, String assignee) {
        Tip tip = visibleTip(supervisor, reference);
        ensureTriageRow(tip);
        String to = assignee == null ? null : assignee.strip();
        if (to != null && to.isEmpty()) {
            throw ApiException.invalid("assignee", "must not be blank; send null to release");
        }
        Instant now = to == null ? null : Instant.now();
        em.createNativeQuery(
                        "UPDATE tip_triage SET assignee = ?1, claimed_at = ?2, version = version + 1 WHERE tip_id = ?3")
                .setParameter(1, to)
                .setParameter(2, now)
                .setParameter(3, tip.id)
                .executeUpdate();
        audit(supervisor, tip, AuditAction.REASSIGN, to == null ? "to nobody" : "to " + to);
        return new TriageViews.Claim(tip.reference, to, now);
    }

    @Transactional
    public TriageViews.QueueItem changeStatus(Officer officer, String reference, TriageRequests.StatusChange change) {
        Tip tip = visibleTip(officer, reference);
        requireFreeOrHeld(officer, tip);
        TipStatus from = tip.status;
        TipStatus to = change.status();
        if (!NEXT.get(from).contains(to)) {
            throw ApiException.conflict("A tip cannot go from " + from + " to " + to);
        }
        String reason = null;
        String duplicateOf = null;
        if (to == TipStatus.REJECTED) {
            reason = change.reason() == null ? null : change.reason().strip().toLowerCase(Locale.ROOT);
            if (!"spam".equals(reason) && !"duplicate".equals(reason)) {
                throw ApiException.invalid("reason", "is required to reject a tip: spam or duplicate");
            }
            if (reason.equals("duplicate")) {
                duplicateOf = change.duplicateOf() == null
                        ? ""
                        : change.duplicateOf().strip().toUpperCase(Locale.ROOT);
                String self = tip.reference;
                if (duplicateOf.equals(self)
                        || Tip.byReference(duplicateOf)
                                .filter(t -> sees(officer, t))
                                .isEmpty()) {
                    throw ApiException.invalid("duplicateOf", "must be the reference of another tip you can see");
                }
            } else if (change.duplicateOf() != null) {
                throw ApiException.invalid("duplicateOf", "is only for reason duplicate");
            }
        } else if (change.reason() != null || change.duplicateOf() != null) {
            throw ApiException.invalid("reason", "is only for status REJECTED");
        }
        tip.status = to;
        tip.updatedAt = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        TipTriage triage = ensureTriageRow(tip);
        if (to == TipStatus.CLOSED || to == TipStatus.REJECTED || to == TipStatus.REFERRED) {
            triage.closedAt = Instant.now();
        }
        triage.rejection = reason;
        triage.duplicateOf = duplicateOf;
        audit(
                officer,
                tip,
                AuditAction.STATUS,
                from + " -> " + to
                        + (reason == null
                                ? ""
                                : " (" + reason + (duplicateOf == null ? "" : " of " + duplicateOf) + ")"));
        em.flush();
        return queueItem(tip, triage);
    }

    /** Supervisors: a tip on legal hold keeps its content past the retention period. */
    @Transactional
    public boolean legalHold(Officer supervisor, String reference, boolean hold) {
        Tip tip = visibleTip(supervisor, reference);
        TipTriage triage = ensureTriageRow(tip);
        if (hold && triage.contentPurgedAt != null) {
            throw ApiException.conflict("This tip's content was already deleted under the retention rules");
        }
        triage.legalHold = hold;
        audit(supervisor, tip, AuditAction.LEGAL_HOLD, hold ? "on" : "off");
        return hold;
    }

    @Transactional
    public TriageViews.QueueItem changePriority(Officer officer, String reference, Priority priority) {
        Tip tip = visibleTip(officer, reference);
        requireFreeOrHeld(officer, tip);
        TipTriage triage = ensureTriageRow(tip);
        triage.priority = priority;
        audit(officer, tip, AuditAction.PRIORITY, priority.name());
        em.flush();
        return queueItem(tip, triage);
    }

    @Transactional
    public List<String> replaceLabels(Officer officer, String reference, List<String> labels) {
        Tip tip = visibleTip(officer, reference);
        requireFreeOrHeld(officer, tip);
        Set<String> distinct = new TreeSet<>();
        for (int i = 0; i < labels.size(); i++) {
            // NFC, so that a label typed with combining marks is the same label as its composed form
            String label = Normalizer.normalize(labels.get(i).strip(), Normalizer.Form.NFC)
                    .toLowerCase(Locale.ROOT);
            // lower case can be longer than what was validated ('İ' becomes 'i' and a combining dot)
            if (label.codePointCount(0, label.length()) > MAX_LABEL) {
                throw ApiException.invalid(
                        "labels[" + i + "]", "must be at most " + MAX_LABEL + " characters in lower case");
            }
            distinct.add(label);
        }
        em.createNativeQuery("DELETE FROM tip_label WHERE tip_id = ?1")
                .setParameter(1, tip.id)
                .executeUpdate();
        for (String label : distinct) {
            em.createNativeQuery("INSERT INTO tip_label (tip_id, label) VALUES (?1, ?2)")
                    .setParameter(1, tip.id)
                    .setParameter(2, label)
                    .executeUpdate();
        }
        audit(officer, tip, AuditAction.LABELS, String.join(", ", distinct));
        return List.copyOf(distinct);
    }

    @Transactional
    public TriageViews.Note addNote(Officer officer, String reference, String text) {
        Tip tip = visibleTip(officer, reference);
        TipNote note = new TipNote();
        note.tipId = tip.id;
        note.author = officer.name();
        note.text = text.strip();
        note.createdAt = Instant.now();
        note.persist();
        audit(officer, tip, AuditAction.NOTE, "note " + note.id);
        return new TriageViews.Note(note.author, text.strip(), note.createdAt);
    }

    /**
     * A reply in the tipster's thread: stored as the tip feature's own message (author POLICE), so
     * the tipster reads it with their receipt. Minute precision like every time the tipster sees.
     */
    @Transactional
    public TriageViews.Message reply(Officer officer, String reference, String text) {
        Tip tip = visibleTip(officer, reference);
        requireFreeOrHeld(officer, tip);
        TipMessage message = new TipMessage();
        message.tipId = tip.id;
        message.author = TipMessage.POLICE;
        message.text = text.strip();
        message.createdAt = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        message.persist();
        tip.updatedAt = message.createdAt;
        audit(officer, tip, AuditAction.REPLY, "message " + message.id);
        return new TriageViews.Message("police", text.strip(), message.createdAt);
    }

    /** Visible tips naming this identifier, newest first. */
    @Transactional
    public Page<TriageViews.QueueItem> tipsNaming(
            Officer officer, TipRequest.Identifier identifier, String cursor, int limit) {
        byte[] hash = tips.identifierHash(identifier);
        Where where = visible(officer);
        where.and("t.id in (select i.tipId from TipIdentifier i where i.normalizedHash = :hash)", "hash", hash);
        List<Object[]> rows = NEWEST_TIPS.rows(em, QUEUE_COLUMNS, where, cursor, limit);
        Page<TriageViews.QueueItem> page = NEWEST_TIPS.page(rows, limit, TriageService::queueItem);
        // the search itself (also when it finds nothing), named by the identifier's keyed hash, never its
        // value; and on each tip it disclosed, so that the tip's own log shows who found it this way
        String type = identifier.type().code();
        AuditEntry.record(
                officer,
                null,
                null,
                AuditAction.IDENTIFIER_SEARCH,
                type + " #" + HexFormat.of().formatHex(hash) + ": "
                        + page.items().size() + " tips");
        for (int i = 0; i < page.items().size(); i++) {
            Object[] row = rows.get(i);
            AuditEntry.record(
                    officer, (Long) row[0], (String) row[1], AuditAction.IDENTIFIER_SEARCH, "found by " + type);
        }
        return page;
    }

    /** The audit log of one tip (by reference) or of one officer, newest first; for supervisors. */
    @Transactional
    public Page<TriageViews.Audit> auditLog(String reference, String actor, String cursor, int limit) {
        if ((reference == null) == (actor == null)) {
            throw ApiException.invalid(
                    reference == null ? "reference" : "officer", "give exactly one of reference and officer");
        }
        Where where = Where.all()
                .and(
                        reference != null ? "e.reference = :key" : "e.actor = :key",
                        "key",
                        reference != null ? reference.strip().toUpperCase(Locale.ROOT) : actor);
        return NEWEST_AUDIT.page(
                NEWEST_AUDIT.rows(em, "from AuditEntry e", where, cursor, limit),
                limit,
                e -> new TriageViews.Audit(e.reference, e.actor, e.action, e.detail, e.at));
    }

    private List<TriageViews.QueueItem> related(Officer officer, Tip tip) {
        Where where = visible(officer);
        where.and(
                "t.id <> :self and t.id in (select b.tipId from TipIdentifier a, TipIdentifier b"
                        + " where a.tipId = :self and b.normalizedHash = a.normalizedHash)",
                "self",
                tip.id);
        return where
                .bind(em.createQuery(QUEUE_COLUMNS + where.clause() + " order by t.id desc", Object[].class))
                .setMaxResults(config.relatedLimit())
                .getResultList()
                .stream()
                .map(TriageService::queueItem)
                .toList();
    }

    private Tip visibleTip(Officer officer, String reference) {
        String canonical = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        return Tip.byReference(canonical)
                .filter(t -> sees(officer, t))
                .orElseThrow(() -> ApiException.notFound("No tip with this reference"));
    }

    /**
     * A claim is binding: on a tip another officer holds, only they or a supervisor change its status,
     * priority or labels, reply to the tipster or propose its identifiers (409). Reading it, downloading
     * its files and adding an internal note stay open to everyone who sees it. The locking read waits
     * for a claim being written and holds the row until this action commits, so a claim cannot slip in
     * between the check and the action.
     */
    private void requireFreeOrHeld(Officer officer, Tip tip) {
        if (officer.seesAllRegions()) {
            return;
        }
        List<?> holder = em.createNativeQuery("SELECT assignee FROM tip_triage WHERE tip_id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, tip.id)
                .getResultList();
        Object assignee = holder.isEmpty() ? null : holder.get(0);
        if (assignee != null && !assignee.equals(officer.name())) {
            throw ApiException.conflict(
                    "Another officer has claimed this tip: only they or a supervisor may act on it");
        }
    }

    private static boolean sees(Officer officer, Tip tip) {
        return officer.sees(tip.regionCode);
    }

    private static Where visible(Officer officer) {
        Officer.TipCondition condition = officer.tipCondition();
        return condition == null ? Where.all() : Where.all().and(condition.jpql(), condition.params());
    }

    private TipTriage ensureTriageRow(Tip tip) {
        em.createNativeQuery("INSERT IGNORE INTO tip_triage (tip_id, priority, version) VALUES (?1, 'NORMAL', 0)")
                .setParameter(1, tip.id)
                .executeUpdate();
        return TipTriage.findById(tip.id);
    }

    private void audit(Officer officer, Tip tip, AuditAction action, String detail) {
        AuditEntry.record(officer, tip.id, tip.reference, action, detail);
    }

    private List<String> labels(Long tipId) {
        return em
                .createNativeQuery("SELECT label FROM tip_label WHERE tip_id = ?1 ORDER BY label", String.class)
                .setParameter(1, tipId)
                .getResultList()
                .stream()
                .map(String.class::cast)
                .toList();
    }

    private static Instant toInstant(Object value) {
        return value instanceof java.sql.Timestamp ts
                ? ts.toInstant()
                : value instanceof java.time.LocalDateTime ldt
                        ? ldt.toInstant(java.time.ZoneOffset.UTC)
                        : (Instant) value;
    }

    private static TriageViews.QueueItem queueItem(Object[] r) {
        return new TriageViews.QueueItem(
                (String) r[1],
                (TipStatus) r[2],
                (TipCategory) r[3],
                (Boolean) r[4],
                (String) r[5],
                r[6] == null ? Priority.NORMAL : (Priority) r[6],
                (String) r[7],
                (Instant) r[8]);
    }

    private static TriageViews.QueueItem queueItem(Tip tip, TipTriage triage) {
        return new TriageViews.QueueItem(
                tip.reference,
                tip.status,
                tip.category,
                tip.inDangerNow,
                tip.regionCode,
                triage.priority,
                triage.assignee,
                tip.createdAt);
    }
}
