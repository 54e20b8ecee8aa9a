package org.vigil.triage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.indicator.IndicatorRequests;
import org.vigil.indicator.IndicatorViews;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.security.Roles;
import org.vigil.platform.web.Coded;
import org.vigil.platform.web.Page;
import org.vigil.tip.TipCategory;
import org.vigil.tip.TipContent;
import org.vigil.tip.TipStatus;

/** The police queue and the work on one tip. Thin: rules, visibility and audit are in {@link TriageQueue}, {@link CaseFiles} and {@link TipWorkflow}. */
@SecurityRequirement(name = "bearer")
@Path(PoliceTipResource.BASE + "/tips")
@Tag(
        name = "Police triage",
        description =
                "Officers' queue of tips: reading, claims, workflow, notes and replies."
                        + " Officers see their region's tips and tips without a region; supervisors see all. Every answer is no-store.")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PoliceTipResource {

    static final String BASE = "/api/v1/police";
    private static final String REF = "The tip's reference";
    private static final String REF_EXAMPLE = "7KQM2XHD9PA";

    private final TriageQueue queue;
    private final CaseFiles cases;
    private final TipWorkflow workflow;
    private final Officer officer;

    PoliceTipResource(TriageQueue queue, CaseFiles cases, TipWorkflow workflow, Officer officer) {
        this.queue = queue;
        this.cases = cases;
        this.workflow = workflow;
        this.officer = officer;
    }

    @GET
    @Operation(summary = "The queue: in danger now first, then oldest first, with counts per status")
    @APIResponse(
            responseCode = "200",
            description = "One page of tips",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TriageViews.Queue.class),
                            examples = @ExampleObject(name = "queue", value = """
                            {"items": [{"reference": "7KQM2XHD9PA", "status": "NEW", "category": "kidnapping-ransom",
                              "inDangerNow": true, "regionCode": "VN-31", "priority": "NORMAL",
                              "receivedAt": "2026-07-30T02:15:00Z"}],
                             "nextCursor": "dHJ1ZQoyMDI2LTA3LTMwVDAyOjE1OjAwWgo0Mg", "counts": {"NEW": 1}}""")))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid; `errors[].field` names it")
    public TriageViews.Queue queue(
            @Parameter(
                            description = "Only this status",
                            example = "NEW",
                            schema = @Schema(implementation = TipStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Only this category", example = "kidnapping-ransom") @QueryParam("category")
                    String category,
            @Parameter(description = "Only this region code", example = "VN-31") @QueryParam("region") String region,
            @Parameter(
                            description = "Only tips where someone is (or is not) in danger now",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("inDangerNow")
                    String inDangerNow,
            @Parameter(description = "Only tips claimed by this officer (upn)", example = "officer.lan")
                    @QueryParam("assignee")
                    String assignee,
            @Parameter(
                            description = "Only claimed (true) or unclaimed (false) tips",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("claimed")
                    String claimed,
            @Parameter(description = "Page size, default 20, at most 100") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        var filter = new TriageQueue.QueueFilter(
                status(status),
                category(category),
                region,
                bool("inDangerNow", inDangerNow),
                assignee,
                bool("claimed", claimed));
        return queue.queue(officer, filter, cursor, Page.limit(limit));
    }

    @GET
    @Path("{reference}")
    @Operation(
            summary =
                    "A tip decrypted: narrative, contact, identifiers, thread, files, notes and related tips (audited)")
    @APIResponse(
            responseCode = "200",
            description = "The tip",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TriageViews.Details.class)))
    @APIResponse(responseCode = "404", description = "No such tip, or not in the officer's region")
    public TriageViews.Details details(
            @Parameter(description = REF, example = REF_EXAMPLE) @PathParam("reference") String reference) {
        return cases.details(officer, reference);
    }

    @GET
    @Path("{reference}/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a file of the tip (audited)")
    @APIResponse(
            responseCode = "200",
            description = "The file, as stored (metadata removed)",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such tip or attachment, or not in the officer's region")
    @APIResponse(
            responseCode = "409",
            description = "The stored file does not decrypt in its place (altered or moved in" + " the database)")
    public Response download(
            @Parameter(description = REF, example = REF_EXAMPLE) @PathParam("reference") String reference,
            @Parameter(description = "Attachment id from the tip's details", example = "42") @PathParam("id") long id) {
        TipContent.File file = cases.download(officer, reference, id);
        return Response.ok(file.content(), file.mediaType())
                .header(
                        "Content-Disposition",
                        "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(file.name(), StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @POST
    @Path("{reference}/claim")
    @Operation(summary = "Claim the tip: the caller works on it; a tip claimed by someone else is a 409")
    @APIResponse(
            responseCode = "200",
            description = "Claimed by the caller (also when already theirs)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TriageViews.Claim.class),
                            examples = @ExampleObject(name = "claimed", value = """
                            {"reference": "7KQM2XHD9PA", "assignee": "officer.lan", "claimedAt": "2026-07-30T02:20:11.532Z"}""")))
    @APIResponse(responseCode = "404", description = "No such tip, or not in the officer's region")
    @APIResponse(responseCode = "409", description = "Another officer holds the tip")
    public TriageViews.Claim claim(
            @Parameter(description = REF, example = REF_EXAMPLE) @PathParam("reference") String reference) {
        return workflow.claim(officer, reference);
    }

    @POST
    @Path("{reference}/release")
    @Operation(summary = "Give the tip back to the queue (its assignee, or a supervisor)")
    @APIResponse(
            responseCode = "200",
            description = "Unclaimed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TriageViews.Claim.class)))
    @APIResponse(responseCode = "404", description = "No such tip, or not in the officer's region")
    @APIResponse(responseCode = "409", description = "The tip is not claimed by the caller")
    public TriageViews.Claim release(
            @Parameter(description = REF, example = REF_EXAMPLE) @PathParam("reference") String reference) {
        return workflow.release(officer, reference);
    }

    @PUT
    @Path("{reference}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Supervisors: hand the tip to an officer, or to nobody")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = TriageRequests.Assignment.class),
                            examples = @ExampleObject(name = "to", value = "{\"assignee\": \"officer.minh\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The new assignment",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TriageViews.Claim.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such tip")
    public TriageViews.Claim reassign(
            @Parameter(description = REF, example = REF_EXAMPLE) @PathParam("reference") String reference,
            @Valid @NotNull TriageRequests.Assignment body) {
        return workflow.reassign(officer, reference, body.assignee());
    }

    @PUT
    @Path("{reference}/legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Supervisors: put a tip on legal hold (its content outlives the retention period), or lift it")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = TriageRequests.LegalHold.class),
                            examples = @ExampleObject(name = "hold", value = "{\"hold\": true}")))
    @APIResponse(
            responseCode = "200",
            description = "The hold now in force",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TriageRequests.LegalHold.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such tip")
    @APIResponse(responseCode = "409", description = "The content was already deleted")
    public TriageRequests.LegalHold legalHold(
            @Parameter(description = REF, example = REF_EXAMPLE) @PathParam("reference") String reference,
            @Valid @NotNull TriageRequests.LegalHold body) {
        return new TriageRequests.LegalHold(workflow.legalHold(officer, reference, body.hold()));
    }

    @POST
    @Path("{reference}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the tip along the workflow; the tipster sees only received, being-reviewed or closed")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = TriageRequests.StatusChange.class),
                            examples = {
                                @ExampleObject(name = "triaged", value = "{\"status\": \"TRIAGED\"}"),
                                @ExampleObject(
                                        name = "duplicate",
                                        value =
                                                "{\"status\": \"REJECTED\", \"reason\": \"duplicate\", \"duplicateOf\": \"4HX9TQ2M8B7\"}")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The tip's new state",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TriageViews.QueueItem.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, missing reason or unknown duplicateOf")
    @APIResponse(responseCode = "404", description = "No such tip, or not in the officer's region")
    @APIResponse(
            responseCode = "409",
            description = "This transition is not allowed from the current status, or another"
                    + " officer has claimed the tip (only they or a supervisor may act on it)")
    public TriageViews.QueueItem status(
            @Parameter(description = REF, example = REF_EXAMPLE) @PathParam("reference") String reference,
            @Valid @NotNull TriageRequests.StatusChange body) {
        return workflow.changeStatus(officer, reference, body);
    }

    @PUT
    @Path("{reference}/priority")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the tip's priority")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = TriageRequests.PriorityChange.class),
                            examples = @ExampleObject(name = "high", value = "{\"priority\": \"HIGH\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The tip's new state",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TriageViews.QueueItem.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such tip, or not in the officer's region")
    @APIResponse(
            responseCode = "409",
            description = "Changed concurrently (reload and retry), or another officer has claimed"
                    + " the tip (only they or a supervisor may act on it)")
    public TriageViews.QueueItem priority(
            @Parameter(description = REF, example = REF_EXAMPLE) @PathParam("reference") String reference,
            @Valid @NotNull TriageRequests.PriorityChange body) {
        return workflow.changePriority(officer, reference, body.priority());
    }

    @PUT
    @Path("{reference}/labels")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the tip's labels (lower-cased, sorted)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = TriageRequests.Labels.class),
                            examples =
                                    @ExampleObject(
                                            name = "labels",
                                            value = "{\"labels\": [\"ransom\", \"cambodia\"]}")))
    @APIResponse(
            responseCode = "200",
            description = "The labels now on the tip",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "labels", value = "[\"cambodia\", \"ransom\"]")))
    @APIResponse(responseCode = "400", description = "Invalid label; `errors[].field` names it")
    @APIResponse(responseCode = "404", description = "No such tip, or not in the officer's region")
    @APIResponse(
            responseCode = "409",
            description = "Another officer has claimed the tip: only they or a supervisor may act on it")
    public List<String> labels(
            @Parameter(description = REF, example = REF_EXAMPLE) @PathParam("reference") String reference,
            @Valid @NotNull TriageRequests.Labels body) {
        return workflow.replaceLabels(officer, reference, body.labels());
    }

    @POST
    @Path("{reference}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add an internal note (never shown to the tipster)",
            description = "Open to every officer who sees the tip, also when another officer has claimed it.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = TriageRequests.Text.class),
                            examples =
                                    @ExampleObject(
                                            name = "note",
                                            value = "{\"text\": \"Đã đối chiếu số tài khoản với vụ việc tháng 6.\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Note added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TriageViews.Note.class)))
    @APIResponse(responseCode = "400", description = "Empty or too long text")
    @APIResponse(responseCode = "404", description = "No such tip, or not in the officer's region")
    public Response note(
            @Parameter(description = REF, example = REF_EXAMPLE) @PathParam("reference") String reference,
            @Valid @NotNull TriageRequests.Text body) {
        return Response.status(201)
                .entity(workflow.addNote(officer, reference, body.text()))
                .build();
    }

    @POST
    @Path("{reference}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reply to the tipster: the message appears in the tipster's anonymous thread")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = TriageRequests.Text.class),
                            examples =
                                    @ExampleObject(
                                            name = "reply",
                                            value =
                                                    "{\"text\": \"Cảm ơn bạn. Bạn có thể gửi ảnh chụp tin nhắn đòi tiền chuộc không?\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Reply sent",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TriageViews.Message.class)))
    @APIResponse(responseCode = "400", description = "Empty or too long text")
    @APIResponse(responseCode = "404", description = "No such tip, or not in the officer's region")
    @APIResponse(
            responseCode = "409",
            description = "Another officer has claimed the tip: only they or a supervisor may act on it")
    public Response reply(
            @Parameter(description = REF, example = REF_EXAMPLE) @PathParam("reference") String reference,
            @Valid @NotNull TriageRequests.Text body) {
        return Response.status(201)
                .entity(workflow.reply(officer, reference, body.text()))
                .build();
    }

    @POST
    @Path("{reference}/identifiers/{position}/indicator")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Propose one of the tip's phone numbers, accounts, wallets or links as a scam indicator",
            description = "The tip is the evidence; a supervisor verifies and publishes the proposal"
                    + " (see Police indicators). Audited on the tip.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = IndicatorRequests.FromTip.class),
                            examples =
                                    @ExampleObject(
                                            name = "fake-job",
                                            value = "{\"scamTypes\": [\"fake-job-abroad\"],"
                                                    + " \"note\": \"Cùng số này xuất hiện trong 3 tin báo khác.\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Proposed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorViews.Police.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a link to a domain nobody owns")
    @APIResponse(responseCode = "404", description = "No such tip or identifier, or not in the officer's region")
    @APIResponse(
            responseCode = "409",
            description = "The value is already proposed or listed, or another officer has"
                    + " claimed the tip (only they or a supervisor may act on it)")
    @APIResponse(
            responseCode = "422",
            description = "This kind of identifier (social account, other) cannot be an indicator")
    public Response proposeIndicator(
            @Parameter(description = REF, example = REF_EXAMPLE) @PathParam("reference") String reference,
            @Parameter(description = "position of the identifier in the tip's details", example = "0")
                    @PathParam("position")
                    int position,
            @Valid @NotNull IndicatorRequests.FromTip body) {
        return Response.status(201)
                .entity(workflow.proposeIndicator(officer, reference, position, body))
                .build();
    }

    // JAX-RS would answer 404 to an unknown enum and read any non-"true" text as false: both are 400s here
    private static TipStatus status(String name) {
        return Coded.param(TipStatus.class, "status", name);
    }

    private static Boolean bool(String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid(field, "must be true or false");
        };
    }

    private static TipCategory category(String code) {
        return Coded.param(TipCategory.class, "category", code);
    }
}
