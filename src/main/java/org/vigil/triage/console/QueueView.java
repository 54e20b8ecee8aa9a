package org.vigil.triage.console;

import java.util.Arrays;
import java.util.List;
import org.vigil.platform.page.Pages;
import org.vigil.tip.TipCategory;
import org.vigil.tip.TipStatus;
import org.vigil.triage.TriageViews;

/**
 * One page of the queue as the console shows it: the tips, the link to this page's first page (the
 * refresh) and to the next page (the same filters and the cursor), and the number of tips per status for the same filters, each a link that
 * filters by it.
 */
public record QueueView(
        List<TriageViews.QueueItem> items,
        String self,
        String next,
        List<Count> counts,
        List<TipStatus> statuses,
        List<TipCategory> categories) {

    /** A status, its number of tips and the queue filtered by it. */
    public record Count(TipStatus status, long count, String href, boolean current) {}

    static QueueView of(TriageViews.Queue queue, PoliceTipPages.QueueFilters filters, String lang) {
        String next = queue.nextCursor() == null ? null : href(filters, filters.status(), queue.nextCursor(), lang);
        List<Count> counts = Arrays.stream(TipStatus.values())
                .map(s -> new Count(
                        s,
                        queue.counts().getOrDefault(s, 0L),
                        href(filters, s.code(), null, lang),
                        s.code().equalsIgnoreCase(PoliceTipPages.blankToNull(filters.status()))))
                .toList();
        return new QueueView(
                queue.items(),
                href(filters, filters.status(), null, lang),
                next,
                counts,
                List.of(TipStatus.values()),
                List.of(TipCategory.values()));
    }

    static QueueView empty(PoliceTipPages.QueueFilters filters, String lang) {
        return of(new TriageViews.Queue(List.of(), null, java.util.Map.of()), filters, lang);
    }

    private static String href(PoliceTipPages.QueueFilters filters, String status, String cursor, String lang) {
        return Pages.href(
                PoliceTipPages.QUEUE,
                "status",
                PoliceTipPages.blankToNull(status),
                "category",
                PoliceTipPages.blankToNull(filters.category()),
                "region",
                PoliceTipPages.blankToNull(filters.region()),
                "claimed",
                PoliceTipPages.blankToNull(filters.claimed()),
                "assignee",
                PoliceTipPages.blankToNull(filters.assignee()),
                "cursor",
                cursor,
                "lang",
                lang);
    }
}
