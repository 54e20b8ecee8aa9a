package org.vigil.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.Staff;
import org.vigil.tip.FilingProofs;

/**
 * A bank or an operator checks the filing proof a tipster shows it: genuine and unexpired, or a
 * problem saying which not. Nothing else is answered (the tip is not read), and the proof is not kept.
 */
@SecurityRequirement(name = "bearer")
@Path("/api/v1/partner/filing-proofs")
@Tag(name = "Partner feed", description = "Verified scam indicators for banks and telecom operators (role partner)")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
public class FilingProofResource {

    private final PartnerFeedReads reads;
    private final FilingProofs proofs;
    private final Staff caller;

    FilingProofResource(PartnerFeedReads reads, FilingProofs proofs, Staff caller) {
        this.reads = reads;
        this.proofs = proofs;
        this.caller = caller;
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public PartnerViews.FilingProofVerdict verify(@Valid @NotNull PartnerRequests.FilingProof body) {
        reads.partner(caller);
        proofs.verify(body.proof().strip());
        return new PartnerViews.FilingProofVerdict(true);
    }
}
