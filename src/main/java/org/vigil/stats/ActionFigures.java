package org.vigil.stats;

import java.util.List;

/**
 * How fast partners act on published indicators, per sector and month. Implemented by
 * org.vigil.partner, which owns organisations and their reports; this package must not depend on it.
 */
public interface ActionFigures {

    /** One line per sector and month of {@code months}. */
    List<StatsViews.Statistics.SectorMonth> perSector(FinishedMonths months);
}
