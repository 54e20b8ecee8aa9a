package org.vigil.content;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.content.ArticleViews.ArticleDetail;
import org.vigil.content.ArticleViews.ArticleSummary;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.web.Page;

/**
 * Articles as pages: the list (category, search) and each article at the canonical address that the
 * API and the feeds give out, with what news outlets and link previews read (canonical link, Open
 * Graph and Twitter tags, schema.org NewsArticle). From the same {@link ArticleQueries} as the API.
 */
@Path("/articles")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ArticlePages {

    /** The API's own limit of a search. */
    private static final int MAX_QUERY = 200;

    private static final int PAGE_SIZE = 20;

    @CheckedTemplate(basePath = "content")
    static class Templates {
        static native TemplateInstance articles(
                PageFrame page, List<ArticleSummary> items, List<String> categories, Form search, String next);

        static native TemplateInstance article(PageFrame page, ArticleDetail article, String jsonLd);
    }

    private final ArticleQueries queries;
    private final Pages pages;

    ArticlePages(ArticleQueries queries, Pages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @GET
    public Response list(
            @QueryParam("lang") String lang,
            @QueryParam("category") String category,
            @QueryParam("q") String q,
            @QueryParam("cursor") String cursor,
            @Context HttpHeaders headers,
            @Context Request request) {
        String language = pages.language(lang, headers);
        String chosen = category == null || category.isBlank() ? null : category.strip();
        String search = q == null || q.isBlank() ? null : q.strip();
        ArticleQueries.ListQuery query;
        try {
            if (search != null && search.length() > MAX_QUERY) {
                throw ApiException.invalid("q", "must be at most " + MAX_QUERY + " characters");
            }
            query = ArticleQueries.ListQuery.of(language, chosen, null, search, null, PAGE_SIZE, cursor);
        } catch (ApiException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            // the search form again, with what was typed and why it cannot be searched
            PageFrame frame = pages.frame(language, "/articles", "category", chosen, "q", search);
            return pages.page(
                    400,
                    Templates.articles(
                            frame,
                            List.of(),
                            ArticleCategory.codes(),
                            Form.refused(typed(chosen, search), e.errors(), "articles", frame),
                            null),
                    language);
        }
        return pages.cached(
                request,
                headers,
                ArticleQueries.READ_CACHE_TOPIC,
                query,
                () -> Pages.Versioned.of(language, queries.listEtag(query).getValue()),
                l -> {
                    Page<ArticleSummary> page = queries.list(query);
                    String next = page.nextCursor() == null
                            ? null
                            : Pages.href(
                                    "/articles",
                                    "category",
                                    chosen,
                                    "q",
                                    search,
                                    "lang",
                                    l,
                                    "cursor",
                                    page.nextCursor());
                    return Templates.articles(
                            pages.frame(l, "/articles", "category", chosen, "q", search),
                            page.items(),
                            ArticleCategory.codes(),
                            Form.of(typed(chosen, search)),
                            next);
                });
    }

    @GET
    @Path("{slug}")
    public Response one(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context Request request) {
        return pages.cached(
                request,
                headers,
                ArticleQueries.READ_CACHE_TOPIC,
                List.of("article", slug),
                () -> {
                    ArticleQueries.ArticleVersion version;
                    try {
                        version = queries.articleVersion(slug);
                    } catch (ApiException notFound) {
                        if (queries.isGone(slug)) {
                            throw new ApiException(
                                    410, "/problems/gone", "Gone", "This article was withdrawn by its publisher");
                        }
                        throw notFound;
                    }
                    return Pages.Versioned.of(version.lang(), version.etag().getValue());
                },
                lang -> {
                    ArticleDetail article = queries.article(slug);
                    Map<String, String> translations = new LinkedHashMap<>();
                    article.translations().forEach(t -> translations.put(t.lang(), path(t.slug())));
                    PageFrame frame = pages.translated(article.lang(), "/articles", path(slug), translations);
                    return Templates.article(frame, article, pages.jsonLd(newsArticle(article)));
                });
    }

    private static Map<String, String> typed(String category, String q) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("category", category == null ? "" : category);
        typed.put("q", q == null ? "" : q);
        return typed;
    }

    private static String path(String slug) {
        return "/articles/" + slug;
    }

    /** schema.org NewsArticle, as search engines and previews read it. */
    private Map<String, Object> newsArticle(ArticleDetail article) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("headline", article.title());
        data.put("description", article.summary());
        data.put("inLanguage", article.lang());
        data.put("url", article.canonicalUrl());
        data.put("mainEntityOfPage", article.canonicalUrl());
        data.put("datePublished", article.publishedAt());
        data.put("dateModified", article.updatedAt());
        data.put("articleSection", article.category());
        data.put("keywords", article.tags());
        String author = article.attribution().author();
        data.put(
                "author",
                author == null
                        ? Map.of(
                                "@type",
                                "Organization",
                                "name",
                                article.attribution().source())
                        : Map.of("@type", "Person", "name", author));
        data.put(
                "publisher",
                Map.of("@type", "Organization", "name", article.attribution().source()));
        if (article.attribution().licence() != null) {
            data.put("license", article.attribution().licence());
        }
        return data;
    }
}
