package org.vigil.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.web.Cursor;
import org.vigil.platform.web.Page;

/**
 * The feed that keeps banks' and operators' block lists in sync. Ordered by (updatedAt, id), the
 * keyset of every page. Without {@code updatedSince} it is a snapshot of what is listed now;
 * with it, every indicator ever published that changed at or after that instant, delisted and
 * expired ones as tombstones. Proposed and rejected ones never appear: they were never published.
 */
@ApplicationScoped
public class PartnerFeed {

    private final IndicatorService indicators;
    private final EntityManager em;

    PartnerFeed(IndicatorService indicators, EntityManager em) {
        this.indicators = indicators;
        this.em = em;
    }

    /** The instant of an {@code updatedSince} parameter, or a 400 problem; null when absent. */
    public static Instant since(String updatedSince) {
        if (updatedSince == null || updatedSince.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(updatedSince.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("updatedSince", "must be an ISO-8601 instant such as 2026-07-30T00:00:00Z");
        }
    }

    @Transactional
    public IndicatorViews.PartnerPage page(Instant updatedSince, String cursor, int limit) {
        Instant now = IndicatorService.now();
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        if (updatedSince == null) {
            where.append("i.status = :published and i.expiresAt > :now");
            params.put("published", Indicator.Status.PUBLISHED);
            params.put("now", now);
        } else {
            where.append("i.publishedAt is not null and i.updatedAt >= :since");
            params.put("since", updatedSince);
        }
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            try {
                params.put("afterAt", Instant.parse(keys.get(0)));
                params.put("afterId", Long.parseLong(keys.get(1)));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw ApiException.invalid("cursor", "is not a cursor given by this API");
            }
            where.append(" and (i.updatedAt > :afterAt or (i.updatedAt = :afterAt and i.id > :afterId))");
        }
        var query = em.createQuery("select i from Indicator i where " + where + " order by i.updatedAt, i.id",
                Indicator.class);
        params.forEach(query::setParameter);
        List<Indicator> rows = query.setMaxResults(limit + 1).getResultList();
        Page<IndicatorViews.PartnerItem> page = Page.of(rows, limit, i -> item(i, now),
                i -> Cursor.encode(i.updatedAt, i.id));
        return new IndicatorViews.PartnerPage(page.items(), page.nextCursor());
    }

    private IndicatorViews.PartnerItem item(Indicator i, Instant now) {
        IndicatorViews.Shown shown = IndicatorViews.Shown.of(i.type, indicators.decryptValue(i));
        if (i.listedAt(now)) {
            return new IndicatorViews.PartnerItem(i.id, i.type, shown.value(), shown.bank(), shown.provider(), "listed",
                    i.scamTypes, i.publishedAt, i.expiresAt, i.updatedAt);
        }
        // a tombstone: delisted, or expired (by status, or by date before the expiry job marked it)
        String state = i.status == Indicator.Status.DELISTED ? "delisted" : "expired";
        return new IndicatorViews.PartnerItem(i.id, i.type, shown.value(), shown.bank(), shown.provider(), state,
                null, null, null, i.updatedAt);
    }
}
