package org.vigil.indicator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.checklist.ScamType;

/** Response bodies of the indicator endpoints. */
public final class IndicatorViews {

    private IndicatorViews() {}

    /** A normalised value as shown: the account digits with their bank, the wallet id with its provider. */
    record Shown(String value, String bank, String provider) {

        static Shown of(IndicatorType type, String canonical) {
            return switch (type) {
                case BANK_ACCOUNT -> new Shown(after(canonical), before(canonical), null);
                case E_WALLET -> new Shown(after(canonical), null, before(canonical));
                default -> new Shown(canonical, null, null);
            };
        }

        private static String before(String canonical) {
            int colon = canonical.indexOf(':');
            return colon < 0 ? null : canonical.substring(0, colon);
        }

        private static String after(String canonical) {
            return canonical.substring(canonical.indexOf(':') + 1);
        }
    }

    @Schema(
            name = "IndicatorCheckResult",
            description = "Whether a police-verified indicator matches the value checked,"
                    + " and what to do. The value is not stored or logged.")
    public record CheckResult(
            IndicatorType type,

            @Schema(
                    description = "The value as normalised (E.164 phone, account digits, a link's host)",
                    examples = "+84388123456")
            String value,

            @Schema(examples = "VCB") String bank,
            @Schema(examples = "MOMO") String provider,

            @Schema(description = "A police-verified, current indicator matches")
            boolean listed,

            @Schema(description = "Present when listed") Match match,

            @Schema(description = "What to do, in the answer's language")
            String advice,

            @Schema(description = "Checklists about the scam types of the match", maxItems = 20)
            List<Related> checklists,

            @Schema(description = "Articles to read about them", maxItems = 20)
            List<Related> articles) {}

    @Schema(name = "IndicatorMatch")
    public record Match(
            @Schema(description = "Since when the police list it")
            Instant listedSince,

            @Schema(description = "Listed until (exclusive); it is verified again before then or leaves the list")
            Instant listedUntil,

            @Schema(examples = "[\"impersonated-police\"]") List<ScamType> scamTypes,

            @Schema(
                    description = "For a link: the listed domain, which covers its subdomains",
                    examples = "viec-nhe-luong-cao.vn")
            String domain) {}

    @Schema(name = "IndicatorRelatedContent")
    public record Related(
            @Schema(examples = "is-this-job-offer-abroad-a-trap")
            String slug,

            @Schema(examples = "Is this job offer abroad a trap?")
            String title,

            @Schema(examples = "https://vigil.example.gov.vn/api/v1/checklists/is-this-job-offer-abroad-a-trap")
            String url) {}

    @Schema(name = "IndicatorDisputeReceipt")
    public record DisputeReceipt(
            @Schema(examples = "received") String status,

            @Schema(
                    examples = "The police will review your dispute. If it is upheld, the value leaves the public check"
                            + " and the partner feed.")
            String message) {}

    @Schema(name = "PoliceIndicator", description = "An indicator as the police see it: value decrypted")
    public record Police(
            @Schema(examples = "42") long id,
            IndicatorType type,
            @Schema(examples = "+84388123456") String value,
            @Schema(examples = "VCB") String bank,
            @Schema(examples = "MOMO") String provider,
            List<ScamType> scamTypes,
            @Schema(examples = "PROPOSED") Indicator.Status status,

            @Schema(description = "The tip it was proposed from", examples = "7KQM2XHD9PA")
            String sourceTip,

            @Schema(description = "Only in the details of one indicator")
            String evidence,

            @Schema(examples = "officer.lan") String proposedBy,
            Instant proposedAt,
            @Schema(examples = "supervisor.hung") String verifiedBy,
            Instant publishedAt,

            @Schema(description = "Listed until (exclusive)")
            Instant expiresAt,

            @Schema(description = "Who rejected or delisted it")
            String closedBy,

            String closedReason,
            Instant updatedAt,

            @Schema(description = "Disputes waiting for a decision")
            long openDisputes,

            @Schema(description = "Present when published as urgent")
            Urgent urgent,

            @Schema(description = "Only in the details of one indicator: what happened to it, oldest first")
            List<Event> history) {}

    @Schema(name = "PoliceIndicatorUrgency", description = "An urgent publication and its confirmation")
    public record Urgent(
            @Schema(description = "A second supervisor confirms it before this, or it lapses")
            Instant confirmBy,

            @Schema(description = "Listed until (exclusive) once confirmed")
            Instant expiresAtIfConfirmed,

            @Schema(examples = "supervisor.mai") String confirmedBy,
            Instant confirmedAt) {

        static Urgent of(Indicator i) {
            return i.urgentConfirmBy == null
                    ? null
                    : new Urgent(i.urgentConfirmBy, i.urgentExpiresAt, i.urgentConfirmedBy, i.urgentConfirmedAt);
        }
    }

    @Schema(name = "PoliceIndicatorEvent")
    public record Event(
            @Schema(examples = "PUBLISHED") IndicatorEvent.Action action,
            @Schema(examples = "supervisor.hung") String actor,
            @Schema(examples = "listed until 2027-07-30") String detail,
            Instant at) {}

    @Schema(name = "PoliceIndicatorDispute")
    public record PoliceDispute(
            @Schema(examples = "7") long id,
            @Schema(examples = "42") long indicatorId,
            IndicatorType type,
            @Schema(examples = "+84388123456") String value,
            String bank,
            String provider,
            @Schema(examples = "PUBLISHED") Indicator.Status indicatorStatus,
            @Schema(examples = "OPEN") IndicatorDispute.Status status,

            @Schema(description = "Supervisors only (each reading is audited)")
            String statement,

            @Schema(description = "How to reach the disputant, if they gave it: name, phone, email. Supervisors only")
            Map<String, Object> contact,

            @Schema(examples = "vi") String language,
            Instant receivedAt,
            String decidedBy,
            Instant decidedAt,
            String decisionReason,

            @Schema(
                    description =
                            "When the statement and contact were deleted under the retention rules; absent while kept")
            Instant contentPurgedAt) {}

    @Schema(name = "IndicatorMark", description = "The verified indicator an identifier of a tip matches")
    public record Mark(
            @Schema(examples = "42") long indicatorId,
            Instant listedSince,
            Instant listedUntil,
            List<ScamType> scamTypes) {}

    @Schema(
            name = "PartnerIndicator",
            description = "An indicator in the partner feed. state `listed`: block or warn;"
                    + " `delisted` or `expired` (a tombstone): remove it from your list.")
    public record PartnerItem(
            @Schema(description = "Stable id; a value listed again later gets a new id", examples = "42")
            long id,

            IndicatorType type,

            @Schema(
                    description = "Normalised: E.164 phone, account digits, wallet id, or a domain (covering its"
                            + " subdomains)",
                    examples = "+84388123456")
            String value,

            @Schema(examples = "VCB") String bank,
            @Schema(examples = "MOMO") String provider,

            @Schema(
                    examples = "listed",
                    enumeration = {"listed", "delisted", "expired"})
            String state,

            @Schema(description = "Listed ones only") List<ScamType> scamTypes,
            @Schema(description = "Listed ones only") Instant listedSince,

            @Schema(description = "Listed ones only: listed until (exclusive)")
            Instant listedUntil,

            @Schema(description = "Sort key of the feed") Instant updatedAt) {}

    @Schema(name = "PartnerIndicatorPage")
    public record PartnerPage(
            @Schema(maxItems = 100) List<PartnerItem> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}

    /** Documents the page type in OpenAPI (generic types are erased). */
    @Schema(name = "PoliceIndicatorPage")
    public record PolicePage(
            @Schema(maxItems = 100) java.util.List<IndicatorViews.Police> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}

    @Schema(name = "PoliceIndicatorDisputePage")
    public record PoliceDisputePage(
            @Schema(maxItems = 100) java.util.List<IndicatorViews.PoliceDispute> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}
}
