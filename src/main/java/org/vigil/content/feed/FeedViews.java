package org.vigil.content.feed;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.content.ArticleViews.ArticleAttribution;

/** Response bodies of the article feeds. */
public final class FeedViews {

    private FeedViews() {}

    /** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1), whose field names are snake_case. */
    @Schema(name = "JsonFeed", description = "JSON Feed 1.1")
    public record JsonFeed(
            @Schema(examples = FeedViews.JsonFeed.VERSION) String version,
            String title,
            @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl,
            String description,
            @Schema(examples = "vi") String language,
            List<Item> items) {

        public static final String VERSION = "https://jsonfeed.org/version/1.1";
        public static final String MEDIA_TYPE = "application/feed+json";

        @Schema(name = "JsonFeedItem")
        public record Item(
                @Schema(description = "Stable tag: URI of the article")
                String id,

                String url,
                String title,
                String summary,
                @JsonProperty("content_html") String contentHtml,
                @JsonProperty("date_published") Instant datePublished,
                @JsonProperty("date_modified") Instant dateModified,
                List<Author> authors,
                List<String> tags,
                String language,

                @Schema(description = "Extension: source and licence to credit when republishing")
                @JsonProperty("_attribution")
                ArticleAttribution attribution) {}

        @Schema(name = "JsonFeedAuthor")
        public record Author(String name) {}
    }
}
