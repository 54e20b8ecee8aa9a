package org.vigil.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.indicator.IndicatorViews;
import org.vigil.indicator.PartnerFeed;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.Staff;
import org.vigil.platform.web.Page;

/**
 * Banks and telecom operators keep their block lists in sync with the verified indicators of the
 * types their organisation receives; every read is audited by organisation.
 */
@SecurityRequirement(name = "bearer")
@Path("/api/v1/partner/indicators")
@Tag(name = "Partner feed", description = "Verified scam indicators for banks and telecom operators (role partner)")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
public class PartnerFeedResource {

    private final PartnerFeedReads reads;
    private final Staff caller;

    PartnerFeedResource(PartnerFeedReads reads, Staff caller) {
        this.reads = reads;
        this.caller = caller;
    }

    @GET
    public Response list(
            @QueryParam("updatedSince") @Size(max = 40) String updatedSince,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") @Size(max = 200) String cursor) {
        IndicatorViews.PartnerPage page =
                reads.page(caller, PartnerFeed.since(updatedSince), cursor, Page.limit(limit));
        return Response.ok(page).build();
    }
}
