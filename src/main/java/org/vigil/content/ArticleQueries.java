package org.vigil.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.content.ArticleViews.ArticleAdminSummary;
import org.vigil.content.ArticleViews.ArticleDetail;
import org.vigil.content.ArticleViews.ArticleSummary;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.web.Cursor;
import org.vigil.platform.web.Page;
import org.vigil.platform.web.PublicCaching;

/**
 * Reads of articles. Every public read has a cheap companion query giving its ETag (the row's
 * version, or an aggregate over the rows a list would show), so a 304 never builds the body.
 */
@ApplicationScoped
public class ArticleQueries {

    /** The ReadCache topic of everything public about articles (lists, single articles, feeds). */
    public static final String READ_CACHE_TOPIC = "articles";

    /** Search words beyond this many are refused: each one is a LIKE over title, summary and body. */
    static final int MAX_WORDS = 8;
    private static final String PUBLISHED_MODE = "p";
    private static final String DELTA_MODE = "u";

    private final ArticleViews views;
    private final EntityManager em;

    ArticleQueries(ArticleViews views, EntityManager em) {
        this.views = views;
        this.em = em;
    }

    /** The parameters of a public list, checked; {@code lang} is already resolved. */
    public record ListQuery(String lang, String category, String tag, List<String> words, Instant updatedSince,
            int limit, String cursor) {

        public static ListQuery of(String lang, String category, String tag, String q, String updatedSince,
                Integer limit, String cursor) {
            if (category != null && !ArticleCategory.codes().contains(category)) {
                throw ApiException.invalid("category", "must be one of " + String.join(", ", ArticleCategory.codes()));
            }
            List<String> words = q == null ? List.of() : Arrays.stream(q.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
            if (words.size() > MAX_WORDS) {
                throw ApiException.invalid("q", "must have at most " + MAX_WORDS + " words");
            }
            Instant since = null;
            if (updatedSince != null) {
                try {
                    since = Instant.parse(updatedSince);
                } catch (DateTimeParseException e) {
                    throw ApiException.invalid("updatedSince", "must be an ISO-8601 instant such as 2025-07-30T00:00:00Z");
                }
            }
            return new ListQuery(lang, category, tag == null ? null : tag.toLowerCase(Locale.ROOT), words, since,
                    Page.limit(limit), cursor);
        }

        boolean delta() {
            return updatedSince != null;
        }
    }

    public EntityTag listEtag(ListQuery query) {
        Filter filter = filter(query);
        Object[] aggregate = filter.apply(em.createQuery("select count(a), max(a.updatedAt), coalesce(sum(a.version), 0) "
                + "from Article a where " + filter.where, Object[].class)).getSingleResult();
        return PublicCaching.etag("articles", query.lang(), query.category(), query.tag(), String.join(" ", query.words()),
                query.updatedSince(), query.limit(), query.cursor(), aggregate[0], aggregate[1], aggregate[2]);
    }

    /**
     * Without updatedSince: published articles, newest first. With it (delta sync): every article
     * ever published that changed at or after that instant, oldest change first, the withdrawn and
     * deleted ones as tombstones; at-or-after so that a change in the same microsecond is not missed.
     */
    public Page<ArticleSummary> list(ListQuery query) {
        Filter filter = filter(query);
        if (query.cursor() != null) {
            List<String> keys = Cursor.decode(query.cursor(), 3);
            String mode = query.delta() ? DELTA_MODE : PUBLISHED_MODE;
            if (!keys.get(0).equals(mode)) {
                throw ApiException.invalid("cursor", "belongs to a list with other parameters");
            }
            filter.params.put("cursorAt", instantKey(keys.get(1)));
            filter.params.put("cursorId", longKey(keys.get(2)));
            filter.where.append(query.delta()
                    ? " and (a.updatedAt > :cursorAt or (a.updatedAt = :cursorAt and a.id > :cursorId))"
                    : " and (a.publishedAt < :cursorAt or (a.publishedAt = :cursorAt and a.id < :cursorId))");
        }
        String order = query.delta() ? " order by a.updatedAt, a.id" : " order by a.publishedAt desc, a.id desc";
        List<Article> rows = filter.apply(em.createQuery("from Article a where " + filter.where + order, Article.class))
                .setMaxResults(query.limit() + 1).getResultList();
        return Page.of(rows, query.limit(), views::summary, a -> query.delta()
                ? Cursor.encode(DELTA_MODE, a.updatedAt, a.id)
                : Cursor.encode(PUBLISHED_MODE, a.publishedAt, a.id));
    }

    /** What a conditional read of one article needs: its language and an ETag. */
    public record ArticleVersion(EntityTag etag, String lang) {
    }

    /** The ETag of a published article: its version and the versions of its published translations. */
    public ArticleVersion articleVersion(String slug) {
        List<Object[]> found = em.createQuery("select a.id, a.version, a.translationKey, a.lang from Article a "
                + "where a.slug = :slug and a.status = :published", Object[].class)
                .setParameter("slug", slug).setParameter("published", Article.Status.PUBLISHED).getResultList();
        if (found.isEmpty()) {
            throw notPublished(slug);
        }
        Object[] row = found.get(0);
        Object[] translations = em.createQuery("select count(a), max(a.updatedAt), coalesce(sum(a.version), 0) from Article a "
                + "where a.translationKey = :key and a.status = :published", Object[].class)
                .setParameter("key", row[2]).setParameter("published", Article.Status.PUBLISHED).getSingleResult();
        return new ArticleVersion(PublicCaching.etag("article", row[0], row[1], translations[0], translations[1],
                translations[2]), (String) row[3]);
    }

    public ArticleDetail article(String slug) {
        Article article = Article.<Article>find("slug = ?1 and status = ?2", slug, Article.Status.PUBLISHED)
                .firstResultOptional().orElseThrow(() -> notPublished(slug));
        List<Article> translations = article.translationKey == null ? List.of()
                : Article.<Article>list("translationKey = ?1 and status = ?2 and id <> ?3 order by lang",
                        article.translationKey, Article.Status.PUBLISHED, article.id);
        return views.detail(article, translations);
    }

    /** Count, last change and version sum of the published articles in a language: the feeds' ETag input. */
    public FeedState feedState(String lang) {
        Object[] row = em.createQuery("select count(a), max(a.updatedAt), coalesce(sum(a.version), 0) from Article a "
                + "where a.lang = :lang and a.status = :published", Object[].class)
                .setParameter("lang", lang).setParameter("published", Article.Status.PUBLISHED).getSingleResult();
        return new FeedState((Long) row[0], (Instant) row[1], ((Number) row[2]).longValue());
    }

    public record FeedState(long count, Instant lastUpdated, long versionSum) {
    }

    public List<Article> latestPublished(String lang, int size) {
        return em.createQuery("from Article a where a.lang = :lang and a.status = :published "
                + "order by a.publishedAt desc, a.id desc", Article.class)
                .setParameter("lang", lang).setParameter("published", Article.Status.PUBLISHED)
                .setMaxResults(size).getResultList();
    }

    /** An article in any state, for editors. */
    public Article require(long id) {
        return Article.<Article>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("There is no article " + id));
    }

    /** Editors' list: every state unless {@code status} narrows it, newest first. */
    public Page<ArticleAdminSummary> adminList(String status, Integer requestedLimit, String cursor) {
        int limit = Page.limit(requestedLimit);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (status != null) {
            params.put("status", parseStatus(status));
            where.append(" and a.status = :status");
        }
        if (cursor != null) {
            params.put("cursorId", longKey(Cursor.decode(cursor, 1).get(0)));
            where.append(" and a.id < :cursorId");
        }
        TypedQuery<Article> query = em.createQuery("from Article a where " + where + " order by a.id desc", Article.class);
        params.forEach(query::setParameter);
        return Page.of(query.setMaxResults(limit + 1).getResultList(), limit, views::adminSummary, a -> Cursor.encode(a.id));
    }

    private static Article.Status parseStatus(String status) {
        for (Article.Status s : Article.Status.values()) {
            if (s.code().equals(status)) {
                return s;
            }
        }
        throw ApiException.invalid("status", "must be one of draft, published, withdrawn, deleted");
    }

    private Filter filter(ListQuery query) {
        Filter f = new Filter();
        f.where.append("a.lang = :lang");
        f.params.put("lang", query.lang());
        if (query.delta()) {
            // drafts never reach clients, so a draft deleted before publication leaves no tombstone
            f.where.append(" and a.publishedAt is not null and a.updatedAt >= :since");
            f.params.put("since", query.updatedSince());
        } else {
            f.where.append(" and a.status = :published");
            f.params.put("published", Article.Status.PUBLISHED);
        }
        if (query.category() != null) {
            f.where.append(" and a.category = :category");
            f.params.put("category", query.category());
        }
        if (query.tag() != null) {
            f.where.append(" and :tag member of a.tags");
            f.params.put("tag", query.tag());
        }
        for (int i = 0; i < query.words().size(); i++) {
            // The column collation is accent-insensitive: 'lua dao' matches 'lừa đảo'.
            String p = ":w" + i;
            f.where.append(" and (a.title like ").append(p).append(" escape '!' or a.summary like ").append(p)
                    .append(" escape '!' or a.bodyMarkdown like ").append(p).append(" escape '!')");
            f.params.put("w" + i, "%" + escapeLike(query.words().get(i)) + "%");
        }
        return f;
    }

    /** The user's text matched literally: '!' is the escape character (a backslash would clash with MariaDB string escapes). */
    static String escapeLike(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static Instant instantKey(String key) {
        try {
            return Instant.parse(key);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("cursor", "is not a cursor given by this API");
        }
    }

    private static long longKey(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("cursor", "is not a cursor given by this API");
        }
    }

    private static ApiException notPublished(String slug) {
        return ApiException.notFound("There is no published article '" + slug + "'");
    }

    /** A where clause and its parameters, shared by a list and its ETag aggregate. */
    private static final class Filter {
        final StringBuilder where = new StringBuilder();
        final Map<String, Object> params = new HashMap<>();

        <T> TypedQuery<T> apply(TypedQuery<T> query) {
            params.forEach(query::setParameter);
            return query;
        }
    }
}
