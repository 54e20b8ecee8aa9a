package org.vigil.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.vigil.indicator.IndicatorLookups;
import org.vigil.indicator.IndicatorViews;
import org.vigil.platform.crypto.Reading;
import org.vigil.tip.TipContent;

/** A tip opened for an officer: its content from tip, triage's own notes and labels; each reading audited. */
@ApplicationScoped
public class CaseFiles {

    private final VisibleTips visible;
    private final TipContent tips;
    private final TriageQueue queue;
    private final TriageAudit audit;
    private final IndicatorLookups indicators;
    private final EntityManager em;

    CaseFiles(
            VisibleTips visible,
            TipContent tips,
            TriageQueue queue,
            TriageAudit audit,
            IndicatorLookups indicators,
            EntityManager em) {
        this.visible = visible;
        this.tips = tips;
        this.queue = queue;
        this.audit = audit;
        this.indicators = indicators;
        this.em = em;
    }

    /** The tip decrypted for the officer; the reading is audited. */
    @Transactional
    public TriageViews.Details details(Officer officer, String reference) {
        TipContent.Summary tip = visible.find(officer, reference);
        audit.record(officer, tip, AuditAction.VIEW, null);
        TipTriage triage = TipTriage.findById(tip.id());
        // a value that does not decrypt in its place (moved or altered in the database) is shown as
        // null and named in "unreadable", rather than failing the whole answer
        TipContent.Content content = tips.content(tip.id());
        Reading reading = new Reading();
        List<TriageViews.Note> notes = new ArrayList<>();
        for (TipNote n : TipNote.<TipNote>list("tipId = ?1 order by id", tip.id())) {
            reading.of("notes[" + notes.size() + "]", n);
            notes.add(new TriageViews.Note(n.author, n.text, n.createdAt));
        }
        List<String> unreadable = new ArrayList<>(content.unreadable());
        unreadable.addAll(reading.unreadable());
        return new TriageViews.Details(
                tip.reference(),
                tip.status(),
                tip.category(),
                tip.inDangerNow(),
                tip.incidentDate(),
                tip.regionCode(),
                content.place(),
                content.narrative(),
                content.contact(),
                tip.language(),
                tip.createdAt(),
                triage == null ? Priority.NORMAL : triage.priority,
                triage == null ? null : triage.assignee,
                labels(tip.id()),
                triage == null ? null : triage.rejection,
                triage == null ? null : triage.duplicateOf,
                identifiers(content.identifiers()),
                content.messages().stream()
                        .map(m -> new TriageViews.Message(m.from(), m.text(), m.sentAt()))
                        .toList(),
                content.attachments().stream()
                        .map(a -> new TriageViews.Attachment(
                                a.id(), a.name(), a.mediaType(), a.size(), a.sha256(), a.locationKept()))
                        .toList(),
                notes,
                queue.related(officer, tip.id()),
                triage != null && triage.legalHold,
                triage == null ? null : triage.contentPurgedAt,
                tip.version(),
                List.copyOf(unreadable));
    }

    /** A file of the tip, decrypted; the download is audited. */
    @Transactional
    public TipContent.File download(Officer officer, String reference, long attachmentId) {
        TipContent.Summary tip = visible.find(officer, reference);
        TipContent.File file = tips.file(tip.id(), attachmentId);
        audit.record(officer, tip, AuditAction.DOWNLOAD, "attachment " + attachmentId);
        return file;
    }

    /**
     * The tip's identifiers, each marked with the listed scam indicator it matches (one query for
     * all of them; a listed domain marks links to its subdomains too).
     */
    private List<TriageViews.Identifier> identifiers(List<TipContent.Identifier> identifiers) {
        List<IndicatorViews.Mark> marks = indicators.marks(
                identifiers.stream().map(TipContent.Identifier::lookupHashes).toList());
        List<TriageViews.Identifier> shown = new ArrayList<>();
        for (int i = 0; i < identifiers.size(); i++) {
            TipContent.Identifier identifier = identifiers.get(i);
            shown.add(new TriageViews.Identifier(
                    identifier.type().code(), identifier.value(), identifier.position(), marks.get(i)));
        }
        return shown;
    }

    private List<String> labels(long tipId) {
        return em
                .createNativeQuery("SELECT label FROM tip_label WHERE tip_id = ?1 ORDER BY label", String.class)
                .setParameter(1, tipId)
                .getResultList()
                .stream()
                .map(String.class::cast)
                .toList();
    }
}
