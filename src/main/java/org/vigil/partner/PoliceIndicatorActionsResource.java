package org.vigil.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.indicator.PoliceReader;
import org.vigil.platform.security.Roles;

/** The police see which partner organisations acted on an indicator, how and how long after publication. */
@SecurityRequirement(name = "bearer")
@Path("/api/v1/police/indicators/{id}/partner-actions")
@Tag(name = "Police indicators")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PoliceIndicatorActionsResource {

    private final PartnerActions actions;
    private final PoliceReader reader;

    PoliceIndicatorActionsResource(PartnerActions actions, PoliceReader reader) {
        this.actions = actions;
        this.reader = reader;
    }

    @GET
    @Operation(summary = "What partner organisations did about an indicator, oldest action first")
    @APIResponse(
            responseCode = "200",
            description = "The actions (none before publication)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerViews.IndicatorActions.class)))
    @APIResponse(
            responseCode = "404",
            description = "No indicator with this id, or a proposal from a tip of another region")
    public PartnerViews.IndicatorActions list(
            @Parameter(description = "The indicator's id", example = "42") @PathParam("id") long id) {
        return actions.forIndicator(reader, id);
    }
}
