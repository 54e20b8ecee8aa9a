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

    @Schema(
            name = "PartnerWebhook",
            description = "An organisation's webhook for urgent pushes; the secret is never shown")
    public record Webhook(
            @Schema(examples = "vcb") String organisation,

            @Schema(examples = "https://hooks.vcb.example/vigil/urgent")
            String url,

            @Schema(examples = "admin.minh") String createdBy,
            Instant createdAt) {

        static Webhook of(PartnerWebhook w) {
            return new Webhook(w.organisation, w.url, w.createdBy, w.createdAt);
        }
    }

    @Schema(name = "PartnerActionReceipt", description = "An action report as stored")
    public record Action(
            @Schema(examples = "7") long id,
            @Schema(examples = "42") long indicatorId,
            ActionKind kind,
            Instant actedAt,
            @Schema(examples = "VCB-FRZ-2026-0412") String reference,
            String note,
            Instant reportedAt) {}

    @Schema(name = "PolicePartnerAction", description = "What an organisation did, and how long after publication")
    public record PoliceAction(
            @Schema(examples = "vcb") String organisation,
            @Schema(examples = "Vietcombank") String organisationName,
            Sector sector,
            ActionKind kind,
            Instant actedAt,

            @Schema(description = "Minutes from the indicator's publication to the action", examples = "58")
            long minutesAfterPublication,

            String reference,

            @Schema(description = "Null when it no longer decrypts in its place")
            String note,

            String reportedBy,
            Instant reportedAt) {}

    @Schema(name = "PoliceIndicatorPartnerActions", description = "Partners' actions on one published indicator")
    public record IndicatorActions(
            @Schema(examples = "42") long indicatorId,
            IndicatorType type,
            Instant publishedAt,
            @Schema(maxItems = 1000) List<PoliceAction> actions) {}

    @Schema(
            name = "PoliceTipPartnerActions",
            description = "Partners' actions on the indicators of a tip's identifiers")
    public record TipActions(
            @Schema(examples = "7KQM2XHD9PA") String reference,
            @Schema(maxItems = 20) List<IndicatorActions> indicators) {}

    @Schema(name = "PolicePartnerFigures", description = "How fast each organisation acts, per finished month")
    public record OrganisationFigures(
            @Schema(examples = "2025-12") String fromMonth,
            @Schema(examples = "2026-11") String toMonth,
            @Schema(maxItems = 12000) List<OrganisationMonth> organisations) {}

    @Schema(name = "PolicePartnerMonth")
    public record OrganisationMonth(
            @Schema(examples = "2026-07") String month,
            @Schema(examples = "vcb") String organisation,
            Sector sector,

            @Schema(description = "Indicators published that month of a type it receives", examples = "23")
            long indicatorsReceived,

            @Schema(
                    description = "Median hours from publication to its first action; absent when none",
                    examples = "3.5")
            Double medianHoursToFirstAction,

            @Schema(
                    description = "Share (0 to 1) first acted on within 24 hours; absent when none received",
                    examples = "0.74")
            Double shareActedWithin24h) {}

    @Schema(name = "FilingProofVerdict", description = "Only ever true: a proof that is not valid is a 422 problem")
    public record FilingProofVerdict(boolean valid) {}
}
