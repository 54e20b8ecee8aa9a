package org.vigil.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.security.Roles;

/** The police see how fast each partner organisation acts, as the public sees it per sector. */
@SecurityRequirement(name = "bearer")
@Path("/api/v1/police/partner-statistics")
@Tag(name = "Police indicators")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PolicePartnerFiguresResource {

    private final PartnerFigures figures;

    PolicePartnerFiguresResource(PartnerFigures figures) {
        this.figures = figures;
    }

    @GET
    public PartnerViews.OrganisationFigures figures() {
        return figures.perOrganisation();
    }
}
