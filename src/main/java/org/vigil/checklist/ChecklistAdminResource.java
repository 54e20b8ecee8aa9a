package org.vigil.checklist;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.error.Problem;
import org.vigil.platform.security.Roles;
import org.vigil.platform.web.EditVersions;
import org.vigil.platform.web.Page;

/**
 * Editors write checklists here. Every change to an existing checklist needs the version the
 * editor saw in If-Match, so that nobody publishes or overwrites an edit they have not read.
 */
@Path("/api/v1/admin/checklists")
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "bearer")
@Tag(name = "Checklists (editors)", description = "Write, publish and withdraw checklists; role editor")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token lacks the editor role")
public class ChecklistAdminResource {

    private static final String EXAMPLE = """
            {"slug": "is-this-job-offer-abroad-a-trap", "lang": "en", "translationKey": "job-offer-abroad",
             "scamType": "fake-job-abroad", "title": "Is this job offer abroad a trap?",
             "introduction": "Answer honestly; nothing you answer is stored.",
             "items": [{"id": "asks-upfront-fee", "text": "Were you asked to pay a fee before you leave?", "weight": 8},
                       {"id": "passport-kept", "text": "Will someone keep your passport?", "weight": 9}],
             "bands": {"low": {"minPercent": 0, "advice": "Few warning signs. Still check the company with the labour department."},
                       "medium": {"minPercent": 25, "advice": "Several warning signs. Do not pay or travel before checking."},
                       "high": {"minPercent": 50, "advice": "This looks like trafficking. Do not go; call 113."}},
             "relatedArticles": ["well-paid-easy-jobs-abroad-the-traffickers-trap"]}""";

    private final ChecklistService checklists;

    ChecklistAdminResource(ChecklistService checklists) {
        this.checklists = checklists;
    }

    @Schema(name = "AdminChecklistSummaryPage")
    record SummaryPage(
            List<AdminChecklistSummary> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a checklist (as a draft)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChecklistRequest.class),
                            examples = @ExampleObject(name = "job offer", value = EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag (the version) are set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminChecklistView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, listed in errors[]",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "duplicate item id", value = """
                            {"type": "/problems/validation", "title": "Invalid request", "status": 400,
                             "detail": "1 field is invalid",
                             "errors": [{"field": "items[3].id", "message": "duplicates items[1].id"}]}""")))
    @APIResponse(responseCode = "409", description = "The slug, or the language of this translation, is taken")
    public Response create(@NotNull @Valid ChecklistRequest checklist) {
        AdminChecklistView created = checklists.create(checklist);
        return answer(Response.created(URI.create("/api/v1/admin/checklists/" + created.id())), created);
    }

    @GET
    @Operation(summary = "List checklists in any state, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of checklists",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SummaryPage.class)))
    @APIResponse(responseCode = "400", description = "Unknown status, lang or scamType, bad cursor or limit")
    public Response list(
            @Parameter(description = "DRAFT, PUBLISHED or WITHDRAWN") @QueryParam("status") String status,
            @Parameter(description = "Language code") @QueryParam("lang") String lang,
            @Parameter(description = ScamType.CODES) @QueryParam("scamType") String scamType,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, default 20, at most 100") @QueryParam("limit") @Min(1) Integer limit) {
        Page<AdminChecklistSummary> page = checklists.list(status, lang, scamType, cursor, limit);
        return Response.ok(page).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a checklist in any state; the ETag is its version")
    @APIResponse(
            responseCode = "200",
            description = "The checklist",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminChecklistView.class)))
    @APIResponse(responseCode = "404", description = "No such checklist")
    public Response get(@PathParam("id") long id) {
        return answer(Response.ok(), checklists.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a checklist, items included",
            description =
                    "Send the ETag you read in If-Match. A published checklist stays published with the new content.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChecklistRequest.class),
                            examples = @ExampleObject(name = "job offer", value = EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "Saved; the new ETag is set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminChecklistView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, listed in errors[]")
    @APIResponse(responseCode = "404", description = "No such checklist")
    @APIResponse(responseCode = "409", description = "The slug, or the language of this translation, is taken")
    @APIResponse(responseCode = "412", description = "If-Match names an older version: read again and reapply")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(
            @PathParam("id") long id,
            @Parameter(description = "The ETag you read", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @NotNull @Valid ChecklistRequest checklist) {
        return answer(Response.ok(), checklists.update(id, ifMatch, checklist));
    }

    @POST
    @Path("{id}/publish")
    @Operation(
            summary = "Publish a checklist (or publish it again after a withdrawal)",
            description = "Send the ETag you reviewed in If-Match. Publishing a published checklist changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "Published",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminChecklistView.class)))
    @APIResponse(responseCode = "404", description = "No such checklist")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response publish(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(Response.ok(), checklists.publish(id, ifMatch));
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw a published checklist from the public API")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminChecklistView.class)))
    @APIResponse(responseCode = "404", description = "No such checklist")
    @APIResponse(responseCode = "409", description = "A draft was never published")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response withdraw(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(Response.ok(), checklists.withdraw(id, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a checklist in any state")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such checklist")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response delete(
            @Parameter(example = "12") @PathParam("id") long id,
            @Parameter(description = "The ETag you read", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        checklists.delete(id, ifMatch);
        return Response.noContent().build();
    }

    private static Response answer(Response.ResponseBuilder builder, AdminChecklistView checklist) {
        return builder.entity(checklist)
                .type(MediaType.APPLICATION_JSON)
                .tag(EditVersions.etag(checklist.version()))
                .build();
    }
}
