package org.vigil.checklist;

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
 * Editors write checklists here. Every change to an existing checklist needs the version the
 * editor saw in If-Match, so that nobody publishes or overwrites an edit they have not read.
 */
@Path("/api/v1/admin/checklists")
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "bearer")
@Tag(name = "Checklists (editors)", description = "Write, publish and withdraw checklists; role editor")
@Produces(MediaType.APPLICATION_JSON)
public class ChecklistAdminResource {

    private final ChecklistService checklists;

    ChecklistAdminResource(ChecklistService checklists) {
        this.checklists = checklists;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid ChecklistRequests.Draft checklist) {
        ChecklistViews.Admin created = checklists.create(checklist);
        return answer(Response.created(URI.create("/api/v1/admin/checklists/" + created.id())), created);
    }

    @GET
    public Response list(
            @QueryParam("status") String status,
            @QueryParam("lang") String lang,
            @QueryParam("scamType") String scamType,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(1) Integer limit) {
        Page<ChecklistViews.AdminSummary> page = checklists.list(status, lang, scamType, cursor, limit);
        return Response.ok(page).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return answer(Response.ok(), checklists.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ChecklistRequests.Draft checklist) {
        return answer(Response.ok(), checklists.update(id, ifMatch, checklist));
    }

    @POST
    @Path("{id}/publish")
    public Response publish(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(Response.ok(), checklists.publish(id, ifMatch));
    }

    @POST
    @Path("{id}/withdraw")
    public Response withdraw(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(Response.ok(), checklists.withdraw(id, ifMatch));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        checklists.delete(id, ifMatch);
        return Response.noContent().build();
    }

    private static Response answer(Response.ResponseBuilder builder, ChecklistViews.Admin checklist) {
        return builder.entity(checklist)
                .type(MediaType.APPLICATION_JSON)
                .tag(EditVersions.etag(checklist.version()))
                .build();
    }
}
