package org.vigil.checklist;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.vigil.platform.db.Versioned;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.web.EditVersions;
import org.vigil.platform.web.Keyset;
import org.vigil.platform.web.Page;
import org.vigil.platform.web.ReadCache;

/**
 * Editors' side of checklists: the rules a checklist must satisfy (validated here too, so that
 * demo content obeys them) and its publication workflow.
 */
@ApplicationScoped
public class ChecklistService {

    /** The editors' list: newest first. */
    private static final Keyset<Checklist> NEWEST = Keyset.of(Checklist.class).desc("c.id", Long.class, c -> c.id);

    private final Languages languages;
    private final ReadCache cache;

    ChecklistService(Languages languages, ReadCache cache) {
        this.languages = languages;
        this.cache = cache;
    }

    @Transactional
    public ChecklistViews.Admin create(@NotNull @Valid ChecklistRequests.Draft request) {
        Checklist checklist = new Checklist();
        apply(checklist, request);
        Instant now = Versioned.now();
        checklist.status = ChecklistStatus.DRAFT;
        checklist.createdAt = now;
        checklist.updatedAt = now;
        save(checklist);
        return view(checklist);
    }

    @Transactional
    public ChecklistViews.Admin get(long id) {
        return view(find(id));
    }

    @Transactional
    public Page<ChecklistViews.AdminSummary> list(
            String status, String lang, String scamType, String cursor, Integer limit) {
        int max = Page.limit(limit);
        Where where = Where.all();
        if (status != null && !status.isBlank()) {
            where.and("c.status = :status", "status", parseStatus(status));
        }
        if (lang != null && !lang.isBlank()) {
            where.and("c.lang = :lang", "lang", languages.require("lang", lang));
        }
        ScamType type = ScamType.param("scamType", scamType);
        if (type != null) {
            where.and("c.scamType = :scamType", "scamType", type);
        }
        List<Checklist> rows = NEWEST.rows(Panache.getEntityManager(), "from Checklist c", where, cursor, max);
        return NEWEST.page(rows, max, ChecklistViews.AdminSummary::of);
    }

    /** Replaces the whole checklist, items included, if the editor saw the current version. */
    @Transactional
    public ChecklistViews.Admin update(long id, String ifMatch, @NotNull @Valid ChecklistRequests.Draft request) {
        Checklist checklist = find(id);
        EditVersions.requireMatch(ifMatch, checklist.version);
        apply(checklist, request);
        checklist.updatedAt = Versioned.now();
        save(checklist);
        return view(checklist);
    }

    @Transactional
    public ChecklistViews.Admin publish(long id, String ifMatch) {
        Checklist checklist = find(id);
        EditVersions.requireMatch(ifMatch, checklist.version);
        if (checklist.status != ChecklistStatus.PUBLISHED) {
            checklist.status = ChecklistStatus.PUBLISHED;
            checklist.publishedAt = Versioned.now();
            checklist.updatedAt = checklist.publishedAt;
            checklist.flush();
            cache.changed(PublicChecklists.READ_CACHE_TOPIC);
        }
        return view(checklist);
    }

    @Transactional
    public ChecklistViews.Admin withdraw(long id, String ifMatch) {
        Checklist checklist = find(id);
        EditVersions.requireMatch(ifMatch, checklist.version);
        if (checklist.status == ChecklistStatus.DRAFT) {
            throw ApiException.conflict("A draft was never published, so it cannot be withdrawn");
        }
        if (checklist.status == ChecklistStatus.PUBLISHED) {
            checklist.status = ChecklistStatus.WITHDRAWN;
            checklist.updatedAt = Versioned.now();
            checklist.flush();
            cache.changed(PublicChecklists.READ_CACHE_TOPIC);
        }
        return view(checklist);
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        Checklist checklist = find(id);
        EditVersions.requireMatch(ifMatch, checklist.version);
        checklist.delete();
        cache.changed(PublicChecklists.READ_CACHE_TOPIC);
    }

    /** True when no checklist exists at all, whatever its state (demo content loads only then). */
    @Transactional
    public boolean isEmpty() {
        return Checklist.count() == 0;
    }

    /** Checks the rules Bean Validation cannot express, then copies the request onto the entity. */
    private void apply(Checklist checklist, ChecklistRequests.Draft request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.items().size(); i++) {
            Integer first = seen.putIfAbsent(request.items().get(i).id(), i);
            if (first != null) {
                errors.add(new Problem.FieldError("items[" + i + "].id", "duplicates items[" + first + "].id"));
            }
        }
        ChecklistRequests.Draft.Bands bands = request.bands();
        if (bands.low().minPercent() != 0) {
            errors.add(new Problem.FieldError("bands.low.minPercent", "must be 0: the low band starts at no red flag"));
        }
        if (bands.medium().minPercent() <= bands.low().minPercent()) {
            errors.add(new Problem.FieldError("bands.medium.minPercent", "must be greater than bands.low.minPercent"));
        }
        if (bands.high().minPercent() <= bands.medium().minPercent()) {
            errors.add(new Problem.FieldError("bands.high.minPercent", "must be greater than bands.medium.minPercent"));
        }
        String lang = null;
        ScamType scamType = null;
        try {
            lang = languages.require("lang", request.lang());
        } catch (ApiException e) {
            errors.addAll(e.errors());
        }
        try {
            scamType = ScamType.param("scamType", request.scamType());
        } catch (ApiException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String translationKey = request.translationKey() == null ? request.slug() : request.translationKey();
        // Checked before the entity changes: a query would otherwise flush the clashing row first.
        requireUnique(checklist.id == null ? -1 : checklist.id, request.slug(), translationKey, lang);
        checklist.slug = request.slug();
        checklist.lang = lang;
        checklist.translationKey = translationKey;
        checklist.scamType = scamType;
        checklist.title = request.title().strip();
        checklist.introduction = request.introduction().strip();
        checklist.lowAdvice = bands.low().advice().strip();
        checklist.mediumMinPercent = bands.medium().minPercent();
        checklist.mediumAdvice = bands.medium().advice().strip();
        checklist.highMinPercent = bands.high().minPercent();
        checklist.highAdvice = bands.high().advice().strip();
        // New list instances: Hibernate deletes the old rows before inserting, so reordered item ids never clash.
        checklist.items = new ArrayList<>(request.items().stream()
                .map(i -> new ChecklistItem(i.id(), i.text().strip(), i.weight()))
                .toList());
        checklist.relatedArticles =
                request.relatedArticles() == null ? new ArrayList<>() : new ArrayList<>(request.relatedArticles());
    }

    private static void requireUnique(long id, String slug, String translationKey, String lang) {
        if (Checklist.count("slug = ?1 and id <> ?2", slug, id) > 0) {
            throw ApiException.conflict("Another checklist already uses the slug " + slug);
        }
        if (Checklist.count("translationKey = ?1 and lang = ?2 and id <> ?3", translationKey, lang, id) > 0) {
            throw ApiException.conflict("The translation " + translationKey + " already has a checklist in " + lang);
        }
    }

    /** Persists and flushes; a unique key hit here means another editor saved the same slug just now. */
    private void save(Checklist checklist) {
        cache.changed(PublicChecklists.READ_CACHE_TOPIC);
        try {
            checklist.persistAndFlush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException) {
                    throw ApiException.conflict(
                            "Another checklist with this slug or translation was saved at the same time");
                }
            }
            throw e;
        }
    }

    private static Checklist find(long id) {
        Checklist checklist = Checklist.findById(id);
        if (checklist == null) {
            throw ApiException.notFound("There is no checklist " + id);
        }
        return checklist;
    }

    private static ChecklistViews.Admin view(Checklist checklist) {
        return ChecklistViews.Admin.of(checklist, checklist.translations(false));
    }

    private static ChecklistStatus parseStatus(String status) {
        try {
            return ChecklistStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "must be one of DRAFT, PUBLISHED, WITHDRAWN");
        }
    }
}
