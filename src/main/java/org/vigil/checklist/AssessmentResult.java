package org.vigil.checklist;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of a self-assessment; computed on the fly and never stored. */
@Schema(name = "AssessmentResult")
public record AssessmentResult(
        @Schema(examples = "is-this-job-offer-abroad-a-trap")
        String checklist,

        @Schema(examples = "en") String lang,

        @Schema(description = "Sum of the weights of the items answered yes", examples = "28")
        int score,

        @Schema(examples = "64") int maxScore,
        RiskBand band,

        @Schema(description = "The checklist's advice for this band")
        String advice,

        @Schema(description = "The items answered yes, in checklist order")
        List<ChecklistView.Item> redFlags,

        NextSteps nextSteps) {

    @Schema(name = "AssessmentNextSteps", description = "Where to turn for help")
    public record NextSteps(
            @Schema(
                    description = "Anonymous tip line of this service",
                    examples = "https://vigil.example.gov.vn/api/v1/tips")
            String tipLineUrl,

            @Schema(description = "Police hotline to call in an emergency", examples = "113")
            String policeHotline) {}
}
