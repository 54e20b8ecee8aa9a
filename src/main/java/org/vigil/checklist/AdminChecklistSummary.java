package org.vigil.checklist;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdminChecklistSummary")
public record AdminChecklistSummary(
        long id,
        String slug,
        String lang,
        String translationKey,
        ScamType scamType,
        String title,
        ChecklistStatus status,
        long version,
        Instant updatedAt) {

    static AdminChecklistSummary of(Checklist c) {
        return new AdminChecklistSummary(
                c.id, c.slug, c.lang, c.translationKey, c.scamType, c.title, c.status, c.version, c.updatedAt);
    }
}
