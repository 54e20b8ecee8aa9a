package org.vigil.campaign;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.web.EditVersions;
import org.vigil.platform.web.Keyset;
import org.vigil.platform.web.Page;
import org.vigil.platform.web.ReadCache;
import org.vigil.platform.web.Slugs;

/** Rules and transactions of campaign events; resources only translate HTTP. */
@ApplicationScoped
public class EventService {

    /** The ReadCache topic of public event answers (lists, single events, the calendar feed). */
    public static final String READ_CACHE_TOPIC = "events";

    /** The slug column holds 80; generated slugs leave room for a "-NN" suffix. */
    private static final int GENERATED_SLUG_LENGTH = 76;

    /** Events are planned for this window; anything else is a typo (and would not fit in DATETIME). */
    private static final int FIRST_YEAR = 2000;

    private static final int LAST_YEAR = 2099;
    /** The lists' order: soonest first. */
    private static final Keyset<CampaignEvent> BY_START = Keyset.of(CampaignEvent.class)
            .asc("e.startsAt", Instant.class, e -> e.startsAt)
            .asc("e.id", Long.class, e -> e.id);

    private static final String IANA_ZONE_PATTERN = "[A-Za-z][A-Za-z0-9_+/-]*";

    private final Languages languages;
    private final CampaignConfig campaignConfig;
    private final ZoneId defaultZone;
    private final String defaultLanguage;
    private final ReadCache cache;

    EventService(Languages languages, VigilConfig config, CampaignConfig campaignConfig, ReadCache cache) {
        this.languages = languages;
        this.cache = cache;
        this.campaignConfig = campaignConfig;
        this.defaultZone = ZoneId.of(config.defaultZone());
        this.defaultLanguage = config.defaultLanguage();
    }

    // ---- filters: time parameters are read in the default zone (see EventFilter.of)

    /** Public list: without {@code from}, events that have not ended yet. */
    public EventFilter publicFilter(
            String from, String to, String region, String lang, String campaign, String status) {
        return EventFilter.of(from, to, Instant.now(), region, lang, campaign, status, defaultZone);
    }

    /** Editors see past events too, in every language unless they pick one. */
    public EventFilter adminFilter(String from, String to, String region, String lang, String campaign, String status) {
        String language = lang == null || lang.isBlank() ? null : languages.require("lang", lang);
        return EventFilter.of(from, to, null, region, language, campaign, status, defaultZone);
    }

    /**
     * Calendar feed: every future event and those ended within the last days, cancelled ones
     * included, so that subscribed phones learn of a cancellation.
     */
    public EventFilter feedFilter(String region, String lang, String campaign) {
        Instant since = Instant.now().minus(Duration.ofDays(campaignConfig.icsPastDays()));
        return new EventFilter(since, null, EventFilter.region(region), lang, blankToNull(campaign), null);
    }

    // ---- reads

    public Page<EventViews.Event> list(EventFilter filter, String cursor, int limit) {
        List<CampaignEvent> rows = BY_START.rows(
                Panache.getEntityManager(), "from CampaignEvent e", where(filter), blankToNull(cursor), limit);
        return BY_START.page(rows, limit, EventViews.Event::of);
    }

    /** The events of the calendar feed, oldest first, at most the configured number. */
    public List<EventViews.Event> feed(EventFilter filter) {
        Where where = where(filter);
        return where.bind(Panache.getEntityManager()
                        .createQuery(
                                "from CampaignEvent e" + where.clause() + " order by e.startsAt, e.id",
                                CampaignEvent.class))
                .setMaxResults(campaignConfig.icsMaxEvents())
                .getResultStream()
                .map(EventViews.Event::of)
                .toList();
    }

    /**
     * What changes whenever the answer for {@code filter} changes, from one aggregate query: an
     * edit raises a version and updatedAt, a deletion or an event leaving the time window the count.
     */
    public ContentVersion versionOf(EventFilter filter) {
        Where where = where(filter);
        Object[] row = where.bind(Panache.getEntityManager()
                        .createQuery(
                                "select count(e), max(e.updatedAt), coalesce(sum(e.version), 0) from CampaignEvent e"
                                        + where.clause(),
                                Object[].class))
                .getSingleResult();
        return new ContentVersion(((Number) row[0]).longValue(), (Instant) row[1], ((Number) row[2]).longValue());
    }

    /** Version data of one event, without loading it. */
    public Optional<Stamp> stampOf(String slug) {
        return Panache.getEntityManager()
                .createQuery("select e.id, e.version, e.lang from CampaignEvent e where e.slug = :slug", Object[].class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst()
                .map(r -> new Stamp((Long) r[0], (Long) r[1], (String) r[2]));
    }

    public EventViews.Event bySlug(String slug) {
        return CampaignEvent.<CampaignEvent>find("slug", slug)
                .firstResultOptional()
                .map(EventViews.Event::of)
                .orElseThrow(() -> ApiException.notFound("There is no event " + slug));
    }

    public EventViews.Event byId(long id) {
        return EventViews.Event.of(load(id));
    }

    public boolean isEmpty() {
        return CampaignEvent.count() == 0;
    }

    // ---- changes: each one raises the version, which calendars read as SEQUENCE

    @Transactional
    public EventViews.Event create(@Valid @NotNull EventRequests.Event request) {
        CampaignEvent event = new CampaignEvent();
        event.status = EventStatus.SCHEDULED;
        apply(event, request);
        if (request.slug() != null) {
            requireFreeSlug(request.slug(), null);
            event.slug = request.slug();
        } else {
            event.slug = freeSlugFor(request.title());
        }
        save(event);
        return EventViews.Event.of(event);
    }

    @Transactional
    public EventViews.Event update(long id, String ifMatch, @Valid @NotNull EventRequests.Event request) {
        CampaignEvent event = loadForChange(id, ifMatch);
        apply(event, request);
        if (request.slug() != null && !request.slug().equals(event.slug)) {
            requireFreeSlug(request.slug(), event.id);
            event.slug = request.slug();
        }
        save(event);
        return EventViews.Event.of(event);
    }

    @Transactional
    public EventViews.Event postpone(long id, String ifMatch) {
        CampaignEvent event = loadForChange(id, ifMatch);
        if (event.status != EventStatus.SCHEDULED) {
            throw ApiException.conflict("Only a scheduled event can be postponed; this one is " + event.status.code());
        }
        event.status = EventStatus.POSTPONED;
        save(event);
        return EventViews.Event.of(event);
    }

    /** The recommended way to call an event off: it stays in the calendar feed as CANCELLED. */
    @Transactional
    public EventViews.Event cancel(long id, String ifMatch) {
        CampaignEvent event = loadForChange(id, ifMatch);
        if (event.status == EventStatus.CANCELLED) {
            throw ApiException.conflict("This event is already cancelled");
        }
        event.status = EventStatus.CANCELLED;
        save(event);
        return EventViews.Event.of(event);
    }

    /** New times for an event in any status; it is scheduled again (a cancelled one comes back). */
    @Transactional
    public EventViews.Event reschedule(long id, String ifMatch, @Valid @NotNull EventRequests.Reschedule request) {
        CampaignEvent event = loadForChange(id, ifMatch);
        List<Problem.FieldError> errors = new ArrayList<>();
        ZoneId zone = request.zone() == null ? ZoneId.of(event.zone) : zone(request.zone(), errors);
        schedule(event, request.start(), request.end(), zone, errors);
        rejectIfAny(errors);
        event.status = EventStatus.SCHEDULED;
        save(event);
        return EventViews.Event.of(event);
    }

    /**
     * Removes the event. Subscribed calendars learn of it only by its absence from the next feed
     * they fetch (most clients then drop it, some keep it): cancelling is the recommended path,
     * because STATUS:CANCELLED with a higher SEQUENCE reaches every calendar.
     */
    @Transactional
    public void delete(long id, String ifMatch) {
        loadForChange(id, ifMatch).delete();
        cache.changed(READ_CACHE_TOPIC);
    }

    // ---- rules

    private void apply(CampaignEvent event, EventRequests.Event request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        try {
            event.lang = languages.require("lang", request.lang() == null ? defaultLanguage : request.lang());
        } catch (ApiException e) {
            errors.addAll(e.errors());
        }
        ZoneId zone = request.zone() == null ? defaultZone : zone(request.zone(), errors);
        schedule(event, request.start(), request.end(), zone, errors);
        rejectIfAny(errors);
        event.title = request.title().trim();
        event.description = blankToNull(request.description());
        event.venue = blankToNull(request.venue());
        event.address = blankToNull(request.address());
        event.latitude =
                request.coordinates() == null ? null : request.coordinates().lat();
        event.longitude =
                request.coordinates() == null ? null : request.coordinates().lon();
        event.region = blankToNull(request.region());
        event.organiser = blankToNull(request.organiser());
        event.audience = request.audience() == null
                ? List.of()
                : request.audience().stream().distinct().toList();
        event.campaign = blankToNull(request.campaign());
    }

    private static void schedule(
            CampaignEvent event, LocalDateTime start, LocalDateTime end, ZoneId zone, List<Problem.FieldError> errors) {
        int before = errors.size();
        if (start.getYear() < FIRST_YEAR || start.getYear() > LAST_YEAR) {
            errors.add(new Problem.FieldError("start", "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR));
        }
        if (end.getYear() < FIRST_YEAR || end.getYear() > LAST_YEAR) {
            errors.add(new Problem.FieldError("end", "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR));
        }
        // compared as instants: in a zone with daylight saving the local times alone can mislead
        if (zone != null
                && !end.atZone(zone).toInstant().isAfter(start.atZone(zone).toInstant())) {
            errors.add(new Problem.FieldError("end", "must be after start"));
        }
        if (zone != null && errors.size() == before) {
            event.schedule(start, end, zone);
        }
    }

    /** An IANA zone id; null (with an error on {@code zone}) otherwise, offsets like +07:00 included. */
    private static ZoneId zone(String id, List<Problem.FieldError> errors) {
        String trimmed = id.trim();
        // ical4j registers zones of its own ("ical4j~<uuid>") among the JVM's ids: the pattern keeps them out
        if (trimmed.matches(IANA_ZONE_PATTERN) && ZoneId.getAvailableZoneIds().contains(trimmed)) {
            return ZoneId.of(trimmed);
        }
        errors.add(new Problem.FieldError("zone", "must be an IANA time zone such as Asia/Ho_Chi_Minh"));
        return null;
    }

    private static void rejectIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private void requireFreeSlug(String slug, Long exceptId) {
        boolean taken = exceptId == null
                ? CampaignEvent.count("slug", slug) > 0
                : CampaignEvent.count("slug = ?1 and id <> ?2", slug, exceptId) > 0;
        if (taken) {
            throw slugTaken(slug);
        }
    }

    /** A generated slug never fails: the same title twice gets -2, -3... */
    private String freeSlugFor(String title) {
        String base = Slugs.fromTitle(title, GENERATED_SLUG_LENGTH, "event");
        String candidate = base;
        for (int n = 2; CampaignEvent.count("slug", candidate) > 0; n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** Writes now, so that the new version is in the answer and a slug race becomes a 409, not a 500. */
    private void save(CampaignEvent event) {
        cache.changed(READ_CACHE_TOPIC);
        try {
            event.persistAndFlush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException violation
                        && violation.getConstraintName() != null
                        && violation.getConstraintName().contains("slug")) {
                    throw slugTaken(event.slug);
                }
            }
            throw e;
        }
    }

    private static ApiException slugTaken(String slug) {
        return new ApiException(
                409,
                "/problems/conflict",
                "Conflict",
                "Another event already uses the slug " + slug,
                List.of(new Problem.FieldError("slug", "is already used by another event")));
    }

    private static CampaignEvent load(long id) {
        return CampaignEvent.<CampaignEvent>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("There is no event " + id));
    }

    private static CampaignEvent loadForChange(long id, String ifMatch) {
        CampaignEvent event = load(id);
        EditVersions.requireMatch(ifMatch, event.version);
        return event;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Changes whenever any event matching a filter changes, appears or goes. */
    public record ContentVersion(long count, Instant lastUpdate, long versionSum) {}

    /** Version data of one event: enough for its ETag and Content-Language. */
    public record Stamp(long id, long version, String lang) {}

    /** The conditions of a filter. */
    private static Where where(EventFilter filter) {
        Where where = Where.all();
        if (filter.endsAfter() != null) {
            where.and("e.endsAt > :endsAfter", "endsAfter", filter.endsAfter());
        }
        if (filter.startsBefore() != null) {
            where.and("e.startsAt < :startsBefore", "startsBefore", filter.startsBefore());
        }
        if (filter.lang() != null) {
            where.and("e.lang = :lang", "lang", filter.lang());
        }
        if (filter.region() != null) {
            // a region includes its sub-regions: khanh-hoa matches khanh-hoa.phan-rang
            where.and(
                    "(e.region = :region or e.region like :subRegions)",
                    "region",
                    filter.region(),
                    "subRegions",
                    filter.region() + ".%");
        }
        if (filter.campaign() != null) {
            where.and("e.campaign = :campaign", "campaign", filter.campaign());
        }
        if (filter.status() != null) {
            where.and("e.status = :status", "status", filter.status());
        }
        return where;
    }
}
