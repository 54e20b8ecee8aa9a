package org.vigil.indicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.Staff;
import org.vigil.platform.web.Coded;
import org.vigil.platform.web.Page;

/**
 * The police side of indicators: officers propose, supervisors verify and publish, reject, delist
 * and decide disputes. Thin: rules and history are in {@link IndicatorService} and {@link IndicatorDisputes}. Proposing a tip's
 * identifier is a triage operation ({@code POST /api/v1/police/tips/{reference}/identifiers/{position}/indicator}),
 * where the tip's visibility is checked and the access audited.
 */
@SecurityRequirement(name = "bearer")
@Path("/api/v1/police")
@Tag(
        name = "Police indicators",
        description = "Scam indicators: proposals, verification and publication, delisting,"
                + " history, and citizens' disputes. Every answer is no-store.")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PoliceIndicatorResource {

    private static final String ID = "The indicator's id";

    private final IndicatorService service;
    private final IndicatorDisputes disputes;
    private final Staff staff;
    private final PoliceReader reader;

    PoliceIndicatorResource(IndicatorService service, IndicatorDisputes disputes, Staff staff, PoliceReader reader) {
        this.disputes = disputes;
        this.service = service;
        this.staff = staff;
        this.reader = reader;
    }

    /** Documents the page type in OpenAPI (generic types are erased). */
    @Schema(name = "PoliceIndicatorPage")
    record IndicatorPage(
            @Schema(maxItems = 100) java.util.List<IndicatorViews.Police> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}

    @Schema(name = "PoliceIndicatorDisputePage")
    record DisputePage(
            @Schema(maxItems = 100) java.util.List<IndicatorViews.PoliceDispute> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}

    @GET
    @Path("indicators")
    @Operation(
            summary = "Indicators, newest first; filter by status, type, or a value (matched on its normalised form)",
            description =
                    "An officer sees the indicators proposed by hand or from a tip they may see (their region's or"
                            + " unplaced), and the ones that have been public, those without the tip they came from.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorPage.class)))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid; `errors[].field` names it")
    public Page<IndicatorViews.Police> list(
            @Parameter(description = "PROPOSED, PUBLISHED, REJECTED, DELISTED or EXPIRED", example = "PROPOSED")
                    @QueryParam("status")
                    @Size(max = 16)
                    String status,
            @Parameter(description = IndicatorType.CODES, example = "phone") @QueryParam("type") @Size(max = 20)
                    String type,
            @Parameter(description = "A value as written anywhere (needs type)", example = "0388 123 456")
                    @QueryParam("value")
                    @Size(max = 500)
                    String value,
            @Parameter(description = "Bank code, for bank-account", example = "VCB") @QueryParam("bank") @Size(max = 20)
                    String bank,
            @Parameter(description = "Wallet provider, for e-wallet", example = "MOMO")
                    @QueryParam("provider")
                    @Size(max = 40)
                    String provider,
            @Parameter(description = "Page size, default 20, at most 100") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200)
                    String cursor) {
        Indicator.Status wanted = Coded.param(Indicator.Status.class, "status", status);
        return service.list(
                reader,
                wanted,
                IndicatorType.param("type", type),
                value == null || value.isBlank() ? null : value,
                bank,
                provider,
                cursor,
                Page.limit(limit));
    }

    @POST
    @Path("indicators")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose an indicator entered by hand, with the evidence for it")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorRequests.Proposal.class),
                            examples = @ExampleObject(name = "fake-police", value = IndicatorExamples.PROPOSAL)))
    @APIResponse(
            responseCode = "201",
            description = "Proposed; a supervisor verifies and publishes it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorViews.Police.class)))
    @APIResponse(responseCode = "400", description = "Invalid proposal; `errors[].field` names the field")
    @APIResponse(responseCode = "409", description = "The value is already proposed or listed")
    public Response propose(@Valid @NotNull IndicatorRequests.Proposal proposal) {
        IndicatorViews.Police created = service.propose(actor(), proposal);
        return Response.created(URI.create("/api/v1/police/indicators/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("indicators/{id}")
    @Operation(
            summary = "One indicator with its evidence and history",
            description = "Proposed from a tip outside the officer's region: 404 like an unknown id while it was never"
                    + " public; once published, shown without source tip, evidence, reason and history.")
    @APIResponse(
            responseCode = "200",
            description = "The indicator",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorViews.Police.class),
                            examples = @ExampleObject(name = "published", value = IndicatorExamples.POLICE_INDICATOR)))
    @APIResponse(
            responseCode = "404",
            description = "No indicator with this id, or a proposal from a tip of another region")
    public IndicatorViews.Police details(@Parameter(description = ID, example = "42") @PathParam("id") long id) {
        return service.details(reader, id);
    }

    @POST
    @Path("indicators/{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(
            summary = "Supervisors: verify a proposal and publish it until an expiry date",
            description = "From then on it answers the public check and is in the partner feed. The verifier must not"
                    + " be the officer who proposed it.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorRequests.Publication.class),
                            examples = @ExampleObject(name = "a-year", value = "{\"expiresOn\": \"2027-07-30\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Published",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorViews.Police.class)))
    @APIResponse(responseCode = "400", description = "Missing, past or too distant expiresOn")
    @APIResponse(responseCode = "404", description = "No indicator with this id")
    @APIResponse(responseCode = "409", description = "Not a proposal, or the caller proposed it")
    public IndicatorViews.Police publish(
            @Parameter(description = ID, example = "42") @PathParam("id") long id,
            @Valid @NotNull IndicatorRequests.Publication body) {
        return service.publish(actor(), id, body);
    }

    @POST
    @Path("indicators/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Supervisors: reject a proposal, with a reason")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorRequests.Reason.class),
                            examples =
                                    @ExampleObject(
                                            name = "weak",
                                            value = "{\"reason\": \"Chỉ có một tin báo, chưa đủ căn cứ.\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Rejected",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorViews.Police.class)))
    @APIResponse(responseCode = "400", description = "Missing or too long reason")
    @APIResponse(responseCode = "404", description = "No indicator with this id")
    @APIResponse(responseCode = "409", description = "Not a proposal")
    public IndicatorViews.Police reject(
            @Parameter(description = ID, example = "42") @PathParam("id") long id,
            @Valid @NotNull IndicatorRequests.Reason body) {
        return service.reject(actor(), id, body);
    }

    @POST
    @Path("indicators/{id}/delist")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(
            summary = "Supervisors: delist a published indicator, with a reason",
            description = "It leaves the public check at once; partners get a tombstone in their next sync.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorRequests.Reason.class),
                            examples =
                                    @ExampleObject(
                                            name = "reassigned",
                                            value = "{\"reason\": \"Số đã được cấp lại cho thuê bao khác.\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Delisted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorViews.Police.class)))
    @APIResponse(responseCode = "400", description = "Missing or too long reason")
    @APIResponse(responseCode = "404", description = "No indicator with this id")
    @APIResponse(responseCode = "409", description = "Not published")
    public IndicatorViews.Police delist(
            @Parameter(description = ID, example = "42") @PathParam("id") long id,
            @Valid @NotNull IndicatorRequests.Reason body) {
        return service.delist(actor(), id, body);
    }

    @GET
    @Path("indicator-disputes")
    @Operation(
            summary = "Citizens' disputes of listed indicators, oldest first (the disputes queue)",
            description = "Statements and contacts are shown to supervisors only, and each reading is in the audit log"
                    + " (action DISPUTE_READ); officers see the queue without them.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DisputePage.class)))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid; `errors[].field` names it")
    public Page<IndicatorViews.PoliceDispute> disputes(
            @Parameter(description = "OPEN, UPHELD or REJECTED", example = "OPEN") @QueryParam("status") @Size(max = 16)
                    String status,
            @Parameter(description = "Page size, default 20, at most 100") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200)
                    String cursor) {
        IndicatorDispute.Status wanted = Coded.param(IndicatorDispute.Status.class, "status", status);
        return disputes.disputes(reader, wanted, cursor, Page.limit(limit));
    }

    @POST
    @Path("indicator-disputes/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Supervisors: uphold a dispute (the indicator is delisted) or reject it, with a reason")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorRequests.Decision.class),
                            examples =
                                    @ExampleObject(
                                            name = "upheld",
                                            value =
                                                    "{\"upheld\": true, \"reason\": \"Chủ thuê bao chứng minh số thuộc cửa hàng.\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Decided",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorViews.PoliceDispute.class)))
    @APIResponse(responseCode = "400", description = "Missing decision or reason")
    @APIResponse(responseCode = "404", description = "No dispute with this id")
    @APIResponse(responseCode = "409", description = "Already decided")
    public IndicatorViews.PoliceDispute decide(
            @Parameter(description = "The dispute's id", example = "7") @PathParam("id") long id,
            @Valid @NotNull IndicatorRequests.Decision body) {
        return disputes.decide(reader, actor(), id, body);
    }

    /** The JWT's user name (upn), recorded in the indicator's history. */
    private String actor() {
        return staff.name();
    }
}
