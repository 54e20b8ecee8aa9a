package org.vigil.triage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.security.Roles;
import org.vigil.platform.web.Page;
import org.vigil.tip.IdentifierType;
import org.vigil.tip.TipRequests;

/** Cross-tip look-ups for the police: tips naming an identifier, and the audit log. */
@SecurityRequirement(name = "bearer")
@Path(PoliceTipResource.BASE)
@Tag(name = "Police triage")
@Produces(MediaType.APPLICATION_JSON)
public class PoliceLookupResource {

    private final TriageQueue queue;
    private final TriageAudit audit;
    private final Officer officer;

    PoliceLookupResource(TriageQueue queue, TriageAudit audit, Officer officer) {
        this.queue = queue;
        this.audit = audit;
        this.officer = officer;
    }

    @GET
    @Path("identifiers/tips")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    public Page<TriageViews.QueueItem> tipsNaming(
            @QueryParam("type") @NotNull IdentifierType type,
            @QueryParam("value") @NotBlank String value,
            @QueryParam("bank") String bank,
            @QueryParam("provider") String provider,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return queue.tipsNaming(
                officer, new TipRequests.Tip.Identifier(type, value, bank, provider), cursor, Page.limit(limit));
    }

    @GET
    @Path("audit")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Page<TriageViews.Audit> audit(
            @QueryParam("reference") String reference,
            @QueryParam("officer") String actor,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return audit.auditLog(reference, actor, cursor, Page.limit(limit));
    }
}
