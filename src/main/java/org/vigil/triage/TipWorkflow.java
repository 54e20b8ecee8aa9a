package org.vigil.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.indicator.IndicatorRequests;
import org.vigil.indicator.IndicatorService;
import org.vigil.indicator.IndicatorViews;
import org.vigil.platform.error.ApiException;
import org.vigil.tip.TipContent;
import org.vigil.tip.TipStatus;

/**
 * The work on one tip: claims (native SQL, so that of two at once exactly one wins), the status
 * workflow, priority, labels, notes, replies and proposals of its identifiers as indicators. Every
 * method takes the calling {@link Officer} and sees only the tips they see; each action is audited
 * in its own transaction.
 */
@ApplicationScoped
public class TipWorkflow {

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

    private final VisibleTips visible;
    private final TipContent tips;
    private final TriageAudit audit;
    private final IndicatorService indicators;
    private final EntityManager em;

    TipWorkflow(
            VisibleTips visible, TipContent tips, TriageAudit audit, IndicatorService indicators, EntityManager em) {
        this.visible = visible;
        this.tips = tips;
        this.audit = audit;
        this.indicators = indicators;
        this.em = em;
    }

    /**
     * Proposes one of the tip's identifiers as a scam indicator. The officer must see the tip; the
     * use of its content is audited on the tip, the proposal in the indicator's history.
     */
    @Transactional
    public IndicatorViews.Police proposeIndicator(
            Officer officer, String reference, int position, IndicatorRequests.FromTip request) {
        TipContent.Summary tip = visible.find(officer, reference);
        requireFreeOrHeld(officer, tip);
        TipContent.Identifier identifier = tips.identifier(tip.id(), position);
        IndicatorViews.Police proposed = indicators.proposeFromTip(
                officer.name(), identifier.type(), identifier.value(), tip.reference(), request);
        audit.record(
                officer,
                tip,
                AuditAction.INDICATOR_PROPOSED,
                "identifier " + position + " as indicator " + proposed.id());
        return proposed;
    }

    /**
     * Claims the tip for the caller. The UPDATE only matches an unclaimed row and InnoDB locks the
     * row, so of two simultaneous claims exactly one changes it; the other sees 0 rows and gets 409.
     */
    @Transactional
    public TriageViews.Claim claim(Officer officer, String reference) {
        TipContent.Summary tip = visible.find(officer, reference);
        ensureTriageRow(tip);
        Instant now = Instant.now();
        int claimed = em.createNativeQuery("UPDATE tip_triage SET assignee = ?1, claimed_at = ?2, version = version + 1"
                        + " WHERE tip_id = ?3 AND assignee IS NULL")
                .setParameter(1, officer.name())
                .setParameter(2, now)
                .setParameter(3, tip.id())
                .executeUpdate();
        if (claimed == 0) {
            // a locking read sees the committed winner, not this transaction's snapshot
            Object[] holder = (Object[]) em.createNativeQuery(
                            "SELECT assignee, claimed_at FROM tip_triage WHERE tip_id = ?1 LOCK IN SHARE MODE")
                    .setParameter(1, tip.id())
                    .getSingleResult();
            if (officer.name().equals(holder[0])) {
                return new TriageViews.Claim(tip.reference(), officer.name(), toInstant(holder[1]));
            }
            throw ApiException.conflict("Another officer has already claimed this tip");
        }
        audit.record(officer, tip, AuditAction.CLAIM, null);
        return new TriageViews.Claim(tip.reference(), officer.name(), now);
    }

    /** The assignee (or a supervisor) gives the tip back to the queue. */
    @Transactional
    public TriageViews.Claim release(Officer officer, String reference) {
        TipContent.Summary tip = visible.find(officer, reference);
        ensureTriageRow(tip);
        int released = em.createNativeQuery("UPDATE tip_triage SET assignee = NULL, claimed_at = NULL,"
                        + " version = version + 1 WHERE tip_id = ?1 AND assignee IS NOT NULL AND (?2 OR assignee = ?3)")
                .setParameter(1, tip.id())
                .setParameter(2, officer.seesAllRegions())
                .setParameter(3, officer.name())
                .executeUpdate();
        if (released == 0) {
            throw ApiException.conflict(
                    officer.seesAllRegions() ? "This tip is not claimed" : "This tip is not claimed by you");
        }
        audit.record(officer, tip, AuditAction.RELEASE, null);
        return new TriageViews.Claim(tip.reference(), null, null);
    }

    /** A supervisor gives the tip to an officer (or to nobody), whoever holds it now. */
    @Transactional
    public TriageViews.Claim reassign(Officer supervisor, String reference, String assignee) {
        TipContent.Summary tip = visible.find(supervisor, reference);
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
                .setParameter(3, tip.id())
                .executeUpdate();
        audit.record(supervisor, tip, AuditAction.REASSIGN, to == null ? "to nobody" : "to " + to);
        return new TriageViews.Claim(tip.reference(), to, now);
    }

    /** The statuses a tip may move to from {@code from}: what the console offers, what this class allows. */
    public static Set<TipStatus> nextStatuses(TipStatus from) {
        return NEXT.get(from);
    }

    @Transactional
    public TriageViews.QueueItem changeStatus(Officer officer, String reference, TriageRequests.StatusChange change) {
        return changeStatus(officer, reference, change, null);
    }

    /**
     * The same, refused with 412 when the tip is no longer at {@code seenVersion} (the console's form
     * carries the version its page showed, so that a decision taken on a stale page is not applied);
     * null: no such check (the API).
     */
    @Transactional
    public TriageViews.QueueItem changeStatus(
            Officer officer, String reference, TriageRequests.StatusChange change, Long seenVersion) {
        TipContent.Summary tip = visible.find(officer, reference);
        requireFreeOrHeld(officer, tip);
        if (seenVersion != null && seenVersion != tip.version()) {
            throw ApiException.preconditionFailed("This tip was changed since the page showed it (now version "
                    + tip.version() + "); read it again and reapply the change");
        }
        TipStatus from = tip.status();
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
                String self = tip.reference();
                if (duplicateOf.equals(self) || !visible.sees(officer, duplicateOf)) {
                    throw ApiException.invalid("duplicateOf", "must be the reference of another tip you can see");
                }
            } else if (change.duplicateOf() != null) {
                throw ApiException.invalid("duplicateOf", "is only for reason duplicate");
            }
        } else if (change.reason() != null || change.duplicateOf() != null) {
            throw ApiException.invalid("reason", "is only for status REJECTED");
        }
        TipContent.Summary moved = tips.moveTo(tip.id(), to);
        TipTriage triage = ensureTriageRow(tip);
        if (to == TipStatus.CLOSED || to == TipStatus.REJECTED || to == TipStatus.REFERRED) {
            triage.closedAt = Instant.now();
        }
        triage.rejection = reason;
        triage.duplicateOf = duplicateOf;
        audit.record(
                officer,
                tip,
                AuditAction.STATUS,
                from + " -> " + to
                        + (reason == null
                                ? ""
                                : " (" + reason + (duplicateOf == null ? "" : " of " + duplicateOf) + ")"));
        em.flush();
        return TriageQueue.queueItem(moved, triage);
    }

    /** Supervisors: a tip on legal hold keeps its content past the retention period. */
    @Transactional
    public boolean legalHold(Officer supervisor, String reference, boolean hold) {
        TipContent.Summary tip = visible.find(supervisor, reference);
        TipTriage triage = ensureTriageRow(tip);
        if (hold && triage.contentPurgedAt != null) {
            throw ApiException.conflict("This tip's content was already deleted under the retention rules");
        }
        triage.legalHold = hold;
        audit.record(supervisor, tip, AuditAction.LEGAL_HOLD, hold ? "on" : "off");
        return hold;
    }

    @Transactional
    public TriageViews.QueueItem changePriority(Officer officer, String reference, Priority priority) {
        TipContent.Summary tip = visible.find(officer, reference);
        requireFreeOrHeld(officer, tip);
        TipTriage triage = ensureTriageRow(tip);
        triage.priority = priority;
        audit.record(officer, tip, AuditAction.PRIORITY, priority.name());
        em.flush();
        return TriageQueue.queueItem(tip, triage);
    }

    @Transactional
    public List<String> replaceLabels(Officer officer, String reference, List<String> labels) {
        TipContent.Summary tip = visible.find(officer, reference);
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
                .setParameter(1, tip.id())
                .executeUpdate();
        for (String label : distinct) {
            em.createNativeQuery("INSERT INTO tip_label (tip_id, label) VALUES (?1, ?2)")
                    .setParameter(1, tip.id())
                    .setParameter(2, label)
                    .executeUpdate();
        }
        audit.record(officer, tip, AuditAction.LABELS, String.join(", ", distinct));
        return List.copyOf(distinct);
    }

    @Transactional
    public TriageViews.Note addNote(Officer officer, String reference, String text) {
        TipContent.Summary tip = visible.find(officer, reference);
        TipNote note = new TipNote();
        note.tipId = tip.id();
        note.author = officer.name();
        note.text = text.strip();
        note.createdAt = Instant.now();
        note.persist();
        audit.record(officer, tip, AuditAction.NOTE, "note " + note.id);
        return new TriageViews.Note(note.author, text.strip(), note.createdAt);
    }

    /** A reply in the tipster's thread, stored by tip as its own message, so the tipster reads it with their receipt. */
    @Transactional
    public TriageViews.Message reply(Officer officer, String reference, String text) {
        TipContent.Summary tip = visible.find(officer, reference);
        requireFreeOrHeld(officer, tip);
        TipContent.Message message = tips.reply(tip.id(), text.strip());
        audit.record(officer, tip, AuditAction.REPLY, "message " + message.id());
        return new TriageViews.Message(message.from(), message.text(), message.sentAt());
    }

    /**
     * A claim is binding: on a tip another officer holds, only they or a supervisor change its status,
     * priority or labels, reply to the tipster or propose its identifiers (409). Reading it, downloading
     * its files and adding an internal note stay open to everyone who sees it. The locking read waits
     * for a claim being written and holds the row until this action commits, so a claim cannot slip in
     * between the check and the action.
     */
    private void requireFreeOrHeld(Officer officer, TipContent.Summary tip) {
        if (officer.seesAllRegions()) {
            return;
        }
        List<?> holder = em.createNativeQuery("SELECT assignee FROM tip_triage WHERE tip_id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, tip.id())
                .getResultList();
        Object assignee = holder.isEmpty() ? null : holder.get(0);
        if (assignee != null && !assignee.equals(officer.name())) {
            throw ApiException.conflict(
                    "Another officer has claimed this tip: only they or a supervisor may act on it");
        }
    }

    private TipTriage ensureTriageRow(TipContent.Summary tip) {
        em.createNativeQuery("INSERT IGNORE INTO tip_triage (tip_id, priority, version) VALUES (?1, 'NORMAL', 0)")
                .setParameter(1, tip.id())
                .executeUpdate();
        return TipTriage.findById(tip.id());
    }

    private static Instant toInstant(Object value) {
        return value instanceof java.sql.Timestamp ts
                ? ts.toInstant()
                : value instanceof java.time.LocalDateTime ldt
                        ? ldt.toInstant(java.time.ZoneOffset.UTC)
                        : (Instant) value;
    }
}
