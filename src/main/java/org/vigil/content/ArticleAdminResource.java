package org.vigil.content;

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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.vigil.content.ArticleViews.ArticleAdmin;
import org.vigil.content.ArticleViews.ArticleAdminSummary;
import org.vigil.platform.security.Roles;
import org.vigil.platform.web.EditVersions;
import org.vigil.platform.web.Page;

@Path("/api/v1/admin/articles")
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "bearer")
@Tag(name = "Articles (editors)", description = "Write, publish, schedule, withdraw and delete articles")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's role is not editor")
public class ArticleAdminResource {

    static final String EXAMPLE_REQUEST = """
            {"slug": "canh-giac-viec-nhe-luong-cao-o-nuoc-ngoai", "translationKey": "fake-jobs-abroad", "lang": "vi",
             "category": "human-trafficking",
             "title": "Cảnh giác với lời mời việc nhẹ lương cao ở nước ngoài",
             "summary": "Nhiều người bị lừa sang nước ngoài, bị đánh đập và đòi tiền chuộc.",
             "bodyMarkdown": "## Thủ đoạn\\n\\n- Hứa việc nhẹ lương cao\\n- Lo hết vé máy bay",
             "tags": ["viec-lam", "tien-chuoc"], "source": "Công an tỉnh", "author": "Phòng Cảnh sát hình sự",
             "licence": "CC BY 4.0"}""";

    private final ArticleService service;
    private final ArticleQueries queries;

    ArticleAdminResource(ArticleService service, ArticleQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create an article as a draft",
            description = "The slug is generated from the title (Vietnamese transliterated to ASCII) when absent.")
    @APIResponse(
            responseCode = "201",
            description = "Created as a draft",
            headers = {
                @Header(name = "Location", description = "The article's admin address"),
                @Header(name = "ETag", description = "\"<version>\", to send back in If-Match")
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleAdmin.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, listed in errors[]")
    @APIResponse(responseCode = "409", description = "Slug taken, or the translation in this language exists")
    public RestResponse<ArticleAdmin> create(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ArticleRequest.class),
                                            examples = @ExampleObject(name = "draft", value = EXAMPLE_REQUEST)))
                    @Valid
                    @NotNull
                    ArticleRequest request) {
        ArticleAdmin created = service.create(request);
        return RestResponse.ResponseBuilder.<ArticleAdmin>created(URI.create("/api/v1/admin/articles/" + created.id()))
                .entity(created)
                .tag(EditVersions.etag(created.version()))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an article in any state")
    @APIResponse(
            responseCode = "200",
            description = "The article; its ETag is \"<version>\"",
            headers = @Header(name = "ETag", description = "\"<version>\", to send back in If-Match"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleAdmin.class)))
    @APIResponse(responseCode = "404", description = "No such article")
    public RestResponse<ArticleAdmin> get(@PathParam("id") long id) {
        return withVersion(service.get(id));
    }

    @GET
    @Operation(summary = "List articles in any state, newest first")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Unknown status, bad limit or cursor")
    public Page<ArticleAdminSummary> list(
            @Parameter(
                            description = "Only articles in this state",
                            schema = @Schema(enumeration = {"draft", "scheduled", "published", "withdrawn", "deleted"}))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Page size, default 20, at most 100") @QueryParam("limit") @Min(1) Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return queries.adminList(status, limit, cursor);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace an article's content",
            description =
                    "Send the ETag you read in If-Match. The slug can change only until the article is first published.")
    @APIResponse(
            responseCode = "200",
            description = "Updated; the new ETag is \"<version>\"",
            headers = @Header(name = "ETag", description = "\"<version>\""),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleAdmin.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, listed in errors[]")
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "409", description = "Deleted, slug taken or frozen, or translation exists")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<ArticleAdmin> update(
            @PathParam("id") long id,
            @Parameter(description = "The ETag you read", required = true, example = "\"3\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ArticleRequest.class),
                                            examples = @ExampleObject(name = "edit", value = EXAMPLE_REQUEST)))
                    @Valid
                    @NotNull
                    ArticleRequest request) {
        return withVersion(service.update(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/publish")
    @Operation(
            summary = "Publish a draft, withdrawn or scheduled article now",
            description = "It appears in lists, feeds and delta sync. Send the ETag you read in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Published",
            headers = @Header(name = "ETag", description = "\"<version>\""),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleAdmin.class)))
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "409", description = "Already published, or deleted")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public RestResponse<ArticleAdmin> publish(
            @PathParam("id") long id,
            @Parameter(description = "The ETag you read", required = true, example = "\"3\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return withVersion(service.publish(id, ifMatch));
    }

    @POST
    @Path("/{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Schedule a draft to publish itself, or reschedule a scheduled article",
            description = "From publishAt on, every replica shows it in lists, feeds, delta sync and pages "
                    + "(clients holding an earlier answer may keep it for its max-age); until then it is "
                    + "'scheduled' and readers do not see it. A withdrawn article is published again with "
                    + "/publish. Send the ETag you read in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Scheduled",
            headers = @Header(name = "ETag", description = "\"<version>\""),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleAdmin.class)))
    @APIResponse(responseCode = "400", description = "publishAt missing, not in the future, or too far ahead")
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "409", description = "Published, withdrawn or deleted")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<ArticleAdmin> schedule(
            @PathParam("id") long id,
            @Parameter(description = "The ETag you read", required = true, example = "\"3\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ArticleSchedule.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "peak hours",
                                                            value = "{\"publishAt\": \"2027-07-30T12:00:00Z\"}")))
                    @Valid
                    @NotNull
                    ArticleSchedule request) {
        return withVersion(service.schedule(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/unschedule")
    @Operation(
            summary = "Take a scheduled article back to a draft",
            description = "Before its time only; readers never saw it. Send the ETag you read in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "A draft again",
            headers = @Header(name = "ETag", description = "\"<version>\""),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleAdmin.class)))
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "409", description = "Not scheduled (its time has come, or it never was)")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<ArticleAdmin> unschedule(
            @PathParam("id") long id,
            @Parameter(description = "The ETag you read", required = true, example = "\"3\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return withVersion(service.unschedule(id, ifMatch));
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(
            summary = "Withdraw a published article",
            description =
                    "It leaves lists and feeds; delta sync sends a tombstone. Send the ETag you read in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            headers = @Header(name = "ETag", description = "\"<version>\""),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleAdmin.class)))
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "409", description = "Not published (a scheduled article is unscheduled instead)")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public RestResponse<ArticleAdmin> withdraw(
            @PathParam("id") long id,
            @Parameter(description = "The ETag you read", required = true, example = "\"3\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return withVersion(service.withdraw(id, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete an article",
            description = "Soft delete: it stays as a tombstone for delta sync and its slug is never reused. "
                    + "Send the ETag you read in If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "409", description = "Already deleted")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public void delete(
            @PathParam("id") long id,
            @Parameter(description = "The ETag you read", required = true, example = "\"3\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.delete(id, ifMatch);
    }

    private static RestResponse<ArticleAdmin> withVersion(ArticleAdmin article) {
        return RestResponse.ResponseBuilder.ok(article)
                .tag(EditVersions.etag(article.version()))
                .build();
    }
}
