package org.vigil.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    public PartnerViews.TipActions list(@PathParam("reference") @Size(max = 20) String reference) {
        return actions.forTip(reader, reference);
    }
}
