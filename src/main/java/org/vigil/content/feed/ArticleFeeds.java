package org.vigil.content.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.vigil.content.Article;
import org.vigil.content.ArticleQueries;
import org.vigil.content.ArticleQueries.FeedState;
import org.vigil.content.ArticleViews.ArticleAttribution;
import org.vigil.content.ContentConfig;

/** The latest published articles of one language as an Atom 1.0 feed (ROME) and as a JSON Feed 1.1 (Jackson). */
@ApplicationScoped
public class ArticleFeeds {

    static final String ATOM_MEDIA_TYPE = "application/atom+xml;charset=UTF-8";

    private final ArticleQueries queries;
    private final ContentConfig config;
    private final ObjectMapper json;
    private final String tagAuthority;

    ArticleFeeds(ArticleQueries queries, ContentConfig config, ObjectMapper json) {
        this.queries = queries;
        this.config = config;
        this.json = json;
        String host = URI.create(queries.publicBaseUrl()).getHost();
        this.tagAuthority = host == null ? "localhost" : host;
    }

    String atom(String lang, FeedState state) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(feedUrl("atom", lang));
        feed.setTitle(title(lang));
        feed.setLanguage(lang);
        feed.setUpdated(Date.from(state.lastUpdated() == null ? Instant.EPOCH : state.lastUpdated()));
        feed.setRights(config.feedRights());
        feed.setAlternateLinks(List.of(link("alternate", queries.publicBaseUrl() + "/", "text/html")));
        feed.setOtherLinks(List.of(link("self", feedUrl("atom", lang), "application/atom+xml")));
        List<Entry> entries = new ArrayList<>();
        for (Article a : queries.latestPublished(lang, config.feedSize())) {
            Entry entry = new Entry();
            entry.setId(entryId(a));
            entry.setTitle(a.title);
            entry.setPublished(Date.from(a.publishedAt));
            entry.setUpdated(Date.from(a.updatedAt));
            Person author = new Person();
            author.setName(authorOf(a));
            entry.setAuthors(List.<SyndPerson>of(author));
            entry.setSummary(content(Content.TEXT, a.summary));
            entry.setContents(List.of(content(Content.HTML, a.bodyHtml)));
            entry.setAlternateLinks(List.of(link("alternate", queries.url(a), "text/html")));
            Category category = new Category();
            category.setTerm(a.category);
            entry.setCategories(List.of(category));
            entry.setRights(rightsOf(a));
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
    }

    String jsonFeed(String lang) {
        List<FeedViews.JsonFeed.Item> items = queries.latestPublished(lang, config.feedSize()).stream()
                .map(a -> new FeedViews.JsonFeed.Item(
                        entryId(a),
                        queries.url(a),
                        a.title,
                        a.summary,
                        a.bodyHtml,
                        a.publishedAt,
                        a.updatedAt,
                        List.of(new FeedViews.JsonFeed.Author(authorOf(a))),
                        List.copyOf(a.tags),
                        a.lang,
                        new ArticleAttribution(a.source, a.author, a.licence)))
                .toList();
        FeedViews.JsonFeed feed = new FeedViews.JsonFeed(
                FeedViews.JsonFeed.VERSION,
                title(lang),
                queries.publicBaseUrl() + "/",
                feedUrl("json", lang),
                config.feedRights(),
                lang,
                items);
        try {
            return json.writeValueAsString(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON feed could not be written", e);
        }
    }

    private String title(String lang) {
        return config.feedTitle() + " (" + lang + ")";
    }

    private String feedUrl(String format, String lang) {
        return queries.publicBaseUrl() + "/feeds/articles." + format + "?lang=" + lang;
    }

    /** A tag: URI (RFC 4151) from the database id, so it survives a change of slug, title or canonical URL. */
    private String entryId(Article a) {
        return "tag:" + tagAuthority + "," + a.createdAt.atZone(ZoneOffset.UTC).toLocalDate() + ":article:" + a.id;
    }

    private static String authorOf(Article a) {
        return a.author != null ? a.author : a.source;
    }

    private static String rightsOf(Article a) {
        return a.licence != null ? a.licence + ", " + a.source : a.source;
    }

    private static Content content(String type, String value) {
        Content content = new Content();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
