package org.vigil.campaign;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.security.Roles;
import org.vigil.platform.web.EditVersions;
import org.vigil.platform.web.Page;

/**
 * Editors manage campaign events. Every change sends back the version it edits in If-Match
 * (the ETag of the last read) and raises the version, which calendars see as SEQUENCE.
 */
@Path("/api/v1/admin/events")
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "bearer")
@Tag(name = "Campaign events (editors)", description = "Create, change, postpone, cancel and delete campaign events")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token has no editor role")
public class EventAdminResource {

    private static final String IF_MATCH_DOC = "The ETag of the version being changed";

    private final EventService events;

    EventAdminResource(EventService events) {
        this.events = events;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create an event",
            description =
                    "Scheduled from the start. The slug is generated from the title (diacritics removed) unless given; "
                            + "zone defaults to the service's zone (Asia/Ho_Chi_Minh), lang to the default language.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventRequest.class),
                            examples = @ExampleObject(name = "rally", value = EXAMPLE_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it, ETag is its version",
            headers = {
                @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventView.class),
                            examples = @ExampleObject(name = "rally", value = EventResource.EXAMPLE_EVENT)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields (errors[] names them: title, end, zone, lang, coordinates.lat...)")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(@Valid @NotNull EventRequest request) {
        EventView created = events.create(request);
        return Response.created(URI.create("/api/v1/admin/events/" + created.id()))
                .entity(created)
                .tag(EditVersions.etag(created.version()))
                .build();
    }

    @GET
    @Operation(
            summary = "List events for editors",
            description =
                    "All languages (unless `lang`), past and future (unless `from`/`to`), every status, ordered by start.")
    @APIResponse(
            responseCode = "200",
            description = "A page of events",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventResource.EventPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    public Response list(
            @Parameter(description = "Events ending after this moment (ISO date or date-time)") @QueryParam("from")
                    String from,
            @Parameter(description = "Events starting before this moment (ISO date or date-time)") @QueryParam("to")
                    String to,
            @Parameter(description = "Region code; includes its sub-regions") @QueryParam("region") String region,
            @Parameter(description = "Only events in this language; all languages when absent") @QueryParam("lang")
                    String lang,
            @Parameter(description = "Campaign tag") @QueryParam("campaign") String campaign,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"scheduled", "postponed", "cancelled"}))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, at most 100") @QueryParam("limit") @Min(1) Integer limit) {
        EventFilter filter = events.adminFilter(from, to, region, lang, campaign, status);
        Page<EventView> page = events.list(filter, cursor, Page.limit(limit));
        return Response.ok(page).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One event, with its version as ETag")
    @APIResponse(
            responseCode = "200",
            description = "The event; ETag is its version, to send back in If-Match",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    public Response one(@PathParam("id") long id) {
        return versioned(events.byId(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace an event's fields",
            description =
                    "Status is unchanged (use postpone / cancel / reschedule). Without `slug` the current one is kept.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventRequest.class),
                            examples = @ExampleObject(name = "rally", value = EXAMPLE_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag is the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "409", description = "The slug is taken, or someone saved at the same moment")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(
            @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull EventRequest request) {
        return versioned(events.update(id, ifMatch, request));
    }

    @POST
    @Path("{id}/postpone")
    @Operation(
            summary = "Postpone a scheduled event (date to be announced)",
            description = "Calendars show it as TENTATIVE until it is rescheduled.")
    @APIResponse(
            responseCode = "200",
            description = "Postponed; ETag is the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "409", description = "The event is not scheduled")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response postpone(
            @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return versioned(events.postpone(id, ifMatch));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(
            summary = "Cancel an event",
            description = "The recommended way to call an event off: it stays listed and in the calendar feed with "
                    + "STATUS:CANCELLED, so subscribed calendars remove it.")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled; ETag is the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "409", description = "Already cancelled")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response cancel(
            @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return versioned(events.cancel(id, ifMatch));
    }

    @POST
    @Path("{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Give an event new times; it is scheduled again",
            description = "Works from any status: a postponed event gets its date, a cancelled one comes back.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RescheduleRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "a week later",
                                            value =
                                                    "{\"start\": \"2027-08-06T07:30:00\", \"end\": \"2027-08-06T09:30:00\", \"zone\": \"Asia/Ho_Chi_Minh\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Rescheduled; ETag is the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", description = "Invalid times or zone")
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response reschedule(
            @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RescheduleRequest request) {
        return versioned(events.reschedule(id, ifMatch, request));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete an event",
            description = "Subscribed calendars only notice when the event is missing from the feed, and some keep it: "
                    + "prefer cancel, which every calendar understands.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response delete(
            @Parameter(example = "7") @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, example = "\"2\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        events.delete(id, ifMatch);
        return Response.noContent().build();
    }

    private static Response versioned(EventView event) {
        return Response.ok(event).tag(EditVersions.etag(event.version())).build();
    }

    static final String EXAMPLE_REQUEST = """
            {"title": "Mít tinh hưởng ứng Ngày toàn quốc phòng, chống mua bán người 30/7",
             "description": "Mít tinh theo Quyết định số 793/QĐ-TTg của Thủ tướng Chính phủ.",
             "start": "2027-07-30T07:30:00", "end": "2027-07-30T09:30:00", "zone": "Asia/Ho_Chi_Minh",
             "venue": "Quảng trường 16 Tháng 4", "address": "Phường Phan Rang, tỉnh Khánh Hòa",
             "coordinates": {"lat": 11.5647, "lon": 108.9886}, "region": "khanh-hoa.phan-rang",
             "organiser": "Công an tỉnh", "audience": ["union-members", "students"],
             "campaign": "july-30-2027", "lang": "vi"}""";
}
