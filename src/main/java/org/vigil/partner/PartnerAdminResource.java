package org.vigil.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.Staff;
import org.vigil.platform.web.Page;

/** Admins keep the list of partner organisations whose tokens may read the feed and report actions. */
@SecurityRequirement(name = "bearer")
@Path("/api/v1/admin/partners")
@Tag(
        name = "Partner organisations (admins)",
        description = "Banks, operators, platforms and registrars allowed on the partner API; role admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PartnerAdminResource {

    private static final String CODE =
            "The organisation's code, as its partner tokens carry it (lower-case letters, digits, . _ -)";

    private final Partners partners;
    private final Staff staff;

    PartnerAdminResource(Partners partners, Staff staff) {
        this.partners = partners;
        this.staff = staff;
    }

    @GET
    @Operation(summary = "The partner organisations, by code")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerViews.OrganisationPage.class)))
    @APIResponse(responseCode = "400", description = "Bad limit or cursor; `errors[].field` names it")
    public PartnerViews.OrganisationPage list(
            @Parameter(description = "Page size, default 20, at most 100") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200)
                    String cursor) {
        return partners.list(cursor, Page.limit(limit));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One partner organisation")
    @APIResponse(
            responseCode = "200",
            description = "The organisation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerViews.Organisation.class)))
    @APIResponse(responseCode = "400", description = "Not a code")
    @APIResponse(responseCode = "404", description = "No such organisation")
    public PartnerViews.Organisation get(
            @Parameter(description = CODE, example = "vcb")
                    @PathParam("code")
                    @Pattern(regexp = PartnerRequests.CODE_PATTERN)
                    String code) {
        return partners.get(code);
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add or replace a partner organisation",
            description = "Disabling one refuses its tokens at once (403); audited under its code.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerViews.Organisation.class)))
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerViews.Organisation.class)))
    @APIResponse(responseCode = "400", description = "Invalid code or body; `errors[].field` names the field")
    public Response save(
            @Parameter(description = CODE, example = "vcb")
                    @PathParam("code")
                    @Pattern(regexp = PartnerRequests.CODE_PATTERN)
                    String code,
            @Valid @NotNull PartnerRequests.Organisation request) {
        boolean created = partners.save(staff.name(), code, request);
        return Response.status(created ? 201 : 200).entity(partners.get(code)).build();
    }
}
