package org.vigil.content;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.content.ArticleViews.ArticleDetail;
import org.vigil.content.ArticleViews.ArticleSummaryPage;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.web.PublicCaching;

@Path("/api/v1/articles")
@Tag(name = "Articles", description = "Published articles for apps and news outlets")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ArticleResource {

    private final ArticleQueries queries;
    private final Languages languages;
    private final PublicCaching caching;

    ArticleResource(ArticleQueries queries, Languages languages, PublicCaching caching) {
        this.queries = queries;
        this.languages = languages;
        this.caching = caching;
    }

    @GET
    @Operation(
            summary = "List articles in one language, or what changed since an instant",
            description =
                    "Without `updatedSince`: published articles, newest first (publishedAt, then id, descending). "
                            + "With `updatedSince` (delta sync for offline apps): every change at or after that instant, oldest "
                            + "first (updatedAt, then id, ascending); withdrawn and deleted articles come as tombstones "
                            + "`{slug, lang, updatedAt, withdrawn|deleted: true}`. Follow `nextCursor` until it is absent, then "
                            + "keep the greatest `updatedAt` seen for the next sync. The language is `?lang=`, else "
                            + "Accept-Language, else Vietnamese. Supports If-None-Match.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            headers = @Header(name = "ETag", description = "Changes whenever the page could change"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleSummaryPage.class),
                            examples = @ExampleObject(name = "delta", value = """
                            {"items": [
                              {"slug": "canh-giac-viec-nhe-luong-cao-o-nuoc-ngoai", "lang": "vi",
                               "title": "Cảnh giác với lời mời việc nhẹ lương cao ở nước ngoài",
                               "summary": "Nhiều người bị lừa sang nước ngoài, bị đánh đập và đòi tiền chuộc.",
                               "category": "human-trafficking", "tags": ["viec-lam"],
                               "publishedAt": "2025-07-28T02:00:00Z", "updatedAt": "2025-07-29T08:30:00Z", "version": 3,
                               "url": "https://vigil.example/articles/canh-giac-viec-nhe-luong-cao-o-nuoc-ngoai"},
                              {"slug": "bai-da-go", "lang": "vi", "updatedAt": "2025-07-29T09:00:00Z", "deleted": true}
                            ], "nextCursor": "dQoyMDI1LTA3LTI5VDA5OjAwOjAwWgo0Mg"}""")))
    @APIResponse(responseCode = "304", description = "The page has not changed since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "Unknown language or category, bad instant, limit or cursor")
    public Response list(
            @Parameter(description = "Language code; default from Accept-Language, else vi", example = "vi")
                    @QueryParam("lang")
                    String lang,
            @Parameter(
                            description = "human-trafficking, online-fraud, illegal-exit or forced-labour",
                            example = "online-fraud")
                    @QueryParam("category")
                    String category,
            @Parameter(description = "Only articles with this tag", example = "tien-ao") @QueryParam("tag") String tag,
            @Parameter(
                            description =
                                    "Words that must all appear in title, summary or body; accents and case are ignored",
                            example = "lua dao")
                    @QueryParam("q")
                    @Size(max = 200)
                    String q,
            @Parameter(
                            description = "ISO-8601 instant: delta sync, including tombstones",
                            example = "2025-07-30T00:00:00Z")
                    @QueryParam("updatedSince")
                    String updatedSince,
            @Parameter(description = "Page size, default 20, at most 100 (larger values are capped)")
                    @QueryParam("limit")
                    @Min(1)
                    Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context HttpHeaders headers,
            @Context Request request) {
        String language = languages.resolve(lang, headers);
        ArticleQueries.ListQuery query =
                ArticleQueries.ListQuery.of(language, category, tag, q, updatedSince, limit, cursor);
        return caching.cached(
                request,
                headers,
                ArticleQueries.READ_CACHE_TOPIC,
                query,
                MediaType.APPLICATION_JSON,
                () -> new PublicCaching.Version(queries.listEtag(query), language),
                () -> queries.list(query));
    }

    @GET
    @Path("/{slug}")
    @Operation(
            summary = "Read a published article",
            description = "Body as Markdown and as sanitized HTML, translations, attribution and canonical URL. "
                    + "Drafts, withdrawn and deleted articles are not found. Supports If-None-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The article",
            headers = @Header(name = "ETag", description = "Changes when the article or its translations change"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleDetail.class),
                            examples = @ExampleObject(name = "article", value = """
                            {"slug": "canh-giac-viec-nhe-luong-cao-o-nuoc-ngoai", "lang": "vi",
                             "title": "Cảnh giác với lời mời việc nhẹ lương cao ở nước ngoài",
                             "summary": "Nhiều người bị lừa sang nước ngoài, bị đánh đập và đòi tiền chuộc.",
                             "bodyMarkdown": "## Thủ đoạn\\n\\n- Hứa việc nhẹ lương cao",
                             "bodyHtml": "<h2>Thủ đoạn</h2>\\n<ul>\\n<li>Hứa việc nhẹ lương cao</li>\\n</ul>\\n",
                             "category": "human-trafficking", "tags": ["viec-lam"],
                             "translations": [{"lang": "en", "slug": "beware-of-well-paid-jobs-abroad",
                               "url": "https://vigil.example/articles/beware-of-well-paid-jobs-abroad"}],
                             "attribution": {"source": "Công an tỉnh", "licence": "CC BY 4.0"},
                             "canonicalUrl": "https://vigil.example/articles/canh-giac-viec-nhe-luong-cao-o-nuoc-ngoai",
                             "publishedAt": "2025-07-28T02:00:00Z", "updatedAt": "2025-07-29T08:30:00Z", "version": 3}""")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No published article has this slug")
    public Response get(@PathParam("slug") String slug, @Context Request request, @Context HttpHeaders headers) {
        return caching.cached(
                request,
                headers,
                ArticleQueries.READ_CACHE_TOPIC,
                List.of("article", slug),
                MediaType.APPLICATION_JSON,
                () -> {
                    ArticleQueries.ArticleVersion version = queries.articleVersion(slug);
                    return new PublicCaching.Version(version.etag(), version.lang());
                },
                () -> queries.article(slug));
    }
}
