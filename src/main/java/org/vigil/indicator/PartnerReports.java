package org.vigil.indicator;

import java.time.Instant;
import java.util.List;

/**
 * What partner organisations reported doing about one indicator, for the police's pages: who acted,
 * how, and how long after publication. Implemented by org.vigil.partner, which owns the reports and
 * depends on this feature (so this feature must not depend on it).
 */
public interface PartnerReports {

    /**
     * The reports on indicator {@code id}, oldest first; the indicator is checked for the reader as
     * its details are (an unknown or hidden one is a 404).
     */
    List<Report> on(PoliceReader reader, long id);

    /**
     * @param kind the action's code (e.g. {@code account-frozen})
     * @param acted whether it was an action, not a report that there was nothing to act on
     */
    record Report(
            String organisation,
            String organisationName,
            String sector,
            String kind,
            boolean acted,
            Instant actedAt,
            long minutesAfterPublication) {}
}
