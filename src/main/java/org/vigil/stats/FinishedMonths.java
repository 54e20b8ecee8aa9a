package org.vigil.stats;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The months that statistics count, oldest first: finished ones only (the current month's counts
 * still move, and comparing answers would single out the newest tips), in the service's zone.
 * {@code bounds} are each month's start and then the end of the last, so the database needs no
 * time-zone tables.
 */
public record FinishedMonths(List<String> names, List<Instant> bounds) {

    /** The last {@code count} finished months (at least one) before now in {@code zone}. */
    public static FinishedMonths last(int count, ZoneId zone) {
        YearMonth last = YearMonth.now(zone).minusMonths(1);
        List<String> names = new ArrayList<>();
        List<Instant> bounds = new ArrayList<>();
        for (int i = Math.max(1, count) - 1; i >= 0; i--) {
            YearMonth month = last.minusMonths(i);
            names.add(month.toString());
            bounds.add(month.atDay(1).atStartOfDay(zone).toInstant());
        }
        bounds.add(last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        return new FinishedMonths(List.copyOf(names), List.copyOf(bounds));
    }
}
