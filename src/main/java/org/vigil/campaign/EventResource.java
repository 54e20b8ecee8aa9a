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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    private static final String FROM_DOC = "Events ending after this moment; default now (upcoming events). "
            + "An ISO date or date-time; without an offset it is read in the service's zone (Asia/Ho_Chi_Minh)";
    private static final String TO_DOC = "Events starting before this moment. A date includes that whole day "
            + "(from=2027-07-30&to=2027-07-30 is July 30); without an offset it is read in the service's zone";
    private static final String REGION_DOC =
            "Region code; includes its sub-regions (khanh-hoa matches khanh-hoa.phan-rang)";

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

    /** Documents the list answer; the endpoint returns a {@link Page} of {@link EventView}. */
    @Schema(name = "EventPage")
    record EventPage(
            List<EventView> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}

    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "List campaign events",
            description =
                    "Events in one language ordered by start time. Without `from`, the events that have not ended. "
                            + "Cancelled and postponed events are listed with their status unless `status` narrows the list.")
    @APIResponse(
            responseCode = "200",
            description = "A page of events (an empty list is 200 too)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventPage.class),
                            examples = @ExampleObject(name = "rally", value = EXAMPLE_PAGE)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match ETag is current")
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (dates, from after to, lang, status, region, cursor, limit)")
    public Response list(
            @Parameter(description = FROM_DOC, example = "2027-07-01") @QueryParam("from") String from,
            @Parameter(description = TO_DOC, example = "2027-07-31") @QueryParam("to") String to,
            @Parameter(description = REGION_DOC, example = "khanh-hoa") @QueryParam("region") String region,
            @Parameter(description = "Language; wins over Accept-Language", example = "vi") @QueryParam("lang")
                    String lang,
            @Parameter(description = "Campaign tag", example = "july-30-2027") @QueryParam("campaign") String campaign,
            @Parameter(
                            description = "Only events in this status",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"scheduled", "postponed", "cancelled"}))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, at most 100", example = "20") @QueryParam("limit") @Min(1)
                    Integer limit,
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
    @Operation(summary = "One campaign event", description = "Answered in the event's own language (Content-Language).")
    @APIResponse(
            responseCode = "200",
            description = "The event",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventView.class),
                            examples = @ExampleObject(name = "rally", value = EXAMPLE_EVENT)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match ETag is current")
    @APIResponse(responseCode = "404", description = "No event has this slug")
    public Response one(
            @Parameter(example = "mit-tinh-30-7-2027-phan-rang") @PathParam("slug") String slug,
            @Context Request request,
            @Context HttpHeaders headers) {
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
    @Operation(
            summary = "Calendar feed of campaign events (iCalendar)",
            description =
                    "Subscribe from a phone calendar (webcal://...). Future events and those ended in the last 30 days, "
                            + "cancelled ones included with STATUS:CANCELLED so that calendars remove them; SEQUENCE rises on every change.")
    @APIResponse(
            responseCode = "200",
            description = "An RFC 5545 calendar",
            content =
                    @Content(
                            mediaType = EventCalendar.TEXT_CALENDAR,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "feed", value = EXAMPLE_ICS)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match ETag is current")
    @APIResponse(responseCode = "400", description = "lang or region is invalid")
    public Response feed(
            @Parameter(description = REGION_DOC, example = "khanh-hoa") @QueryParam("region") String region,
            @Parameter(description = "Language; wins over Accept-Language", example = "vi") @QueryParam("lang")
                    String lang,
            @Parameter(description = "Campaign tag", example = "july-30-2027") @QueryParam("campaign") String campaign,
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
