package org.vigil.checklist;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line of the public list; the questions come with the checklist itself. */
@Schema(name = "ChecklistSummary")
public record ChecklistSummary(
        @Schema(examples = "is-this-job-offer-abroad-a-trap")
        String slug,

        ScamType scamType,

        @Schema(examples = "Is this job offer abroad a trap?")
        String title,

        String introduction,
        @Schema(examples = "en") String lang,
        Instant publishedAt,
        Instant updatedAt) {

    static ChecklistSummary of(Checklist c) {
        return new ChecklistSummary(c.slug, c.scamType, c.title, c.introduction, c.lang, c.publishedAt, c.updatedAt);
    }
}
