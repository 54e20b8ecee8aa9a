package org.vigil.campaign;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.web.PublicCaching;

/**
 * Campaign events as pages: the list (by region and month), each event with schema.org Event data,
 * and "add to my calendar": the webcal subscription of the API's feed, or this one event as .ics.
 */
@Path("/events")
@PermitAll
public class EventPages {

    private static final int PAGE_SIZE = 50;
    /** The upcoming events whose regions the region filter offers. */
    private static final int REGION_SOURCE = 100;

    @CheckedTemplate(basePath = "campaign")
    static class Templates {
        static native TemplateInstance events(
                PageFrame page, List<EventViews.Event> items, Map<String, String> regions, Form filter, String webcal);

        static native TemplateInstance event(PageFrame page, EventViews.Event event, String jsonLd, String webcal);
    }

    private final EventService events;
    private final EventCalendar calendar;
    private final Pages pages;
    private final PublicCaching caching;
    private final String baseUrl;

    EventPages(EventService events, EventCalendar calendar, Pages pages, PublicCaching caching, VigilConfig config) {
        this.events = events;
        this.calendar = calendar;
        this.pages = pages;
        this.caching = caching;
        this.baseUrl = config.publicBaseUrl().replaceAll("/+$", "");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(
            @QueryParam("lang") String lang,
            @QueryParam("region") String region,
            @QueryParam("month") String month,
            @Context HttpHeaders headers,
            @Context Request request) {
        String language = pages.language(lang, headers);
        String chosenRegion = region == null || region.isBlank() ? null : region.strip();
        String chosenMonth = month == null || month.isBlank() ? null : month.strip();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("region", chosenRegion == null ? "" : chosenRegion);
        typed.put("month", chosenMonth == null ? "" : chosenMonth);
        EventFilter filter;
        try {
            YearMonth days = chosenMonth == null ? null : month(chosenMonth);
            filter = events.publicFilter(
                    days == null ? null : days.atDay(1).toString(),
                    days == null ? null : days.atEndOfMonth().toString(),
                    chosenRegion,
                    language,
                    null,
                    null);
        } catch (ApiException e) {
            PageFrame frame = pages.frame(language, "/events");
            return pages.page(
                    400,
                    Templates.events(
                            frame,
                            List.of(),
                            regions(language),
                            Form.refused(typed, e.errors(), "events", frame),
                            null),
                    language);
        }
        return pages.cached(
                request,
                headers,
                EventService.READ_CACHE_TOPIC,
                List.of("events", language, String.valueOf(chosenRegion), String.valueOf(chosenMonth)),
                () -> {
                    EventService.ContentVersion version = events.versionOf(filter);
                    return Pages.Versioned.of(language, version.count(), version.lastUpdate(), version.versionSum());
                },
                l -> Templates.events(
                        pages.frame(l, "/events", "region", chosenRegion, "month", chosenMonth),
                        events.list(filter, null, PAGE_SIZE).items(),
                        regions(l),
                        Form.of(typed),
                        webcal(l, chosenRegion)));
    }

    @GET
    @Path("{slug}")
    @Produces(MediaType.TEXT_HTML)
    public Response one(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context Request request) {
        return pages.cached(
                request,
                headers,
                EventService.READ_CACHE_TOPIC,
                List.of("event", slug),
                () -> {
                    EventService.Stamp stamp = stamp(slug);
                    return Pages.Versioned.of(stamp.lang(), stamp.id(), stamp.version());
                },
                lang -> {
                    EventViews.Event event = events.bySlug(slug);
                    return Templates.event(
                            pages.frame(event.lang(), "/events"),
                            event,
                            pages.jsonLd(schemaEvent(event)),
                            webcal(event.lang(), null));
                });
    }

    /** This one event for a phone's calendar (the API's feed, restricted to it). */
    @GET
    @Path("{slug}.ics")
    @Produces(EventCalendar.TEXT_CALENDAR)
    public Response ics(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context Request request) {
        return caching.cached(
                request,
                headers,
                EventService.READ_CACHE_TOPIC,
                List.of("event.ics", slug),
                EventCalendar.MEDIA_TYPE,
                () -> {
                    EventService.Stamp stamp = stamp(slug);
                    return new PublicCaching.Version(
                            PublicCaching.etag("event.ics", stamp.id(), stamp.version()), stamp.lang());
                },
                () -> {
                    EventViews.Event event = events.bySlug(slug);
                    return calendar.render(List.of(event), event.lang());
                });
    }

    private EventService.Stamp stamp(String slug) {
        return events.stampOf(slug).orElseThrow(() -> ApiException.notFound("There is no event " + slug));
    }

    /** A month as the form's month field sends it (2027-07), else a finding on {@code month}. */
    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(List.of(new Problem.FieldError("month", "must be a month such as 2027-07")));
        }
    }

    /** The regions of upcoming events and their parents (khanh-hoa for khanh-hoa.phan-rang), with names. */
    private Map<String, String> regions(String lang) {
        TreeSet<String> codes = new TreeSet<>();
        for (EventViews.Event event : events.list(
                        events.publicFilter(null, null, null, lang, null, null), null, REGION_SOURCE)
                .items()) {
            if (event.region() != null) {
                codes.add(event.region());
                if (event.region().contains(".")) {
                    codes.add(event.region().substring(0, event.region().indexOf('.')));
                }
            }
        }
        Map<String, String> named = new LinkedHashMap<>();
        codes.forEach(code -> named.put(code, regionName(code)));
        return named;
    }

    /** khanh-hoa.phan-rang → Khanh Hoa – Phan Rang: regions are codes, not words. */
    static String regionName(String code) {
        StringBuilder name = new StringBuilder();
        for (String part : code.split("\\.")) {
            if (!name.isEmpty()) {
                name.append(" – ");
            }
            for (String word : part.split("-")) {
                if (!word.isEmpty()) {
                    name.append(Character.toUpperCase(word.charAt(0)))
                            .append(word.substring(1).toLowerCase(Locale.ROOT))
                            .append(' ');
                }
            }
            name.setLength(name.length() - 1);
        }
        return name.toString();
    }

    /** The calendar subscription (webcal: opens the phone's calendar app), for a region or all. */
    private String webcal(String lang, String region) {
        String feed = Pages.href(baseUrl + "/api/v1/events.ics", "lang", lang, "region", region);
        return feed.replaceFirst("^https?://", "webcal://");
    }

    /** schema.org Event, as search engines and previews read it. */
    private Map<String, Object> schemaEvent(EventViews.Event event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Event");
        data.put("name", event.title());
        data.put("description", event.description());
        data.put(
                "startDate",
                event.start().atZone(ZoneId.of(event.zone())).toOffsetDateTime().toString());
        data.put(
                "endDate",
                event.end().atZone(ZoneId.of(event.zone())).toOffsetDateTime().toString());
        data.put("inLanguage", event.lang());
        data.put("url", baseUrl + "/events/" + event.slug());
        data.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
        data.put(
                "eventStatus",
                switch (event.status()) {
                    case "cancelled" -> "https://schema.org/EventCancelled";
                    case "postponed" -> "https://schema.org/EventPostponed";
                    default -> "https://schema.org/EventScheduled";
                });
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("@type", "Place");
        place.put("name", event.venue() == null ? event.address() : event.venue());
        if (event.address() != null) {
            place.put("address", event.address());
        }
        if (event.coordinates() != null) {
            place.put(
                    "geo",
                    Map.of(
                            "@type",
                            "GeoCoordinates",
                            "latitude",
                            event.coordinates().lat(),
                            "longitude",
                            event.coordinates().lon()));
        }
        data.put("location", place);
        if (event.organiser() != null) {
            data.put("organizer", Map.of("@type", "Organization", "name", event.organiser()));
        }
        return data;
    }
}
