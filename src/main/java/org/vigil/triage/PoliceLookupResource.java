package org.vigil.triage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.security.Roles;
import org.vigil.platform.web.Coded;
import org.vigil.platform.web.Page;
import org.vigil.tip.IdentifierType;
import org.vigil.tip.TipRequest;

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
    @Operation(
            summary =
                    "Every visible tip naming this phone number, account, wallet or link (matched on its normalised form)")
    @APIResponse(
            responseCode = "200",
            description = "Tips, newest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "tips", value = """
                    {"items": [{"reference": "7KQM2XHD9PA", "status": "TRIAGED", "category": "online-fraud",
                      "inDangerNow": false, "priority": "HIGH", "receivedAt": "2026-07-30T02:15:00Z"}]}""")))
    @APIResponse(responseCode = "400", description = "Missing or unparseable type or value; `errors[].field` names it")
    public Page<TriageViews.QueueItem> tipsNaming(
            @Parameter(
                            description = "phone, bank-account, e-wallet, url, social-account or other",
                            example = "phone",
                            required = true)
                    @QueryParam("type")
                    String type,
            @Parameter(
                            description = "The identifier as written anywhere, e.g. 0912 345 678",
                            example = "0912 345 678",
                            required = true)
                    @QueryParam("value")
                    String value,
            @Parameter(description = "Bank code, for bank-account", example = "VCB") @QueryParam("bank") String bank,
            @Parameter(description = "Wallet provider, for e-wallet", example = "MOMO") @QueryParam("provider")
                    String provider,
            @Parameter(description = "Page size, default 20, at most 100") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        if (type == null || type.isBlank()) {
            throw ApiException.invalid("type", "is required");
        }
        IdentifierType identifierType = Coded.param(IdentifierType.class, "type", type);
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("value", "is required");
        }
        return queue.tipsNaming(
                officer, new TipRequest.Identifier(identifierType, value, bank, provider), cursor, Page.limit(limit));
    }

    @GET
    @Path("audit")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Supervisors: the audit log of one tip or of one officer, newest first")
    @APIResponse(
            responseCode = "200",
            description = "Audit entries",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "log", value = """
                    {"items": [{"reference": "7KQM2XHD9PA", "actor": "officer.lan", "action": "STATUS",
                      "detail": "NEW -> TRIAGED", "at": "2026-07-30T02:31:07.114Z"}]}""")))
    @APIResponse(responseCode = "400", description = "Not exactly one of reference and officer")
    public Page<TriageViews.Audit> audit(
            @Parameter(description = "A tip's reference", example = "7KQM2XHD9PA") @QueryParam("reference")
                    String reference,
            @Parameter(description = "An officer's upn", example = "officer.lan") @QueryParam("officer") String actor,
            @Parameter(description = "Page size, default 20, at most 100") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return audit.auditLog(reference, actor, cursor, Page.limit(limit));
    }
}
