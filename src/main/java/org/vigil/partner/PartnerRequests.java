package org.vigil.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.indicator.IndicatorType;

/** Request bodies of the partner endpoints. */
public final class PartnerRequests {

    /** The form of an organisation's code, as its partner tokens carry it. */
    public static final String CODE_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

    private PartnerRequests() {}

    @Schema(name = "PartnerOrganisationRequest", description = "An organisation on the admins' list")
    public record Organisation(
            @NotBlank @Size(max = 200) @Schema(required = true, examples = "Vietcombank")
            String name,

            @NotNull @Schema(required = true, examples = "bank")
            Sector sector,

            @NotNull @Schema(required = true, description = "false: its tokens get 403")
            Boolean enabled,

            @NotNull
            @Size(min = 1, max = 4)
            @Schema(
                    required = true,
                    description = "Indicator types it receives (and may report on)",
                    examples = "[\"phone\", \"bank-account\"]")
            List<@NotNull IndicatorType> indicatorTypes) {}

    @Schema(name = "PartnerActionReport", description = "What the organisation did about an indicator it received")
    public record Action(
            @NotNull @Schema(required = true, examples = "account-frozen")
            ActionKind kind,

            @NotNull
            @Schema(
                    required = true,
                    description = "When it was done (not before the indicator's publication, not in the future)",
                    examples = "2026-07-30T04:10:00Z")
            Instant actedAt,

            @Size(max = 100) @Schema(description = "The organisation's own reference", examples = "VCB-FRZ-2026-0412")
            String reference,

            @Size(max = 1000)
            @Schema(
                    description = "A note for the police (encrypted at rest)",
                    examples = "Tài khoản đã bị phong tỏa; chủ tài khoản được mời lên chi nhánh.")
            String note) {}
}
