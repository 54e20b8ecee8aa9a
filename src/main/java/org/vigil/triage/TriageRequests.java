package org.vigil.triage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.platform.security.StaffName;
import org.vigil.tip.TipStatus;

/** Request bodies of the police endpoints. */
public final class TriageRequests {

    private TriageRequests() {}

    @Schema(
            name = "PoliceStatusChange",
            description = "Moves a tip on: NEW → TRIAGED → INVESTIGATING → REFERRED or"
                    + " CLOSED; NEW or TRIAGED → REJECTED with a reason")
    public record StatusChange(
            @NotNull @Schema(required = true, examples = "TRIAGED")
            TipStatus status,

            @Schema(
                    description = "Required for REJECTED: spam or duplicate",
                    enumeration = {"spam", "duplicate"},
                    examples = "duplicate")
            String reason,

            @Schema(
                    description = "For reason duplicate: the reference of the tip this one repeats",
                    examples = "4HX9TQ2M8B7")
            @Size(max = 11)
            String duplicateOf) {}

    @Schema(name = "PoliceAssignment", description = "A supervisor hands a tip to an officer, or to nobody")
    public record Assignment(
            @Size(min = 1, max = StaffName.MAX_LENGTH)
            @Schema(description = "The officer's upn; null releases the tip", examples = "officer.minh")
            String assignee) {}

    @Schema(name = "PoliceLegalHold", description = "A tip on legal hold keeps its content past the retention period")
    public record LegalHold(
            @NotNull @Schema(required = true, examples = "true")
            Boolean hold) {}

    @Schema(name = "PolicePriority")
    public record PriorityChange(
            @NotNull @Schema(required = true, examples = "HIGH")
            Priority priority) {}

    @Schema(name = "PoliceLabels", description = "Replaces the tip's labels")
    public record Labels(
            @NotNull @Size(max = 20) @Schema(required = true, examples = "[\"ransom\", \"cambodia\"]")
            // No \p{..} classes: the pattern is also checked by JavaScript tools without Unicode mode.
            List<
                            @NotNull @Size(max = 40)
                            @Pattern(
                                    regexp = "^[^\\s<>&\"'][^<>&\"'\\t\\r\\n]{0,39}$",
                                    message = "must be 1-40 characters without markup or line breaks")
                            String>
                    labels) {}

    @Schema(name = "PoliceText", description = "An internal note, or a reply that the tipster will read")
    public record Text(
            @NotBlank
            @Size(max = 4000)
            @Schema(
                    required = true,
                    maxLength = 4000,
                    examples = "Cảm ơn bạn. Bạn có thể gửi ảnh chụp tin nhắn đòi tiền chuộc không?")
            String text) {}
}
