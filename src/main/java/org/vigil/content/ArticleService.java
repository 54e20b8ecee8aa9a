package org.vigil.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import org.vigil.content.ArticleViews.ArticleAdmin;
import org.vigil.platform.db.Versioned;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.web.EditVersions;
import org.vigil.platform.web.ReadCache;
import org.vigil.platform.web.Slugs;

/**
 * Editors' changes and the article lifecycle: draft -> (scheduled ->) published <-> withdrawn, and
 * any of them -> deleted. Deleting only marks the row, because apps syncing offline must learn of it.
 * Scheduling stores the article as published with its future publication time (see
 * {@link ArticleQueries}); its {@code updatedAt} is kept at that time, so that delta sync, which
 * resumes from the greatest {@code updatedAt} a client saw, finds it once it appears.
 * Every request is checked completely before anything is written.
 */
@ApplicationScoped
public class ArticleService {

    /** Generated slugs stay well under Slugs.MAX_LENGTH to leave room for a "-2" suffix. */
    private static final int GENERATED_SLUG_LENGTH = 80;

    static final int MAX_BODY_BYTES = 100 * 1024;

    /** How far ahead a publication may be scheduled: further is more likely a typo than a plan. */
    static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(366);

    private final ArticleRenderer renderer;
    private final ArticleQueries queries;
    private final Languages languages;
    private final EntityManager em;
    private final ReadCache cache;

    ArticleService(
            ArticleRenderer renderer, ArticleQueries queries, Languages languages, EntityManager em, ReadCache cache) {
        this.cache = cache;
        this.renderer = renderer;
        this.queries = queries;
        this.languages = languages;
        this.em = em;
    }

    @Transactional
    public ArticleAdmin create(ArticleRequests.Draft request) {
        String lang = check(request, null);
        Article article = new Article();
        if (request.slug() != null) {
            requireFreeSlug(request.slug());
            article.slug = request.slug();
        } else {
            article.slug = freeSlugFor(request.title());
        }
        apply(article, lang, request);
        article.status = Article.Status.DRAFT;
        article.createdAt = Versioned.now();
        article.updatedAt = article.createdAt;
        return saved(article);
    }

    @Transactional
    public ArticleAdmin get(long id) {
        return queries.admin(queries.require(id));
    }

    /** Replaces what an editor may set; {@code ifMatch} must name the current version. */
    @Transactional
    public ArticleAdmin update(long id, String ifMatch, ArticleRequests.Draft request) {
        Article article = queries.require(id);
        EditVersions.requireMatch(ifMatch, article.version);
        if (article.status == Article.Status.DELETED) {
            throw ApiException.conflict("A deleted article cannot be edited");
        }
        String lang = check(request, article.id);
        if (request.slug() != null && !request.slug().equals(article.slug)) {
            if (article.wasPublic(Versioned.now())) {
                // readers, outlets and offline apps know a published article by its slug
                throw ApiException.conflict("The slug of an article that has been published cannot change");
            }
            requireFreeSlug(request.slug());
            article.slug = request.slug();
        }
        apply(article, lang, request);
        touch(article);
        return saved(article);
    }

    /** Publishes now: a draft, a withdrawn article, or a scheduled one before its time. */
    @Transactional
    public ArticleAdmin publish(long id, String ifMatch) {
        Instant now = Versioned.now();
        Article article = changing(
                id, ifMatch, "published", Article.Status.DRAFT, Article.Status.WITHDRAWN, Article.Status.SCHEDULED);
        if (article.publishedAt == null || article.publishedAt.isAfter(now)) {
            article.publishedAt = now; // the first publication, or a scheduled one brought forward
        }
        article.status = Article.Status.PUBLISHED;
        article.updatedAt = now;
        return saved(article);
    }

    /**
     * Schedules a draft to publish itself at {@code publishAt}, or moves a scheduled one's time.
     * A withdrawn article is published again with {@link #publish}: readers knew it already.
     */
    @Transactional
    public ArticleAdmin schedule(long id, String ifMatch, ArticleRequests.Schedule request) {
        Instant now = Versioned.now();
        Article article = changing(id, ifMatch, "scheduled", Article.Status.DRAFT, Article.Status.SCHEDULED);
        Instant at = request.publishAt().truncatedTo(ChronoUnit.MICROS);
        if (!at.isAfter(now)) {
            throw ApiException.invalid("publishAt", "must be in the future");
        }
        if (at.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            throw ApiException.invalid("publishAt", "must be at most 366 days ahead");
        }
        article.status = Article.Status.PUBLISHED;
        article.publishedAt = at;
        touch(article);
        return saved(article);
    }

    /** Takes a scheduled article back to a draft before its time. */
    @Transactional
    public ArticleAdmin unschedule(long id, String ifMatch) {
        Article article = changing(id, ifMatch, "unscheduled", Article.Status.SCHEDULED);
        article.status = Article.Status.DRAFT;
        article.publishedAt = null;
        touch(article);
        return saved(article);
    }

    @Transactional
    public ArticleAdmin withdraw(long id, String ifMatch) {
        Article article = changing(id, ifMatch, "withdrawn", Article.Status.PUBLISHED);
        article.status = Article.Status.WITHDRAWN;
        article.updatedAt = Versioned.now();
        return saved(article);
    }

    /** Soft delete: the row stays as a tombstone; its translation key is freed for a replacement. */
    @Transactional
    public void delete(long id, String ifMatch) {
        Article article = changing(
                id,
                ifMatch,
                "deleted",
                Article.Status.DRAFT,
                Article.Status.SCHEDULED,
                Article.Status.PUBLISHED,
                Article.Status.WITHDRAWN);
        if (!article.wasPublic(Versioned.now())) {
            article.publishedAt = null; // never seen: no tombstone at its would-be time
        }
        article.status = Article.Status.DELETED;
        article.translationKey = null;
        touch(article);
        saved(article);
    }

    /** A change's time: now, or the publication time while that is ahead (see the class comment). */
    private static void touch(Article article) {
        Instant now = Versioned.now();
        article.updatedAt = article.publishedAt != null && article.publishedAt.isAfter(now) ? article.publishedAt : now;
    }

    /** The article, if If-Match names its current version and its state allows the change. */
    private Article changing(long id, String ifMatch, String target, Article.Status... from) {
        Article article = queries.require(id);
        EditVersions.requireMatch(ifMatch, article.version);
        Article.Status state = article.state(Versioned.now());
        if (!List.of(from).contains(state)) {
            throw ApiException.conflict("A " + state.code() + " article cannot be " + target);
        }
        return article;
    }

    /**
     * The checks beyond the annotations, field errors reported together, then conflicts; all before
     * the entity is touched. Returns the normalised language.
     */
    private String check(ArticleRequests.Draft request, Long id) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String lang = null;
        try {
            lang = languages.require("lang", request.lang());
        } catch (ApiException e) {
            errors.addAll(e.errors());
        }
        List<String> categories = ArticleCategory.codes();
        if (!categories.contains(request.category())) {
            errors.add(new Problem.FieldError("category", "must be one of " + String.join(", ", categories)));
        }
        if (request.bodyMarkdown().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            errors.add(new Problem.FieldError("bodyMarkdown", "must be at most 100 kB in UTF-8"));
        }
        if (request.canonicalUrl() != null && !isWebUrl(request.canonicalUrl())) {
            errors.add(new Problem.FieldError("canonicalUrl", "must be an absolute http or https URL"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (request.translationKey() != null) {
            requireFreeTranslation(request.translationKey(), lang, id);
        }
        return lang;
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void apply(Article article, String lang, ArticleRequests.Draft request) {
        article.lang = lang;
        article.translationKey = request.translationKey();
        article.category = request.category();
        article.title = request.title().strip();
        article.summary = request.summary().strip();
        article.bodyMarkdown = request.bodyMarkdown();
        // Rendered once here and stored: reads and feeds far outnumber writes, and every replica then
        // serves byte-identical HTML. A change of the sanitizer policy needs the bodies re-saved.
        article.bodyHtml = renderer.toSafeHtml(request.bodyMarkdown());
        Set<String> tags = request.tags() == null ? Set.of() : new LinkedHashSet<>(request.tags());
        article.tags.clear();
        article.tags.addAll(tags);
        article.source = request.source().strip();
        article.author = blankToNull(request.author());
        article.licence = blankToNull(request.licence());
        article.canonicalUrl = blankToNull(request.canonicalUrl());
    }

    private void requireFreeSlug(String slug) {
        if (Article.count("slug", slug) > 0) {
            throw ApiException.conflict(
                    "The slug '" + slug + "' is taken (slugs are never reused, even after deletion)");
        }
    }

    private void requireFreeTranslation(String key, String lang, Long id) {
        long others = id == null
                ? Article.count("translationKey = ?1 and lang = ?2", key, lang)
                : Article.count("translationKey = ?1 and lang = ?2 and id <> ?3", key, lang, id);
        if (others > 0) {
            throw ApiException.conflict("Another article is already the '" + lang + "' translation of '" + key + "'");
        }
    }

    /** The title's slug, or the first free "-2", "-3"... variant: the editor did not choose it, so no conflict. */
    private String freeSlugFor(String title) {
        String base = Slugs.fromTitle(title, GENERATED_SLUG_LENGTH, "article");
        Set<String> taken = Set.copyOf(
                em.createQuery("select a.slug from Article a where a.slug = :base or a.slug like :prefix", String.class)
                        .setParameter("base", base)
                        .setParameter("prefix", base + "-%")
                        .getResultList());
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** Writes now, so that the answer carries the new version and a lost race on a unique key is a 409. */
    private ArticleAdmin saved(Article article) {
        cache.changed(ArticleQueries.READ_CACHE_TOPIC);
        try {
            if (!article.isPersistent()) {
                article.persist(); // an identity id: the INSERT runs here, not at flush
            }
            em.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw ApiException.conflict("Another editor just used this slug or translation; read again and retry");
            }
            throw e;
        }
        return queries.admin(article);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
