package org.vigil.partner;

import java.util.List;
import org.vigil.indicator.IndicatorType;

/** The caller of a partner endpoint: a user of a registered, enabled organisation. */
public record Partner(String organisation, Sector sector, List<IndicatorType> indicatorTypes, String user) {}
