package org.vigil.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.content.ArticleViews.ArticleAdminSummary;
import org.vigil.content.ArticleViews.ArticleDetail;
import org.vigil.content.ArticleViews.ArticleSummary;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.db.Versioned;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.web.Coded;
import org.vigil.platform.web.Keyset;
import org.vigil.platform.web.Page;
import org.vigil.platform.web.PublicCaching;
import org.vigil.platform.web.TimedContent;

/**
 * Reads of articles. Every public read has a cheap companion query giving its ETag (the row's
 * version, or an aggregate over the rows a list would show), so a 304 never builds the body.
 *
 * <p>Public means published with a publication time that has come ({@link #PUBLIC}): a scheduled
 * article is stored as published with a future {@code publishedAt}, so every replica shows it from
 * that moment on, by its own clock, without a job flipping a state.
 */
@ApplicationScoped
public class ArticleQueries implements TimedContent {

    /** The ReadCache topic of everything public about articles (lists, single articles, feeds). */
    public static final String READ_CACHE_TOPIC = "articles";

    /** What readers may see, with the parameters of {@link #publicNow()}. */
    static final String PUBLIC = "a.status = :published and a.publishedAt <= :now";

    /** Search words beyond this many are refused: each one is a LIKE over title, summary and body. */
    static final int MAX_WORDS = 8;
    /** The public list: newest publication first; cursors tagged, as delta sync pages in another order. */
    private static final Keyset<Article> NEWEST_PUBLISHED = Keyset.of(Article.class)
            .tagged("p")
            .desc("a.publishedAt", Instant.class, a -> a.publishedAt)
            .desc("a.id", Long.class, a -> a.id);
    /** Delta sync: oldest change first. */
    private static final Keyset<Article> OLDEST_CHANGE = Keyset.of(Article.class)
            .tagged("u")
            .asc("a.updatedAt", Instant.class, a -> a.updatedAt)
            .asc("a.id", Long.class, a -> a.id);
    /** The editors' list. */
    private static final Keyset<Article> NEWEST = Keyset.of(Article.class).desc("a.id", Long.class, a -> a.id);

    private final String publicBaseUrl;
    private final EntityManager em;

    ArticleQueries(VigilConfig config, EntityManager em) {
        this.publicBaseUrl = config.publicBaseUrl();
        this.em = em;
    }

    /** Where readers find the article: the editor's canonical URL, else the public site's address. */
    public String url(Article a) {
        return a.canonicalUrl != null ? a.canonicalUrl : publicBaseUrl + "/articles/" + a.slug;
    }

    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    ArticleViews.ArticleAdmin admin(Article a) {
        return ArticleViews.ArticleAdmin.of(a, url(a));
    }

    /** The parameters of a public list, checked; {@code lang} is already resolved. */
    public record ListQuery(
            String lang,
            String category,
            String tag,
            List<String> words,
            Instant updatedSince,
            int limit,
            String cursor) {

        public static ListQuery of(
                String lang, String category, String tag, String q, String updatedSince, Integer limit, String cursor) {
            if (category != null && !ArticleCategory.codes().contains(category)) {
                throw ApiException.invalid("category", "must be one of " + String.join(", ", ArticleCategory.codes()));
            }
            List<String> words = q == null
                    ? List.of()
                    : Arrays.stream(q.trim().split("\\s+"))
                            .filter(w -> !w.isEmpty())
                            .toList();
            if (words.size() > MAX_WORDS) {
                throw ApiException.invalid("q", "must have at most " + MAX_WORDS + " words");
            }
            Instant since = null;
            if (updatedSince != null) {
                try {
                    since = Instant.parse(updatedSince);
                } catch (DateTimeParseException e) {
                    throw ApiException.invalid(
                            "updatedSince", "must be an ISO-8601 instant such as 2025-07-30T00:00:00Z");
                }
            }
            return new ListQuery(
                    lang,
                    category,
                    tag == null ? null : tag.toLowerCase(Locale.ROOT),
                    words,
                    since,
                    Page.limit(limit),
                    cursor);
        }

        boolean delta() {
            return updatedSince != null;
        }
    }

    public EntityTag listEtag(ListQuery query) {
        Where where = filter(query);
        Object[] aggregate = where.bind(em.createQuery(
                        "select count(a), max(a.updatedAt), coalesce(sum(a.version), 0) " + "from Article a"
                                + where.clause(),
                        Object[].class))
                .getSingleResult();
        return PublicCaching.etag(
                "articles",
                query.lang(),
                query.category(),
                query.tag(),
                String.join(" ", query.words()),
                query.updatedSince(),
                query.limit(),
                query.cursor(),
                aggregate[0],
                aggregate[1],
                aggregate[2]);
    }

    /**
     * Without updatedSince: published articles, newest first. With it (delta sync): every article
     * ever published that changed at or after that instant, oldest change first, the withdrawn and
     * deleted ones as tombstones; at-or-after so that a change in the same microsecond is not missed.
     */
    public Page<ArticleSummary> list(ListQuery query) {
        Keyset<Article> order = query.delta() ? OLDEST_CHANGE : NEWEST_PUBLISHED;
        List<Article> rows = order.rows(em, "from Article a", filter(query), query.cursor(), query.limit());
        return order.page(rows, query.limit(), a -> ArticleSummary.of(a, url(a)));
    }

    /** What a conditional read of one article needs: its language and an ETag. */
    public record ArticleVersion(EntityTag etag, String lang) {}

    /** The ETag of a published article: its version and the versions of its published translations. */
    public ArticleVersion articleVersion(String slug) {
        List<Object[]> found = em.createQuery(
                        "select a.id, a.version, a.translationKey, a.lang from Article a " + "where a.slug = :slug and "
                                + PUBLIC,
                        Object[].class)
                .setParameter("slug", slug)
                .setParameter("published", Article.Status.PUBLISHED)
                .setParameter("now", Versioned.now())
                .getResultList();
        if (found.isEmpty()) {
            throw notPublished(slug);
        }
        Object[] row = found.get(0);
        Object[] translations = em.createQuery(
                        "select count(a), max(a.updatedAt), coalesce(sum(a.version), 0) from Article a "
                                + "where a.translationKey = :key and " + PUBLIC,
                        Object[].class)
                .setParameter("key", row[2])
                .setParameter("published", Article.Status.PUBLISHED)
                .setParameter("now", Versioned.now())
                .getSingleResult();
        return new ArticleVersion(
                PublicCaching.etag("article", row[0], row[1], translations[0], translations[1], translations[2]),
                (String) row[3]);
    }

    public ArticleDetail article(String slug) {
        Instant now = Versioned.now();
        Article article = Article.<Article>find(
                        "slug = ?1 and status = ?2 and publishedAt <= ?3", slug, Article.Status.PUBLISHED, now)
                .firstResultOptional()
                .orElseThrow(() -> notPublished(slug));
        List<Article> translations = article.translationKey == null
                ? List.of()
                : Article.<Article>list(
                        "translationKey = ?1 and status = ?2 and publishedAt <= ?3 and id <> ?4 order by lang",
                        article.translationKey,
                        Article.Status.PUBLISHED,
                        now,
                        article.id);
        return ArticleDetail.of(
                article,
                url(article),
                translations.stream()
                        .map(t -> new ArticleViews.ArticleTranslation(t.lang, t.slug, url(t)))
                        .toList());
    }

    /**
     * Whether the article under this slug was published and is not any more (withdrawn or deleted):
     * its page then answers 410 Gone rather than 404, for links that were shared while it was up.
     */
    public boolean isGone(String slug) {
        return Article.count(
                        "slug = ?1 and publishedAt <= ?2 and status <> ?3",
                        slug,
                        Versioned.now(),
                        Article.Status.PUBLISHED)
                > 0;
    }

    /** Count, last change and version sum of the published articles in a language: the feeds' ETag input. */
    public FeedState feedState(String lang) {
        Object[] row = em.createQuery(
                        "select count(a), max(a.updatedAt), coalesce(sum(a.version), 0) from Article a "
                                + "where a.lang = :lang and " + PUBLIC,
                        Object[].class)
                .setParameter("lang", lang)
                .setParameter("published", Article.Status.PUBLISHED)
                .setParameter("now", Versioned.now())
                .getSingleResult();
        return new FeedState((Long) row[0], (Instant) row[1], ((Number) row[2]).longValue());
    }

    public record FeedState(long count, Instant lastUpdated, long versionSum) {}

    public List<Article> latestPublished(String lang, int size) {
        return em.createQuery(
                        "from Article a where a.lang = :lang and " + PUBLIC + " order by a.publishedAt desc, a.id desc",
                        Article.class)
                .setParameter("lang", lang)
                .setParameter("published", Article.Status.PUBLISHED)
                .setParameter("now", Versioned.now())
                .setMaxResults(size)
                .getResultList();
    }

    @Override
    public String topic() {
        return READ_CACHE_TOPIC;
    }

    /** The next scheduled publication: public lists, feeds and pages change then. */
    @Override
    public Optional<Instant> nextChangeAfter(Instant now) {
        return Optional.ofNullable(em.createQuery(
                        "select min(a.publishedAt) from Article a where a.status = :published and a.publishedAt > :now",
                        Instant.class)
                .setParameter("published", Article.Status.PUBLISHED)
                .setParameter("now", now)
                .getSingleResult());
    }

    /** An article in any state, for editors. */
    public Article require(long id) {
        return Article.<Article>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("There is no article " + id));
    }

    /** Editors' list: every state unless {@code status} narrows it, newest first. */
    public Page<ArticleAdminSummary> adminList(String status, Integer requestedLimit, String cursor) {
        return adminList(status, true, requestedLimit, cursor);
    }

    /**
     * As {@link #adminList(String, Integer, String)}; without a status, {@code tombstones} false
     * leaves the deleted articles out (the editors' desk lists them only when asked for).
     */
    public Page<ArticleAdminSummary> adminList(
            String status, boolean tombstones, Integer requestedLimit, String cursor) {
        int limit = Page.limit(requestedLimit);
        Article.Status state = parseStatus(status);
        Where where = state != null
                ? state(state)
                : tombstones ? Where.all() : Where.all().and("a.status <> :deleted", "deleted", Article.Status.DELETED);
        return NEWEST.page(NEWEST.rows(em, "from Article a", where, cursor, limit), limit, ArticleAdminSummary::of);
    }

    /** The articles an editor sees in {@code state}: scheduled ones are stored as published. */
    private static Where state(Article.Status state) {
        return switch (state) {
            case PUBLISHED -> Where.all().and(PUBLIC, publicNow());
            case SCHEDULED -> Where.all().and("a.status = :published and a.publishedAt > :now", publicNow());
            default -> Where.all().and("a.status = :status", "status", state);
        };
    }

    /** The parameters of {@link #PUBLIC}. */
    private static Map<String, Object> publicNow() {
        return Map.of("published", Article.Status.PUBLISHED, "now", Versioned.now());
    }

    private static Article.Status parseStatus(String status) {
        return Coded.param(Article.Status.class, "status", status);
    }

    /** The where clause of a public list, shared with its ETag aggregate. */
    private static Where filter(ListQuery query) {
        Where where = Where.all().and("a.lang = :lang", "lang", query.lang());
        if (query.delta()) {
            // drafts never reach clients, so a draft deleted before publication leaves no tombstone
            // a scheduled article's updatedAt is its publication time, so a sync after it sees it
            where.and(
                    "a.publishedAt <= :now and a.updatedAt >= :since",
                    "now",
                    Versioned.now(),
                    "since",
                    query.updatedSince());
        } else {
            where.and(PUBLIC, publicNow());
        }
        if (query.category() != null) {
            where.and("a.category = :category", "category", query.category());
        }
        if (query.tag() != null) {
            where.and(":tag member of a.tags", "tag", query.tag());
        }
        for (int i = 0; i < query.words().size(); i++) {
            // The column collation is accent-insensitive: 'lua dao' matches 'lừa đảo'.
            String p = ":w" + i;
            where.and(
                    "(a.title like " + p + " escape '!' or a.summary like " + p + " escape '!' or a.bodyMarkdown like "
                            + p + " escape '!')",
                    "w" + i,
                    "%" + escapeLike(query.words().get(i)) + "%");
        }
        return where;
    }

    /** The user's text matched literally: '!' is the escape character (a backslash would clash with MariaDB string escapes). */
    static String escapeLike(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static ApiException notPublished(String slug) {
        return ApiException.notFound("There is no published article '" + slug + "'");
    }
}
