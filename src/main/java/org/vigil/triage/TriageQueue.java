package org.vigil.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.platform.db.Where;
import org.vigil.platform.web.Keyset;
import org.vigil.platform.web.Page;
import org.vigil.tip.TipCategory;
import org.vigil.tip.TipContent;
import org.vigil.tip.TipRequests;
import org.vigil.tip.TipService;
import org.vigil.tip.TipStatus;

/**
 * The police queue and the lists of tips: only tips the officer sees, without content. It reads
 * tips' columns joined with triage's own (a read model; tip's rows are written only by tip).
 */
@ApplicationScoped
public class TriageQueue {

    private static final String QUEUE_COLUMNS = "select t.id, t.reference, t.status, t.category, t.inDangerNow,"
            + " t.regionCode, tt.priority, tt.assignee, t.createdAt from Tip t left join TipTriage tt on tt.tipId = t.id";

    /** The queue's order: in danger now first, then oldest first. */
    private static final Keyset<Object[]> QUEUE_ORDER = Keyset.of(Object[].class)
            .desc("t.inDangerNow", Boolean.class, r -> r[4])
            .asc("t.createdAt", Instant.class, r -> r[8])
            .asc("t.id", Long.class, r -> r[0]);

    private static final Keyset<Object[]> NEWEST_TIPS =
            Keyset.of(Object[].class).desc("t.id", Long.class, r -> r[0]);

    private final TipService tips;
    private final TriageConfig config;
    private final EntityManager em;

    TriageQueue(TipService tips, TriageConfig config, EntityManager em) {
        this.tips = tips;
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
        Where where = VisibleTips.where(officer);
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
        Page<TriageViews.QueueItem> page = QUEUE_ORDER.page(rows, limit, TriageQueue::queueItem);
        return new TriageViews.Queue(page.items(), page.nextCursor(), counts);
    }

    /** Visible tips naming this identifier, newest first; the search is audited. */
    @Transactional
    public Page<TriageViews.QueueItem> tipsNaming(
            Officer officer, TipRequests.Tip.Identifier identifier, String cursor, int limit) {
        byte[] hash = tips.identifierHash(identifier);
        Where where = VisibleTips.where(officer);
        where.and("t.id in (select i.tipId from TipIdentifier i where i.normalizedHash = :hash)", "hash", hash);
        List<Object[]> rows = NEWEST_TIPS.rows(em, QUEUE_COLUMNS, where, cursor, limit);
        Page<TriageViews.QueueItem> page = NEWEST_TIPS.page(rows, limit, TriageQueue::queueItem);
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

    /** Visible tips sharing an identifier with {@code tipId}, newest first. */
    List<TriageViews.QueueItem> related(Officer officer, long tipId) {
        Where where = VisibleTips.where(officer);
        where.and(
                "t.id <> :self and t.id in (select b.tipId from TipIdentifier a, TipIdentifier b"
                        + " where a.tipId = :self and b.normalizedHash = a.normalizedHash)",
                "self",
                tipId);
        return where
                .bind(em.createQuery(QUEUE_COLUMNS + where.clause() + " order by t.id desc", Object[].class))
                .setMaxResults(config.relatedLimit())
                .getResultList()
                .stream()
                .map(TriageQueue::queueItem)
                .toList();
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

    static TriageViews.QueueItem queueItem(TipContent.Summary tip, TipTriage triage) {
        return new TriageViews.QueueItem(
                tip.reference(),
                tip.status(),
                tip.category(),
                tip.inDangerNow(),
                tip.regionCode(),
                triage.priority,
                triage.assignee,
                tip.createdAt());
    }
}
