package org.vigil.campaign;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Min;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.campaign.EventService.ContentVersion;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.web.Page;
import org.vigil.platform.web.PublicCaching;

/** Public reads of campaign events: JSON for apps, iCalendar for phone calendars. */
@Path("/api/v1")
@Tag(name = "Campaign events", description = "Rallies, school talks and meetings of the campaign")
@PermitAll
public class EventResource {

    private final EventService events;
    private final EventCalendar calendar;
    private final Languages languages;
    private final PublicCaching caching;

    EventResource(EventService events, EventCalendar calendar, Languages languages, PublicCaching caching) {
        this.events = events;
        this.calendar = calendar;
        this.languages = languages;
        this.caching = caching;
    }

    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("region") String region,
            @QueryParam("lang") String lang,
            @QueryParam("campaign") String campaign,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(1) Integer limit,
            @Context Request request,
            @Context HttpHeaders headers) {
        String language = languages.resolve(lang, headers);
        EventFilter filter = events.publicFilter(from, to, region, language, campaign, status);
        int size = Page.limit(limit);
        // the raw from/to (not "now") identify the question; the aggregate changes with any answer to it
        List<Object> question = List.of(
                "events",
                String.valueOf(from),
                String.valueOf(to),
                String.valueOf(filter.region()),
                language,
                String.valueOf(filter.campaign()),
                String.valueOf(filter.status()),
                String.valueOf(cursor),
                size);
        return caching.cached(
                request,
                headers,
                EventService.READ_CACHE_TOPIC,
                question,
                MediaType.APPLICATION_JSON,
                () -> {
                    ContentVersion version = events.versionOf(filter);
                    return new PublicCaching.Version(
                            PublicCaching.etag(
                                    "events",
                                    from,
                                    to,
                                    filter.region(),
                                    language,
                                    filter.campaign(),
                                    filter.status(),
                                    cursor,
                                    size,
                                    version.count(),
                                    version.lastUpdate(),
                                    version.versionSum()),
                            language);
                },
                () -> events.list(filter, cursor, size));
    }

    @GET
    @Path("events/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response one(@PathParam("slug") String slug, @Context Request request, @Context HttpHeaders headers) {
        return caching.cached(
                request,
                headers,
                EventService.READ_CACHE_TOPIC,
                List.of("event", slug),
                MediaType.APPLICATION_JSON,
                () -> {
                    EventService.Stamp stamp =
                            events.stampOf(slug).orElseThrow(() -> ApiException.notFound("There is no event " + slug));
                    return new PublicCaching.Version(
                            PublicCaching.etag("event", stamp.id(), stamp.version()), stamp.lang());
                },
                () -> events.bySlug(slug));
    }

    @GET
    @Path("events.ics")
    @Produces(EventCalendar.TEXT_CALENDAR)
    public Response feed(
            @QueryParam("region") String region,
            @QueryParam("lang") String lang,
            @QueryParam("campaign") String campaign,
            @Context Request request,
            @Context HttpHeaders headers) {
        String language = languages.resolve(lang, headers);
        EventFilter filter = events.feedFilter(region, language, campaign);
        return caching.cached(
                request,
                headers,
                EventService.READ_CACHE_TOPIC,
                List.of("events.ics", String.valueOf(filter.region()), language, String.valueOf(filter.campaign())),
                EventCalendar.MEDIA_TYPE,
                () -> {
                    ContentVersion version = events.versionOf(filter);
                    return new PublicCaching.Version(
                            PublicCaching.etag(
                                    "events.ics",
                                    filter.region(),
                                    language,
                                    filter.campaign(),
                                    version.count(),
                                    version.lastUpdate(),
                                    version.versionSum()),
                            language);
                },
                () -> calendar.render(events.feed(filter), language));
    }

    static final String EXAMPLE_EVENT = """
            {"id": 42, "slug": "mit-tinh-30-7-2027-phan-rang", "lang": "vi",
             "title": "Mít tinh hưởng ứng Ngày toàn quốc phòng, chống mua bán người 30/7",
             "status": "scheduled", "start": "2027-07-30T07:30:00", "end": "2027-07-30T09:30:00",
             "zone": "Asia/Ho_Chi_Minh", "startsAt": "2027-07-30T00:30:00Z", "endsAt": "2027-07-30T02:30:00Z",
             "venue": "Quảng trường 16 Tháng 4", "coordinates": {"lat": 11.5647, "lon": 108.9886},
             "region": "khanh-hoa.phan-rang", "organiser": "Công an tỉnh", "audience": ["union-members", "students"],
             "campaign": "july-30-2027", "updatedAt": "2026-11-29T03:15:00Z", "version": 3}""";
    static final String EXAMPLE_PAGE =
            "{\"items\": [" + EXAMPLE_EVENT + "], \"nextCursor\": \"MjAyNy0wNy0zMFQwMDozMDowMFoKNDI\"}";
    static final String EXAMPLE_ICS = """
            BEGIN:VCALENDAR
            PRODID:-//Vigil//Campaign events//EN
            VERSION:2.0
            X-WR-CALNAME:Vigil – Sự kiện phòng\\, chống mua bán người
            REFRESH-INTERVAL;VALUE=DURATION:PT6H
            BEGIN:VTIMEZONE
            TZID:Asia/Ho_Chi_Minh
            ...
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:event-42@vigil.example.vn
            DTSTAMP:20261129T031500Z
            DTSTART;TZID=Asia/Ho_Chi_Minh:20270730T073000
            DTEND;TZID=Asia/Ho_Chi_Minh:20270730T093000
            SUMMARY;LANGUAGE=vi:Mít tinh hưởng ứng Ngày toàn quốc phòng\\, chống mua bán người 30/7
            STATUS:CONFIRMED
            SEQUENCE:3
            END:VEVENT
            END:VCALENDAR
            """;
}
