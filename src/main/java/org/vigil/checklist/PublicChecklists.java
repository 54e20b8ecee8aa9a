package org.vigil.checklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.List;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.web.Keyset;
import org.vigil.platform.web.Page;
import org.vigil.platform.web.PublicCaching;

/**
 * Citizens' side of checklists: published ones only. ETags come from small aggregate queries over
 * versions and timestamps, so that a 304 never needs the body.
 */
@ApplicationScoped
public class PublicChecklists {

    /** The ReadCache topic of published checklists (answers of the public reads, self-assessment rules). */
    public static final String READ_CACHE_TOPIC = "checklists";

    private static final Keyset<Checklist> NEWEST_PUBLISHED = Keyset.of(Checklist.class)
            .desc("c.publishedAt", Instant.class, c -> c.publishedAt)
            .desc("c.id", Long.class, c -> c.id);

    private final EntityManager em;
    private final String publicBaseUrl;

    PublicChecklists(EntityManager em, VigilConfig config) {
        this.em = em;
        this.publicBaseUrl = config.publicBaseUrl();
    }

    /** The filter of one public list request, validated. */
    public record ListQuery(String lang, ScamType scamType, String cursor, int limit) {}

    /** Version of a list: changes whenever a checklist enters, leaves or changes within the filter. */
    @Transactional
    public EntityTag listTag(ListQuery q) {
        Where where = filter(q);
        Object[] row = where.bind(em.createQuery(
                        "select count(c), max(c.updatedAt), sum(c.version) from Checklist c" + where.clause(),
                        Object[].class))
                .getSingleResult();
        return PublicCaching.etag("checklists", q.lang(), q.scamType(), q.cursor(), q.limit(), row[0], row[1], row[2]);
    }

    @Transactional
    public Page<ChecklistViews.Summary> list(ListQuery q) {
        List<Checklist> rows = NEWEST_PUBLISHED.rows(em, "select c from Checklist c", filter(q), q.cursor(), q.limit());
        return NEWEST_PUBLISHED.page(rows, q.limit(), ChecklistViews.Summary::of);
    }

    /** Language and version of a published checklist and its published translations. */
    public record Stamp(String lang, EntityTag etag) {}

    /** The stamp of a published checklist, or 404; a cheap query that builds no body. */
    @Transactional
    public Stamp stamp(String slug) {
        List<Object[]> rows = em.createQuery("""
                        select c.id, c.lang, count(s), max(s.updatedAt), sum(s.version)
                        from Checklist c join Checklist s on s.translationKey = c.translationKey and s.status = :published
                        where c.slug = :slug and c.status = :published
                        group by c.id, c.lang""", Object[].class)
                .setParameter("slug", slug)
                .setParameter("published", ChecklistStatus.PUBLISHED)
                .getResultList();
        if (rows.isEmpty()) {
            throw notFound(slug);
        }
        Object[] row = rows.get(0);
        return new Stamp((String) row[1], PublicCaching.etag("checklist", slug, row[0], row[2], row[3], row[4]));
    }

    @Transactional
    public ChecklistViews.Detail view(String slug) {
        Checklist checklist = published(slug);
        return ChecklistViews.Detail.of(checklist, checklist.translations(true), publicBaseUrl);
    }

    /** A published checklist, or 404 when there is none under this slug. */
    static Checklist published(String slug) {
        Checklist checklist = Checklist.find("slug = ?1 and status = ?2", slug, ChecklistStatus.PUBLISHED)
                .firstResult();
        if (checklist == null) {
            throw notFound(slug);
        }
        return checklist;
    }

    private static ApiException notFound(String slug) {
        return ApiException.notFound("There is no published checklist " + slug);
    }

    private static Where filter(ListQuery q) {
        Where where = Where.all()
                .and(
                        "c.status = :published and c.lang = :lang",
                        "published",
                        ChecklistStatus.PUBLISHED,
                        "lang",
                        q.lang());
        return q.scamType() == null ? where : where.and("c.scamType = :scamType", "scamType", q.scamType());
    }
}
