package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vigil.indicator.PartnerReports;
import org.vigil.indicator.PoliceReader;

/** The partners' actions of the police API ({@link PartnerActions#forIndicator}) for the indicator feature's pages. */
@ApplicationScoped
class PoliceIndicatorReports implements PartnerReports {

    private final PartnerActions actions;

    PoliceIndicatorReports(PartnerActions actions) {
        this.actions = actions;
    }

    @Override
    public List<Report> on(PoliceReader reader, long id) {
        return actions.forIndicator(reader, id).actions().stream()
                .map(a -> new Report(
                        a.organisation(),
                        a.organisationName(),
                        a.sector().code(),
                        a.kind().code(),
                        a.kind().acted(),
                        a.actedAt(),
                        a.minutesAfterPublication()))
                .toList();
    }
}
