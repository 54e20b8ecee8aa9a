package org.vigil.checklist;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A checklist in any state, as editors see it: the fields of {@link ChecklistRequest} in the same
 * shape (so that an edit can start from it), plus what the server manages.
 */
@Schema(name = "AdminChecklist")
public record AdminChecklistView(
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
        List<ChecklistRequest.Item> items,
        ChecklistRequest.Bands bands,
        List<String> relatedArticles,

        @Schema(description = "The same checklist in other languages, in any state")
        List<ChecklistView.Translation> translations,

        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt) {

    static AdminChecklistView of(Checklist c, List<ChecklistView.Translation> translations) {
        return new AdminChecklistView(
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
                        .map(i -> new ChecklistRequest.Item(i.key, i.text, i.weight))
                        .toList(),
                new ChecklistRequest.Bands(
                        new ChecklistRequest.Band(0, c.lowAdvice),
                        new ChecklistRequest.Band(c.mediumMinPercent, c.mediumAdvice),
                        new ChecklistRequest.Band(c.highMinPercent, c.highAdvice)),
                List.copyOf(c.relatedArticles),
                translations,
                c.publishedAt,
                c.createdAt,
                c.updatedAt);
    }
}
