package org.vigil.partner;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.indicator.IndicatorType;

/** Response bodies of the partner endpoints. */
public final class PartnerViews {

    private PartnerViews() {}

    @Schema(name = "PartnerOrganisation")
    public record Organisation(
            @Schema(description = "The value of the partner token's organisation claim", examples = "vcb")
            String code,

            @Schema(examples = "Vietcombank") String name,
            Sector sector,
            boolean enabled,
            List<IndicatorType> indicatorTypes,
            Instant createdAt,
            Instant updatedAt) {

        static Organisation of(PartnerOrganisation o) {
            return new Organisation(o.code, o.name, o.sector, o.enabled, o.indicatorTypes, o.createdAt, o.updatedAt);
        }
    }

    @Schema(name = "PartnerOrganisationPage")
    public record OrganisationPage(
            @Schema(maxItems = 100) List<Organisation> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}
}
