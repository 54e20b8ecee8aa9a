package org.vigil.checklist;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the checklist endpoints. */
public final class ChecklistViews {

    private ChecklistViews() {}

    /** A published checklist as citizens' apps show it. */
    @Schema(name = "Checklist")
    public record Detail(
            @Schema(examples = "is-this-job-offer-abroad-a-trap")
            String slug,

            ScamType scamType,

            @Schema(examples = "Is this job offer abroad a trap?")
            String title,

            String introduction,
            @Schema(examples = "en") String lang,
            List<Item> items,

            @Schema(description = "Sum of all item weights: the score when every answer is yes", examples = "64")
            int maxScore,

            Bands bands,
            List<RelatedArticle> relatedArticles,

            @Schema(description = "The same checklist in other languages")
            List<Translation> translations,

            Instant updatedAt,
            long version) {

        @Schema(name = "ChecklistItem")
        public record Item(
                @Schema(description = "Stable id to answer with", examples = "asks-upfront-fee")
                String id,

                @Schema(examples = "Were you asked to pay a fee before you leave?")
                String text,

                @Schema(description = "1 to 10", examples = "8")
                int weight) {

            static Item of(ChecklistItem item) {
                return new Item(item.key, item.text, item.weight);
            }
        }

        @Schema(name = "RiskBands")
        public record Bands(Band low, Band medium, Band high) {

            static Bands of(Checklist c) {
                int max = c.maxScore();
                return new Bands(
                        new Band(0, 0, c.lowAdvice),
                        new Band(c.mediumMinPercent, RiskBand.minScore(c.mediumMinPercent, max), c.mediumAdvice),
                        new Band(c.highMinPercent, RiskBand.minScore(c.highMinPercent, max), c.highAdvice));
            }
        }

        @Schema(name = "RiskBandAdvice")
        public record Band(
                @Schema(description = "The band starts at this share of the maximum score", examples = "25")
                int minPercent,

                @Schema(description = "The same threshold as a score: the lowest score in this band", examples = "13")
                int minScore,

                String advice) {}

        @Schema(name = "RelatedArticle")
        public record RelatedArticle(
                @Schema(examples = "well-paid-easy-jobs-abroad-the-traffickers-trap")
                String slug,

                @Schema(
                        examples =
                                "https://vigil.example.gov.vn/api/v1/articles/well-paid-easy-jobs-abroad-the-traffickers-trap")
                String url) {}

        @Schema(name = "ChecklistTranslation")
        public record Translation(
                @Schema(examples = "vi") String lang,

                @Schema(examples = "viec-lam-o-nuoc-ngoai-co-phai-bay")
                String slug) {}

        static ChecklistViews.Detail of(Checklist c, List<Translation> translations, String publicBaseUrl) {
            return new ChecklistViews.Detail(
                    c.slug,
                    c.scamType,
                    c.title,
                    c.introduction,
                    c.lang,
                    c.items.stream().map(Item::of).toList(),
                    c.maxScore(),
                    Bands.of(c),
                    c.relatedArticles.stream()
                            .map(slug -> new RelatedArticle(slug, publicBaseUrl + "/api/v1/articles/" + slug))
                            .toList(),
                    translations,
                    c.updatedAt,
                    c.version);
        }
    }

    /** A line of the public list; the questions come with the checklist itself. */
    @Schema(name = "ChecklistSummary")
    public record Summary(
            @Schema(examples = "is-this-job-offer-abroad-a-trap")
            String slug,

            ScamType scamType,

            @Schema(examples = "Is this job offer abroad a trap?")
            String title,

            String introduction,
            @Schema(examples = "en") String lang,
            Instant publishedAt,
            Instant updatedAt) {

        static ChecklistViews.Summary of(Checklist c) {
            return new ChecklistViews.Summary(
                    c.slug, c.scamType, c.title, c.introduction, c.lang, c.publishedAt, c.updatedAt);
        }
    }

    /**
     * A checklist in any state, as editors see it: the fields of {@link ChecklistRequests.Draft} in the same
     * shape (so that an edit can start from it), plus what the server manages.
     */
    @Schema(name = "AdminChecklist")
    public record Admin(
            @Schema(examples = "42") long id,
            ChecklistStatus status,

            @Schema(description = "Send it back as If-Match (the ETag) when changing this checklist", examples = "3")
            long version,

            @Schema(examples = "is-this-job-offer-abroad-a-trap")
            String slug,

            @Schema(examples = "en") String lang,
            @Schema(examples = "job-offer-abroad") String translationKey,
            ScamType scamType,
            String title,
            String introduction,
            List<ChecklistRequests.Draft.Item> items,
            ChecklistRequests.Draft.Bands bands,
            List<String> relatedArticles,

            @Schema(description = "The same checklist in other languages, in any state")
            List<ChecklistViews.Detail.Translation> translations,

            Instant publishedAt,
            Instant createdAt,
            Instant updatedAt) {

        static ChecklistViews.Admin of(Checklist c, List<ChecklistViews.Detail.Translation> translations) {
            return new ChecklistViews.Admin(
                    c.id,
                    c.status,
                    c.version,
                    c.slug,
                    c.lang,
                    c.translationKey,
                    c.scamType,
                    c.title,
                    c.introduction,
                    c.items.stream()
                            .map(i -> new ChecklistRequests.Draft.Item(i.key, i.text, i.weight))
                            .toList(),
                    new ChecklistRequests.Draft.Bands(
                            new ChecklistRequests.Draft.Band(0, c.lowAdvice),
                            new ChecklistRequests.Draft.Band(c.mediumMinPercent, c.mediumAdvice),
                            new ChecklistRequests.Draft.Band(c.highMinPercent, c.highAdvice)),
                    List.copyOf(c.relatedArticles),
                    translations,
                    c.publishedAt,
                    c.createdAt,
                    c.updatedAt);
        }
    }

    @Schema(name = "AdminChecklistSummary")
    public record AdminSummary(
            long id,
            String slug,
            String lang,
            String translationKey,
            ScamType scamType,
            String title,
            ChecklistStatus status,
            long version,
            Instant updatedAt) {

        static ChecklistViews.AdminSummary of(Checklist c) {
            return new ChecklistViews.AdminSummary(
                    c.id, c.slug, c.lang, c.translationKey, c.scamType, c.title, c.status, c.version, c.updatedAt);
        }
    }

    /** The outcome of a self-assessment; computed on the fly and never stored. */
    @Schema(name = "AssessmentResult")
    public record Assessment(
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
            List<ChecklistViews.Detail.Item> redFlags,

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

    /** Documents the page type in OpenAPI (generic types are erased from {@link Response}). */
    @Schema(name = "ChecklistSummaryPage")
    public record SummaryPage(
            List<ChecklistViews.Summary> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}

    @Schema(name = "AdminChecklistSummaryPage")
    public record AdminSummaryPage(
            List<ChecklistViews.AdminSummary> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}
}
