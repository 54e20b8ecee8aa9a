package org.vigil.stats;

import java.time.Instant;
import java.util.List;

/**
 * How fast partners act on published indicators, per sector and month, and how many they acted on. Implemented by
 * org.vigil.partner, which owns organisations and their reports; this package must not depend on it.
 */
public interface ActionFigures {

    /** One line per sector and month of {@code months}. */
    List<StatsViews.Statistics.SectorMonth> perSector(FinishedMonths months);

    /**
     * How many indicators published from {@code from} (included) to {@code to} (excluded) at least one
     * partner organisation acted on (an action, not a report that there was nothing to act on).
     */
    long indicatorsActedOn(Instant from, Instant to);
}
