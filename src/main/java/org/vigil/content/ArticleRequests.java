package org.vigil.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.platform.web.Slugs;

/** Request bodies of the article endpoints. */
public final class ArticleRequests {

    private ArticleRequests() {}

    /**
     * What an editor writes: the same body creates an article and replaces it (PUT). Status, version,
     * timestamps and ids are not here; they change only through the lifecycle operations.
     */
    @Schema(name = "ArticleRequest")
    public record Draft(
            @Schema(
                    description = "URL slug, unique forever; generated from the title when absent. "
                            + "It can change only until the article is first published.",
                    examples = "canh-giac-viec-nhe-luong-cao-o-nuoc-ngoai")
            @Size(max = Slugs.MAX_LENGTH)
            @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by hyphens")
            String slug,

            @Schema(
                    description = "Articles sharing this key are translations of each other (one per language)",
                    examples = "fake-jobs-abroad")
            @Size(max = 120)
            @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by hyphens")
            String translationKey,

            @Schema(description = "Language code, one of GET /api/v1/languages", examples = "vi")
            @NotBlank
            @Size(max = 12)
            String lang,

            @Schema(
                    description = "One of: human-trafficking, online-fraud, illegal-exit, forced-labour "
                            + "(the article_category table)",
                    examples = "human-trafficking")
            @NotBlank
            @Size(max = 40)
            String category,

            @Schema(examples = "Cảnh giác với lời mời việc nhẹ lương cao ở nước ngoài") @NotBlank @Size(max = 200)
            String title,

            @Schema(examples = "Nhiều người bị lừa sang nước ngoài làm việc, bị đánh đập và đòi tiền chuộc.")
            @NotBlank
            @Size(max = 1000)
            String summary,

            @Schema(
                    description = "Markdown (CommonMark), at most 100 kB in UTF-8; raw HTML is sanitized away",
                    examples = "## Thủ đoạn\n\n- Hứa việc nhẹ lương cao\n- Lo hết vé máy bay")
            @NotBlank
            @Size(max = ArticleService.MAX_BODY_BYTES)
            String bodyMarkdown,

            @Schema(
                    description = "At most 20 tags, each lower-case words joined by hyphens, at most 40 characters",
                    examples = "[\"viec-lam\", \"tien-chuoc\"]")
            @Size(max = 20)
            List<
                            @NotNull @Size(max = 40)
                            @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by hyphens")
                            String>
                    tags,

            @Schema(description = "Who published it first; news outlets credit it", examples = "Công an tỉnh")
            @NotBlank
            @Size(max = 200)
            String source,

            @Schema(examples = "Phòng Cảnh sát hình sự") @Size(max = 200)
            String author,

            @Schema(examples = "CC BY 4.0") @Size(max = 100) String licence,

            @Schema(
                    description = "Absolute http(s) URL when the article lives elsewhere first; "
                            + "defaults to <publicBaseUrl>/articles/<slug>",
                    examples = "https://baoninhthuan.com.vn/news/153365p1c30/")
            @Size(max = 500)
            String canonicalUrl) {}

    /** When a draft publishes itself (or a scheduled article's new time). */
    @Schema(name = "ArticleSchedule")
    public record Schedule(
            @Schema(
                    description =
                            "A UTC instant in the future, at most 366 days ahead; readers see the article from then",
                    examples = "2027-07-30T12:00:00Z")
            @NotNull
            Instant publishAt) {}
}
