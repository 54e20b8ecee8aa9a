package org.vigil.triage.console;

import java.util.List;
import org.vigil.platform.page.Pages;
import org.vigil.platform.web.Page;
import org.vigil.triage.TriageViews;

/**
 * One page of a tip's audit trail on the tip's page (supervisors only), newest first: {@code older}
 * links to the next page by the service's keyset cursor, {@code newest} back to the first page when
 * this is not it, both to the trail's place on the tip's page; {@code stale} when the address's cursor
 * was refused and the newest lines are shown instead.
 */
public record AuditTrail(List<TriageViews.Audit> lines, String older, String newest, boolean stale) {

    /** What a caller who may not read the trail gets: nothing. */
    static final AuditTrail NONE = new AuditTrail(List.of(), null, null, false);

    /** The trail's place on the tip's page, the target of its links. */
    static final String ANCHOR = "#audit";

    static AuditTrail of(Page<TriageViews.Audit> page, String tipPath, String cursor, String lang, boolean stale) {
        String older = page.nextCursor() == null
                ? null
                : Pages.href(tipPath, "audit", page.nextCursor(), "lang", lang) + ANCHOR;
        String newest = cursor == null ? null : Pages.href(tipPath, "lang", lang) + ANCHOR;
        return new AuditTrail(page.items(), older, newest, stale);
    }

    /** Whether this is a later page than the first, which the page opens at once (the officer asked for it). */
    public boolean paged() {
        return newest != null;
    }
}
