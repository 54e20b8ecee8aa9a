package org.vigil.checklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.web.Cursor;
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

    private final EntityManager em;
    private final String publicBaseUrl;

    PublicChecklists(EntityManager em, VigilConfig config) {
        this.em = em;
        this.publicBaseUrl = config.publicBaseUrl();
    }

    /** The filter of one public list request, validated. */
    public record ListQuery(String lang, ScamType scamType, String cursor, int limit) {
    }

    /** Version of a list: changes whenever a checklist enters, leaves or changes within the filter. */
    @Transactional
    public EntityTag listTag(ListQuery q) {
        Map<String, Object> params = new HashMap<>();
        String where = filter(q, params);
        Object[] row = bind(em.createQuery("select count(c), max(c.updatedAt), sum(c.version) from Checklist c where "
                + where, Object[].class), params).getSingleResult();
        return PublicCaching.etag("checklists", q.lang(), q.scamType(), q.cursor(), q.limit(), row[0], row[1], row[2]);
    }

    @Transactional
    public Page<ChecklistSummary> list(ListQuery q) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(filter(q, params));
        if (q.cursor() != null) {
            List<String> keys = Cursor.decode(q.cursor(), 2);
            where.append(" and (c.publishedAt < :afterAt or (c.publishedAt = :afterAt and c.id < :afterId))");
            try {
                params.put("afterAt", Instant.parse(keys.get(0)));
                params.put("afterId", Long.parseLong(keys.get(1)));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw ApiException.invalid("cursor", "is not a cursor given by this API");
            }
        }
        List<Checklist> rows = bind(em.createQuery("select c from Checklist c where " + where
                        + " order by c.publishedAt desc, c.id desc", Checklist.class), params)
                .setMaxResults(q.limit() + 1).getResultList();
        return Page.of(rows, q.limit(), ChecklistSummary::of, c -> Cursor.encode(c.publishedAt, c.id));
    }

    /** Language and version of a published checklist and its published translations. */
    public record Stamp(String lang, EntityTag etag) {
    }

    /** The stamp of a published checklist, or 404; a cheap query that builds no body. */
    @Transactional
    public Stamp stamp(String slug) {
        List<Object[]> rows = em.createQuery("""
                        select c.id, c.lang, count(s), max(s.updatedAt), sum(s.version)
                        from Checklist c join Checklist s on s.translationKey = c.translationKey and s.status = :published
                        where c.slug = :slug and c.status = :published
                        group by c.id, c.lang""", Object[].class)
                .setParameter("slug", slug).setParameter("published", ChecklistStatus.PUBLISHED).getResultList();
        if (rows.isEmpty()) {
            throw notFound(slug);
        }
        Object[] row = rows.get(0);
        return new Stamp((String) row[1], PublicCaching.etag("checklist", slug, row[0], row[2], row[3], row[4]));
    }

    @Transactional
    public ChecklistView view(String slug) {
        Checklist checklist = published(slug);
        return ChecklistView.of(checklist, checklist.translations(true), publicBaseUrl);
    }

    /** A published checklist, or 404 when there is none under this slug. */
    static Checklist published(String slug) {
        Checklist checklist = Checklist.find("slug = ?1 and status = ?2", slug, ChecklistStatus.PUBLISHED).firstResult();
        if (checklist == null) {
            throw notFound(slug);
        }
        return checklist;
    }

    private static ApiException notFound(String slug) {
        return ApiException.notFound("There is no published checklist " + slug);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    private static String filter(ListQuery q, Map<String, Object> params) {
        params.put("published", ChecklistStatus.PUBLISHED);
        params.put("lang", q.lang());
        String where = "c.status = :published and c.lang = :lang";
        if (q.scamType() != null) {
            params.put("scamType", q.scamType());
            where += " and c.scamType = :scamType";
        }
        return where;
    }
}
