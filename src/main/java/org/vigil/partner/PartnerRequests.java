package org.vigil.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
}
