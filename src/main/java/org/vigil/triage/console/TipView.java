package org.vigil.triage.console;

import java.util.List;
import org.vigil.tip.TipStatus;
import org.vigil.triage.Priority;
import org.vigil.triage.TriageViews;

/**
 * A tip as the console shows it to {@code me}: the API's details, and what the page offers from
 * them. The offers follow the service's rules (a claim binds: on a tip another officer holds, only
 * they or a supervisor change it), so the page never offers what the service would refuse.
 */
public record TipView(
        TriageViews.Details details,
        String me,
        boolean supervisor,
        List<TipStatus> nextStatuses,
        List<TriageViews.Audit> audit,
        List<Priority> priorities,
        List<String> scamTypes) {

    static final String PROPOSAL = "indicator-";

    public boolean mine() {
        return me.equals(details.assignee());
    }

    /** Held by another officer, and the caller is no supervisor: they may read it and add notes only. */
    public boolean heldByOther() {
        return details.assignee() != null && !mine() && !supervisor;
    }

    /** Status, priority, labels, replies and proposals: open to the assignee, to anyone on a free tip, to supervisors. */
    public boolean mayChange() {
        return !heldByOther();
    }

    public boolean mayRelease() {
        return details.assignee() != null && (mine() || supervisor);
    }

    /** The name of the form proposing the identifier at {@code position}, and of its place on the page. */
    public String indicatorForm(int position) {
        return PROPOSAL + position;
    }

    public boolean isImage(TriageViews.Attachment attachment) {
        return attachment.mediaType().startsWith("image/");
    }

    public String labelText() {
        return String.join(", ", details.labels());
    }

    /** The text of a message or note as paragraphs: the page keeps the writer's line breaks. */
    public List<String> paragraphs(String text) {
        return text == null ? List.of() : List.of(text.split("\\R"));
    }
}
