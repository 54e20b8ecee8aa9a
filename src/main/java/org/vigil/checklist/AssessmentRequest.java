package org.vigil.checklist;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A citizen's yes/no answers; every item of the checklist must be answered exactly once. */
@Schema(name = "AssessmentInput")
public record AssessmentRequest(
        @Schema(description = "One answer per item of the checklist, in any order")
        @NotNull
        @Size(min = 1, max = Checklist.MAX_ITEMS)
        List<@NotNull @Valid Answer> answers) {

    @Schema(name = "AssessmentAnswer")
    public record Answer(
            @Schema(description = "The id of a checklist item", examples = "asks-upfront-fee") @NotBlank @Size(max = 60)
            String itemId,

            @Schema(description = "true when the red flag applies (yes)", examples = "true") @NotNull
            Boolean answer) {}
}
