package org.vigil.content.feed;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.content.ArticleQueries;
import org.vigil.content.ArticleQueries.FeedState;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.web.PublicCaching;

/**
 * Feeds for news outlets and feed readers. The ETag comes from the published articles' count, last
 * change and versions in the language, so a poll that finds nothing new costs one aggregate query.
 */
@Path("/feeds")
@Tag(name = "Feeds", description = "Atom and JSON Feed of the latest published articles, per language")
@PermitAll
public class FeedResource {

    private final ArticleFeeds feeds;
    private final ArticleQueries queries;
    private final Languages languages;
    private final PublicCaching caching;

    FeedResource(ArticleFeeds feeds, ArticleQueries queries, Languages languages, PublicCaching caching) {
        this.feeds = feeds;
        this.queries = queries;
        this.languages = languages;
        this.caching = caching;
    }

    @GET
    @Path("/articles.atom")
    @Produces({"application/atom+xml", MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public Response atom(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context Request request) {
        String language = languages.resolve(lang, headers);
        return caching.cached(
                request,
                headers,
                ArticleQueries.READ_CACHE_TOPIC,
                List.of("feed", language),
                ArticleFeeds.ATOM_MEDIA_TYPE,
                () -> new PublicCaching.Version(etag("atom", language, queries.feedState(language)), language),
                () -> feeds.atom(language, queries.feedState(language)));
    }

    @GET
    @Path("/articles.json")
    @Produces({FeedViews.JsonFeed.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response json(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context Request request) {
        String language = languages.resolve(lang, headers);
        return caching.cached(
                request,
                headers,
                ArticleQueries.READ_CACHE_TOPIC,
                List.of("feed", language),
                FeedViews.JsonFeed.MEDIA_TYPE,
                () -> new PublicCaching.Version(etag("json", language, queries.feedState(language)), language),
                () -> feeds.jsonFeed(language));
    }

    private static EntityTag etag(String format, String language, FeedState state) {
        return PublicCaching.etag("feed", format, language, state.count(), state.lastUpdated(), state.versionSum());
    }
}
