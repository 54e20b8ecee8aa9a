package org.vigil.checklist;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the checklist endpoints. */
public final class ChecklistRequests {

    private ChecklistRequests() {}

    /** What an editor writes; the whole checklist is replaced on update, items included. */
    @Schema(
            name = "ChecklistInput",
            description =
                    "A checklist as an editor writes it; ids, status, version and timestamps are set by the server")
    public record Draft(
            @Schema(
                    description = "Unique address of the checklist, lower-case words joined by hyphens",
                    examples = "is-this-job-offer-abroad-a-trap")
            @NotBlank
            @Size(max = 120)
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
            String slug,

            @Schema(description = "Language code, one of GET /api/v1/languages", examples = "en")
            @NotBlank
            @Size(max = 12)
            String lang,

            @Schema(
                    description = "Shared by the translations of one checklist; defaults to the slug",
                    examples = "job-offer-abroad")
            @Size(max = 120)
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
            String translationKey,

            @Schema(ref = "ScamType") @NotBlank @Size(max = 40)
            String scamType,

            @Schema(examples = "Is this job offer abroad a trap?") @NotBlank @Size(max = 200)
            String title,

            @Schema(description = "Plain text shown above the questions") @NotBlank @Size(max = 4000)
            String introduction,

            @Schema(description = "Red-flag questions, answered yes or no; at most " + Checklist.MAX_ITEMS)
            @NotNull
            @Size(min = 1, max = Checklist.MAX_ITEMS)
            List<@NotNull @Valid Item> items,

            @NotNull @Valid Bands bands,

            @Schema(
                    description = "Slugs of articles for further reading",
                    examples = "[\"well-paid-easy-jobs-abroad-the-traffickers-trap\"]")
            @Size(max = 20)
            List<@NotBlank @Size(max = 160) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String> relatedArticles) {

        static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
        static final String SLUG_MESSAGE = "must be lower-case letters and digits joined by single hyphens";

        @Schema(name = "ChecklistItemInput")
        public record Item(
                @Schema(
                        description = "Stable id that answers refer to; unique within the checklist",
                        examples = "asks-upfront-fee")
                @NotBlank
                @Size(max = 60)
                @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
                String id,

                @Schema(examples = "Were you asked to pay a fee before you leave?") @NotBlank @Size(max = 500)
                String text,

                @Schema(description = "How strongly a yes points to a scam, 1 to 10", examples = "8")
                @NotNull
                @Min(1)
                @Max(10)
                Integer weight) {}

        @Schema(
                name = "RiskBandsInput",
                description =
                        "Thresholds as percentages of the maximum score: low must start at 0, medium and high above it, increasing")
        public record Bands(
                @NotNull @Valid Band low,
                @NotNull @Valid Band medium,
                @NotNull @Valid Band high) {}

        @Schema(name = "RiskBandInput")
        public record Band(
                @Schema(
                        description = "Smallest share of the maximum score (0-100 %) that falls in this band",
                        examples = "25")
                @NotNull
                @Min(0)
                @Max(100)
                Integer minPercent,

                @Schema(description = "What to do when the score falls in this band") @NotBlank @Size(max = 2000)
                String advice) {}
    }

    /** A citizen's yes/no answers; every item of the checklist must be answered exactly once. */
    @Schema(name = "AssessmentInput")
    public record Answers(
            @Schema(description = "One answer per item of the checklist, in any order")
            @NotNull
            @Size(min = 1, max = Checklist.MAX_ITEMS)
            List<@NotNull @Valid Answer> answers) {

        @Schema(name = "AssessmentAnswer")
        public record Answer(
                @Schema(description = "The id of a checklist item", examples = "asks-upfront-fee")
                @NotBlank
                @Size(max = 60)
                String itemId,

                @Schema(description = "true when the red flag applies (yes)", examples = "true") @NotNull
                Boolean answer) {}
    }
}
