package org.vigil.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.Staff;
import org.vigil.platform.web.Page;

/**
 * Admins keep the list of partner organisations whose tokens may read the feed and report actions,
 * and the webhooks their urgent pushes go to.
 */
@SecurityRequirement(name = "bearer")
@Path("/api/v1/admin/partners")
@Tag(
        name = "Partner organisations (admins)",
        description = "Banks, operators, platforms and registrars allowed on the partner API; role admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PartnerAdminResource {

    private final Partners partners;
    private final PartnerWebhooks webhooks;
    private final Staff staff;

    PartnerAdminResource(Partners partners, PartnerWebhooks webhooks, Staff staff) {
        this.partners = partners;
        this.webhooks = webhooks;
        this.staff = staff;
    }

    @GET
    public PartnerViews.OrganisationPage list(
            @QueryParam("limit") Integer limit, @QueryParam("cursor") @Size(max = 200) String cursor) {
        return partners.list(cursor, Page.limit(limit));
    }

    @GET
    @Path("{code}")
    public PartnerViews.Organisation get(
            @PathParam("code") @Pattern(regexp = PartnerRequests.CODE_PATTERN) String code) {
        return partners.get(code);
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(
            @PathParam("code") @Pattern(regexp = PartnerRequests.CODE_PATTERN) String code,
            @Valid @NotNull PartnerRequests.Organisation request) {
        boolean created = partners.save(staff.name(), code, request);
        return Response.status(created ? 201 : 200).entity(partners.get(code)).build();
    }

    @GET
    @Path("{code}/webhook")
    public PartnerViews.Webhook webhook(
            @PathParam("code") @Pattern(regexp = PartnerRequests.CODE_PATTERN) String code) {
        return webhooks.get(code);
    }

    @PUT
    @Path("{code}/webhook")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response saveWebhook(
            @PathParam("code") @Pattern(regexp = PartnerRequests.CODE_PATTERN) String code,
            @Valid @NotNull PartnerRequests.Webhook request) {
        boolean created = webhooks.save(staff.name(), code, request);
        return Response.status(created ? 201 : 200).entity(webhooks.get(code)).build();
    }

    @DELETE
    @Path("{code}/webhook")
    public Response removeWebhook(@PathParam("code") @Pattern(regexp = PartnerRequests.CODE_PATTERN) String code) {
        webhooks.remove(staff.name(), code);
        return Response.noContent().build();
    }
}
