package org.vigil.checklist;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published checklist as citizens' apps show it. */
@Schema(name = "Checklist")
public record ChecklistView(
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

            @Schema(description = "1 to 10", examples = "8") int weight) {

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

    static ChecklistView of(Checklist c, List<Translation> translations, String publicBaseUrl) {
        return new ChecklistView(
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
