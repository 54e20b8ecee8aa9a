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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.Staff;
import org.vigil.platform.web.IdempotencyKeys;

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
    public Response report(
            @PathParam("id") long id,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull PartnerRequests.Action request) {
        PartnerActions.Reported reported = actions.report(caller, id, request, idempotencyKey);
        return Response.status(reported.created() ? 201 : 200)
                .entity(reported.action())
                .build();
    }
}
