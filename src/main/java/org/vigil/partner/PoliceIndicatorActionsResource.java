package org.vigil.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    public PartnerViews.IndicatorActions list(@PathParam("id") long id) {
        return actions.forIndicator(reader, id);
    }
}
