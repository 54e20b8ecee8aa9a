package org.vigil.triage.console;

import java.time.Duration;
import java.time.Instant;
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
        AuditTrail audit,
        List<Priority> priorities,
        List<String> scamTypes,
        Instant shownAt) {

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

    /**
     * How long ago the tip came in, in the words {@code key} with its two numbers: minutes under an
     * hour, hours and minutes under two days, then days and hours (what an officer weighs at a glance).
     */
    public Age age() {
        Duration waited = Duration.between(details.receivedAt(), shownAt);
        long minutes = Math.max(0, waited.toMinutes());
        if (minutes < 60) {
            return new Age("police.tip.age.minutes", minutes, 0);
        }
        if (minutes < 48 * 60) {
            return new Age("police.tip.age.hours", minutes / 60, minutes % 60);
        }
        return new Age("police.tip.age.days", minutes / (24 * 60), minutes / 60 % 24);
    }

    /** An age in words: the key of {@code police.tip.age.*} and its numbers. */
    public record Age(String key, long first, long second) {}

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
