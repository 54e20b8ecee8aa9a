package org.vigil.indicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.Staff;
import org.vigil.platform.web.Page;

/**
 * The police side of indicators: officers propose, supervisors verify and publish, reject, delist
 * and decide disputes. Thin: rules and history are in {@link IndicatorService} and {@link IndicatorDisputes}. Proposing a tip's
 * identifier is a triage operation ({@code POST /api/v1/police/tips/{reference}/identifiers/{position}/indicator}),
 * where the tip's visibility is checked and the access audited.
 */
@SecurityRequirement(name = "bearer")
@Path("/api/v1/police")
@Tag(
        name = "Police indicators",
        description = "Scam indicators: proposals, verification and publication, delisting,"
                + " history, and citizens' disputes. Every answer is no-store.")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PoliceIndicatorResource {

    private final IndicatorService service;
    private final IndicatorDisputes disputes;
    private final Staff staff;
    private final PoliceReader reader;

    PoliceIndicatorResource(IndicatorService service, IndicatorDisputes disputes, Staff staff, PoliceReader reader) {
        this.disputes = disputes;
        this.service = service;
        this.staff = staff;
        this.reader = reader;
    }

    @GET
    @Path("indicators")
    public Page<IndicatorViews.Police> list(
            @QueryParam("status") Indicator.Status status,
            @QueryParam("type") IndicatorType type,
            @QueryParam("value") @Size(max = 500) String value,
            @QueryParam("bank") @Size(max = 20) String bank,
            @QueryParam("provider") @Size(max = 40) String provider,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") @Size(max = 200) String cursor) {
        return service.list(
                reader,
                status,
                type,
                value == null || value.isBlank() ? null : value,
                bank,
                provider,
                cursor,
                Page.limit(limit));
    }

    @POST
    @Path("indicators")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response propose(@Valid @NotNull IndicatorRequests.Proposal proposal) {
        IndicatorViews.Police created = service.propose(actor(), proposal);
        return Response.created(URI.create("/api/v1/police/indicators/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("indicators/{id}")
    public IndicatorViews.Police details(@PathParam("id") long id) {
        return service.details(reader, id);
    }

    @POST
    @Path("indicators/{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public IndicatorViews.Police publish(@PathParam("id") long id, @Valid @NotNull IndicatorRequests.Publication body) {
        return service.publish(actor(), id, body);
    }

    @POST
    @Path("indicators/{id}/publish-urgent")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public IndicatorViews.Police publishUrgent(
            @PathParam("id") long id, @Valid @NotNull IndicatorRequests.UrgentPublication body) {
        return service.publishUrgent(reader, actor(), id, body);
    }

    @POST
    @Path("indicators/{id}/confirm-urgent")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public IndicatorViews.Police confirmUrgent(@PathParam("id") long id) {
        return service.confirmUrgent(reader, actor(), id);
    }

    @POST
    @Path("indicators/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public IndicatorViews.Police reject(@PathParam("id") long id, @Valid @NotNull IndicatorRequests.Reason body) {
        return service.reject(actor(), id, body);
    }

    @POST
    @Path("indicators/{id}/delist")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public IndicatorViews.Police delist(@PathParam("id") long id, @Valid @NotNull IndicatorRequests.Reason body) {
        return service.delist(actor(), id, body);
    }

    @GET
    @Path("indicator-disputes")
    public Page<IndicatorViews.PoliceDispute> disputes(
            @QueryParam("status") IndicatorDispute.Status status,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") @Size(max = 200) String cursor) {
        return disputes.disputes(reader, status, cursor, Page.limit(limit));
    }

    @POST
    @Path("indicator-disputes/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public IndicatorViews.PoliceDispute decide(
            @PathParam("id") long id, @Valid @NotNull IndicatorRequests.Decision body) {
        return disputes.decide(reader, actor(), id, body);
    }

    /** The JWT's user name (upn), recorded in the indicator's history. */
    private String actor() {
        return staff.name();
    }
}
