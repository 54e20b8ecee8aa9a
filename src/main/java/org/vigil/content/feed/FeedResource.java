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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(
            summary = "Atom 1.0 feed of the latest published articles",
            description = "Language from `?lang=`, else Accept-Language, else Vietnamese. Supports If-None-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Atom feed (RFC 4287)",
            headers = @Header(name = "ETag", description = "Changes when a published article of the language changes"),
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "Unsupported language")
    public Response atom(
            @Parameter(description = "Language code", example = "vi") @QueryParam("lang") String lang,
            @Context HttpHeaders headers,
            @Context Request request) {
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
    @Produces({JsonFeed.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "JSON Feed 1.1 of the latest published articles",
            description = "Language from `?lang=`, else Accept-Language, else Vietnamese. Supports If-None-Match.")
    @APIResponse(
            responseCode = "200",
            description = "JSON Feed 1.1",
            headers = @Header(name = "ETag", description = "Changes when a published article of the language changes"),
            content = @Content(mediaType = JsonFeed.MEDIA_TYPE, schema = @Schema(implementation = JsonFeed.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "Unsupported language")
    public Response json(
            @Parameter(description = "Language code", example = "vi") @QueryParam("lang") String lang,
            @Context HttpHeaders headers,
            @Context Request request) {
        String language = languages.resolve(lang, headers);
        return caching.cached(
                request,
                headers,
                ArticleQueries.READ_CACHE_TOPIC,
                List.of("feed", language),
                JsonFeed.MEDIA_TYPE,
                () -> new PublicCaching.Version(etag("json", language, queries.feedState(language)), language),
                () -> feeds.jsonFeed(language));
    }

    private static EntityTag etag(String format, String language, FeedState state) {
        return PublicCaching.etag("feed", format, language, state.count(), state.lastUpdated(), state.versionSum());
    }
}
