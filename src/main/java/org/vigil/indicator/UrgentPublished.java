package org.vigil.indicator;

import java.time.Instant;

/**
 * An indicator was just published as urgent: fired synchronously inside the publication's
 * transaction, so that what observers write (the partner feature's pushes) commits with it or not at all.
 *
 * @param indicator as partners see it in the feed
 * @param confirmBy it leaves the list then unless a second supervisor confirms it
 */
public record UrgentPublished(IndicatorViews.PartnerItem indicator, Instant confirmBy) {}
