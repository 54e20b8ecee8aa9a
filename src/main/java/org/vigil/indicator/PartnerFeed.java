package org.vigil.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.web.Keyset;
import org.vigil.platform.web.Page;

/**
 * The feed that keeps banks' and operators' block lists in sync. Ordered by (updatedAt, id), the
 * keyset of every page. Without {@code updatedSince} it is a snapshot of what is listed now;
 * with it, every indicator ever published that changed at or after that instant, delisted and
 * expired ones as tombstones. Proposed and rejected ones never appear: they were never published.
 */
@ApplicationScoped
public class PartnerFeed {

    private static final Keyset<Indicator> BY_CHANGE = Keyset.of(Indicator.class)
            .asc("i.updatedAt", Instant.class, i -> i.updatedAt)
            .asc("i.id", Long.class, i -> i.id);

    private final IndicatorLookups lookups;
    private final EntityManager em;

    PartnerFeed(IndicatorLookups lookups, EntityManager em) {
        this.lookups = lookups;
        this.em = em;
    }

    /** The instant of an {@code updatedSince} parameter, or a 400 problem; null when absent. */
    public static Instant since(String updatedSince) {
        return instant("updatedSince", updatedSince);
    }

    /** The instant of the query parameter {@code name} (the TAXII feed's added_after too), or a 400 problem. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be an ISO-8601 instant such as 2026-07-30T00:00:00Z");
        }
    }

    /** One page of the feed, of the indicator {@code types} only (those the reading organisation receives). */
    @Transactional
    public IndicatorViews.PartnerPage page(
            Collection<IndicatorType> types, Instant updatedSince, String cursor, int limit) {
        Page<IndicatorViews.PartnerItem> page = page(types, updatedSince, cursor, limit, PartnerFeed::item);
        return new IndicatorViews.PartnerPage(page.items(), page.nextCursor());
    }

    /** The same page with each indicator shown by {@code show} as it is at the read's instant (another format). */
    @Transactional
    <T> Page<T> page(
            Collection<IndicatorType> types,
            Instant updatedSince,
            String cursor,
            int limit,
            BiFunction<Indicator, Instant, T> show) {
        Instant now = Indicator.now();
        Where where = (updatedSince == null
                        ? Where.all()
                                .and(
                                        "i.status = :published and i.expiresAt > :now",
                                        "published",
                                        Indicator.Status.PUBLISHED,
                                        "now",
                                        now)
                        : Where.all().and("i.publishedAt is not null and i.updatedAt >= :since", "since", updatedSince))
                .and("i.type in :types", "types", types);
        List<Indicator> rows = BY_CHANGE.rows(em, "select i from Indicator i", where, cursor, limit);
        return BY_CHANGE.page(rows, limit, i -> show.apply(i, now));
    }

    /** How partners see an indicator at {@code now}: listed, or a tombstone (also the body of an urgent push). */
    static IndicatorViews.PartnerItem item(Indicator i, Instant now) {
        IndicatorViews.Shown shown = IndicatorViews.Shown.of(i.type, i.readableValue());
        if (i.listedAt(now)) {
            return new IndicatorViews.PartnerItem(
                    i.id,
                    i.type,
                    shown.value(),
                    shown.bank(),
                    shown.provider(),
                    "listed",
                    i.scamTypes,
                    i.publishedAt,
                    i.expiresAt,
                    i.updatedAt);
        }
        // a tombstone: delisted, or expired (by status, or by date before the expiry job marked it)
        String state = i.status == Indicator.Status.DELISTED ? "delisted" : "expired";
        return new IndicatorViews.PartnerItem(
                i.id, i.type, shown.value(), shown.bank(), shown.provider(), state, null, null, null, i.updatedAt);
    }
}
