package org.vigil.content;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.platform.db.Versioned;

/** Response bodies of the article endpoints; each made from an article and the URL readers are given. */
public final class ArticleViews {

    private ArticleViews() {}

    @Schema(
            name = "ArticleSummary",
            description =
                    "A list entry without body. In delta sync (updatedSince) an article "
                            + "that was withdrawn or deleted comes as a tombstone: only slug, lang, updatedAt and withdrawn or deleted.")
    public record ArticleSummary(
            @Schema(examples = "canh-giac-viec-nhe-luong-cao-o-nuoc-ngoai")
            String slug,

            @Schema(examples = "vi") String lang,
            String title,
            String summary,
            @Schema(examples = "human-trafficking") String category,
            List<String> tags,
            Instant publishedAt,
            Instant updatedAt,
            Long version,

            @Schema(description = "Canonical URL of the article")
            String url,

            @Schema(description = "Tombstone: the article was withdrawn; remove it")
            Boolean withdrawn,

            @Schema(description = "Tombstone: the article was deleted; remove it")
            Boolean deleted) {

        static ArticleSummary of(Article a, String url) {
            return switch (a.status) {
                case WITHDRAWN ->
                    new ArticleSummary(
                            a.slug, a.lang, null, null, null, null, null, a.updatedAt, null, null, true, null);
                case DELETED ->
                    new ArticleSummary(
                            a.slug, a.lang, null, null, null, null, null, a.updatedAt, null, null, null, true);
                default ->
                    new ArticleSummary(
                            a.slug,
                            a.lang,
                            a.title,
                            a.summary,
                            a.category,
                            List.copyOf(a.tags),
                            a.publishedAt,
                            a.updatedAt,
                            a.version,
                            url,
                            null,
                            null);
            };
        }
    }

    /** Documents {@code Page<ArticleSummary>} in OpenAPI, which cannot name a generic type. */
    @Schema(name = "ArticleSummaryPage")
    public record ArticleSummaryPage(
            List<ArticleSummary> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}

    @Schema(name = "ArticleTranslation")
    public record ArticleTranslation(
            @Schema(examples = "en") String lang,

            @Schema(examples = "beware-of-well-paid-jobs-abroad")
            String slug,

            String url) {}

    @Schema(name = "ArticleAttribution", description = "Credit this when republishing")
    public record ArticleAttribution(
            @Schema(examples = "Công an tỉnh") String source,
            String author,
            @Schema(examples = "CC BY 4.0") String licence) {}

    @Schema(name = "Article", description = "A published article")
    public record ArticleDetail(
            String slug,
            String lang,
            String title,
            String summary,

            @Schema(description = "The body as the editor wrote it (CommonMark)")
            String bodyMarkdown,

            @Schema(description = "The body as sanitized HTML, safe to embed")
            String bodyHtml,

            String category,
            List<String> tags,
            List<ArticleTranslation> translations,
            ArticleAttribution attribution,
            String canonicalUrl,
            Instant publishedAt,
            Instant updatedAt,
            long version) {

        static ArticleDetail of(Article a, String url, List<ArticleTranslation> translations) {
            return new ArticleDetail(
                    a.slug,
                    a.lang,
                    a.title,
                    a.summary,
                    a.bodyMarkdown,
                    a.bodyHtml,
                    a.category,
                    List.copyOf(a.tags),
                    translations,
                    new ArticleAttribution(a.source, a.author, a.licence),
                    url,
                    a.publishedAt,
                    a.updatedAt,
                    a.version);
        }
    }

    @Schema(
            name = "ArticleAdmin",
            description = "An article in any state, as editors see it; its ETag is \"<version>\"")
    public record ArticleAdmin(
            long id,
            String slug,
            String translationKey,
            String lang,
            String category,
            String title,
            String summary,
            String bodyMarkdown,
            String bodyHtml,
            List<String> tags,
            String source,
            String author,
            String licence,

            @Schema(description = "The canonical URL the editor set, if any")
            String canonicalUrl,

            @Schema(description = "The canonical URL readers are given")
            String url,

            @Schema(enumeration = {"draft", "scheduled", "published", "withdrawn", "deleted"})
            String status,

            Instant createdAt,

            @Schema(
                    description =
                            "The last change; while scheduled, the publication time (readers see the change then)")
            Instant updatedAt,

            @Schema(description = "The first publication; when scheduled, the time it publishes itself")
            Instant publishedAt,

            long version) {

        static ArticleAdmin of(Article a, String url) {
            return new ArticleAdmin(
                    a.id,
                    a.slug,
                    a.translationKey,
                    a.lang,
                    a.category,
                    a.title,
                    a.summary,
                    a.bodyMarkdown,
                    a.bodyHtml,
                    List.copyOf(a.tags),
                    a.source,
                    a.author,
                    a.licence,
                    a.canonicalUrl,
                    url,
                    a.state(Versioned.now()).code(),
                    a.createdAt,
                    a.updatedAt,
                    a.publishedAt,
                    a.version);
        }
    }

    @Schema(name = "ArticleAdminSummary")
    public record ArticleAdminSummary(
            long id,
            String slug,
            String lang,
            String category,
            String title,

            @Schema(enumeration = {"draft", "scheduled", "published", "withdrawn", "deleted"})
            String status,

            Instant updatedAt,
            Instant publishedAt,
            long version) {

        static ArticleAdminSummary of(Article a) {
            return new ArticleAdminSummary(
                    a.id,
                    a.slug,
                    a.lang,
                    a.category,
                    a.title,
                    a.state(Versioned.now()).code(),
                    a.updatedAt,
                    a.publishedAt,
                    a.version);
        }
    }
}
