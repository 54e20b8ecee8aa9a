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
public class EventAdminResource {

    private final EventService events;

    EventAdminResource(EventService events) {
        this.events = events;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull EventRequests.Event request) {
        EventViews.Event created = events.create(request);
        return Response.created(URI.create("/api/v1/admin/events/" + created.id()))
                .entity(created)
                .tag(EditVersions.etag(created.version()))
                .build();
    }

    @GET
    public Response list(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("region") String region,
            @QueryParam("lang") String lang,
            @QueryParam("campaign") String campaign,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(1) Integer limit) {
        EventFilter filter = events.adminFilter(from, to, region, lang, campaign, status);
        Page<EventViews.Event> page = events.list(filter, cursor, Page.limit(limit));
        return Response.ok(page).build();
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") long id) {
        return versioned(events.byId(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull EventRequests.Event request) {
        return versioned(events.update(id, ifMatch, request));
    }

    @POST
    @Path("{id}/postpone")
    public Response postpone(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return versioned(events.postpone(id, ifMatch));
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return versioned(events.cancel(id, ifMatch));
    }

    @POST
    @Path("{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reschedule(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull EventRequests.Reschedule request) {
        return versioned(events.reschedule(id, ifMatch, request));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        events.delete(id, ifMatch);
        return Response.noContent().build();
    }

    private static Response versioned(EventViews.Event event) {
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
