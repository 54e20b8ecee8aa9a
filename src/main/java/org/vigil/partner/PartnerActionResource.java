package org.vigil.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** A partner organisation says what it did about an indicator it received. */
@SecurityRequirement(name = "bearer")
@Path("/api/v1/partner/indicators/{id}/actions")
@Tag(name = "Partner feed", description = "Verified scam indicators for banks and telecom operators (role partner)")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
public class PartnerActionResource {

    private final PartnerActions actions;
    private final Staff caller;

    PartnerActionResource(PartnerActions actions, Staff caller) {
        this.actions = actions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report what the organisation did about an indicator it received",
            description = "Only for a published indicator of a type the organisation receives. Send an Idempotency-Key"
                    + " (a UUID) and repeat it on every retry: the same key and body answer the first report (200),"
                    + " never a second one. The police see who acted, how and how long after publication; the"
                    + " public statistics count the time to the first action per sector. `not-our-customer` and"
                    + " `no-match` say there was nothing to act on.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerViews.Action.class)))
    @APIResponse(
            responseCode = "200",
            description = "A retry with the same Idempotency-Key and body: the first report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerViews.Action.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid report or Idempotency-Key, an action before the publication or in the future;"
                    + " `errors[].field` names it")
    @APIResponse(responseCode = "403", description = "The token names no enabled partner organisation")
    @APIResponse(
            responseCode = "404",
            description = "No published indicator with this id of a type the organisation receives")
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is being processed concurrently; retry")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different report")
    public Response report(
            @Parameter(description = "The indicator's id, as the feed gives it", example = "42") @PathParam("id")
                    long id,
            @Parameter(
                            name = PartnerActions.IDEMPOTENCY_HEADER,
                            required = true,
                            description = "One per report (a UUID), repeated on every retry of it",
                            example = "6c1f2b1a-44f4-4c1c-9b8e-2f0b8b5a7d10")
                    @HeaderParam(PartnerActions.IDEMPOTENCY_HEADER)
                    String idempotencyKey,
            @Valid @NotNull PartnerRequests.Action request) {
        PartnerActions.Reported reported = actions.report(caller, id, request, idempotencyKey);
        return Response.status(reported.created() ? 201 : 200)
                .entity(reported.action())
                .build();
    }
}
