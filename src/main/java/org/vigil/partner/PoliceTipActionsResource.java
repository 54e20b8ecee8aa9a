package org.vigil.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
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

/** The police see, for a tip, what partners did about the published indicators of the identifiers it names. */
@SecurityRequirement(name = "bearer")
@Path("/api/v1/police/tips/{reference}/partner-actions")
@Tag(name = "Police indicators")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PoliceTipActionsResource {

    private final PartnerActions actions;
    private final PoliceReader reader;

    PoliceTipActionsResource(PartnerActions actions, PoliceReader reader) {
        this.actions = actions;
        this.reader = reader;
    }

    @GET
    @Operation(
            summary = "What partner organisations did about the indicators of a tip's identifiers",
            description = "Every published indicator (listed now or not) whose value one of the tip's identifiers"
                    + " names, with the organisations that acted, how and how long after publication.")
    @APIResponse(
            responseCode = "200",
            description = "The tip's published indicators and their actions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerViews.TipActions.class)))
    @APIResponse(responseCode = "400", description = "Not a reference")
    @APIResponse(responseCode = "404", description = "No such tip, or not in the officer's region")
    public PartnerViews.TipActions list(
            @Parameter(description = "The tip's reference", example = "7KQM2XHD9PA")
                    @PathParam("reference")
                    @Size(max = 20)
                    String reference) {
        return actions.forTip(reader, reference);
    }
}
