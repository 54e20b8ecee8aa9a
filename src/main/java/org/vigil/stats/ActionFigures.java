package org.vigil.stats;

import java.time.Instant;
import java.util.List;

/**
 * How fast partners act on published indicators, per sector and month. Implemented by
 * org.vigil.partner, which owns organisations and their reports; this package must not depend on it.
 */
public interface ActionFigures {

    /**
     * One line per sector and month: {@code monthStarts} holds each month's start and, last, the end of
     * the last month; {@code months} names them.
     */
    List<StatsViews.Statistics.SectorMonth> perSector(List<String> months, List<Instant> monthStarts);
}
