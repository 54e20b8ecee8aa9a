package org.vigil.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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

    /** The versions in the order they were added (TAXII's date_added): the history line's time, then its id. */
    private static final Keyset<Object[]> BY_ADDED = Keyset.of(Object[].class)
            .tagged("versions")
            .asc("e.at", Instant.class, r -> version(r).at)
            .asc("e.id", Long.class, r -> version(r).id);

    /** The history lines that make a version partners see: each moves the indicator's updatedAt. */
    static final Set<IndicatorEvent.Action> VERSIONS = EnumSet.of(
            IndicatorEvent.Action.PUBLISHED,
            IndicatorEvent.Action.URGENT_PUBLISHED,
            IndicatorEvent.Action.URGENT_CONFIRMED,
            IndicatorEvent.Action.DELISTED,
            IndicatorEvent.Action.EXPIRED,
            IndicatorEvent.Action.URGENT_LAPSED);

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
        Instant now = Indicator.now();
        Where where = scope(Where.all(), types, "i.updatedAt", updatedSince, true, now);
        List<Indicator> rows = BY_CHANGE.rows(em, "select i from Indicator i", where, cursor, limit);
        Page<IndicatorViews.PartnerItem> page = BY_CHANGE.page(rows, limit, i -> item(i, now));
        return new IndicatorViews.PartnerPage(page.items(), page.nextCursor());
    }

    /**
     * One page of the feed's versions (for TAXII, where an object's every version is a record of the
     * collection): the history lines that moved an indicator's updatedAt ({@link #VERSIONS}), in the order
     * they were added, each shown by {@code show} with its indicator. The same rows as {@link #page}:
     * the {@code types}' published indicators; without {@code since} those listed now unless
     * {@code listedOnly} is false (an object asked for by id is there whatever its state); {@code match}
     * holds the caller's further conditions on {@code i} (the indicator) and {@code e} (the version).
     */
    @Transactional
    <T> Page<T> versions(
            Collection<IndicatorType> types,
            Instant since,
            boolean listedOnly,
            Where match,
            String cursor,
            int limit,
            BiFunction<Indicator, IndicatorEvent, T> show) {
        Where where = scope(
                match.and("e.action in :versions", "versions", VERSIONS),
                types,
                "e.at",
                since,
                listedOnly,
                Indicator.now());
        List<Object[]> rows = BY_ADDED.rows(
                em, "select e, i from IndicatorEvent e join Indicator i on i.id = e.indicatorId", where, cursor, limit);
        return BY_ADDED.page(rows, limit, r -> show.apply((Indicator) r[1], version(r)));
    }

    /**
     * The feed's rows: published indicators of the {@code types}; changed at or after {@code since} (by
     * the column {@code changed}), or without it, when {@code listedOnly}, those listed at {@code now}.
     */
    private static Where scope(
            Where where,
            Collection<IndicatorType> types,
            String changed,
            Instant since,
            boolean listedOnly,
            Instant now) {
        where.and("i.publishedAt is not null").and("i.type in :types", "types", types);
        if (since != null) {
            return where.and(changed + " >= :since", "since", since);
        }
        if (listedOnly) {
            return where.and(
                    "i.status = :published and i.expiresAt > :now",
                    "published",
                    Indicator.Status.PUBLISHED,
                    "now",
                    now);
        }
        return where;
    }

    private static IndicatorEvent version(Object[] row) {
        return (IndicatorEvent) row[0];
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
