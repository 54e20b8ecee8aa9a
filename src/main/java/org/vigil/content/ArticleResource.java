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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
    public Response list(
            @QueryParam("lang") String lang,
            @QueryParam("category") String category,
            @QueryParam("tag") String tag,
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("updatedSince") String updatedSince,
            @QueryParam("limit") @Min(1) Integer limit,
            @QueryParam("cursor") String cursor,
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
