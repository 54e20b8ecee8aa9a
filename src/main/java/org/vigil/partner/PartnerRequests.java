package org.vigil.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

    @Schema(
            name = "PartnerWebhookRequest",
            description = "Where the organisation receives urgent pushes, and the secret that signs them")
    public record Webhook(
            @NotBlank
            @Size(max = 2000)
            @Schema(required = true, description = "An https URL", examples = "https://hooks.vcb.example/vigil/urgent")
            String url,

            @NotBlank
            @Size(min = 32, max = 200)
            @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be visible ASCII characters")
            @Schema(
                    required = true,
                    description =
                            "The HMAC-SHA256 key (its UTF-8 bytes) of the Vigil-Signature header, 32 to 200"
                                    + " visible ASCII characters, e.g. `openssl rand -hex 32`; stored encrypted, never shown again",
                    examples = "9f2c4e1a7b3d8c6f0e5a2b9d4c7f1e3a8b6d2c5f9e0a4b7c3d1f8e6a2c9b5d7f")
            String secret) {}

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

    @Schema(name = "FilingProofCheck")
    public record FilingProof(
            @NotBlank
            @Size(max = 4000)
            @Schema(required = true, description = "The compact JWS the tipster showed", maxLength = 4000)
            String proof) {}
}
