package org.vigil.content;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When a draft publishes itself (or a scheduled article's new time). */
@Schema(name = "ArticleSchedule")
public record ArticleSchedule(
        @Schema(
                description = "A UTC instant in the future, at most 366 days ahead; readers see the article from then",
                examples = "2027-07-30T12:00:00Z")
        @NotNull
        Instant publishAt) {}
