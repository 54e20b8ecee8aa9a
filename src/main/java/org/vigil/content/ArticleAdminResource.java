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
    public RestResponse<ArticleAdmin> create(@Valid @NotNull ArticleRequests.Draft request) {
        ArticleAdmin created = service.create(request);
        return RestResponse.ResponseBuilder.<ArticleAdmin>created(URI.create("/api/v1/admin/articles/" + created.id()))
                .entity(created)
                .tag(EditVersions.etag(created.version()))
                .build();
    }

    @GET
    @Path("/{id}")
    public RestResponse<ArticleAdmin> get(@PathParam("id") long id) {
        return withVersion(service.get(id));
    }

    @GET
    public Page<ArticleAdminSummary> list(
            @QueryParam("status") String status,
            @QueryParam("limit") @Min(1) Integer limit,
            @QueryParam("cursor") String cursor) {
        return queries.adminList(status, limit, cursor);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<ArticleAdmin> update(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ArticleRequests.Draft request) {
        return withVersion(service.update(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/publish")
    public RestResponse<ArticleAdmin> publish(
            @PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withVersion(service.publish(id, ifMatch));
    }

    @POST
    @Path("/{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<ArticleAdmin> schedule(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ArticleRequests.Schedule request) {
        return withVersion(service.schedule(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/unschedule")
    public RestResponse<ArticleAdmin> unschedule(
            @PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withVersion(service.unschedule(id, ifMatch));
    }

    @POST
    @Path("/{id}/withdraw")
    public RestResponse<ArticleAdmin> withdraw(
            @PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withVersion(service.withdraw(id, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }

    private static RestResponse<ArticleAdmin> withVersion(ArticleAdmin article) {
        return RestResponse.ResponseBuilder.ok(article)
                .tag(EditVersions.etag(article.version()))
                .build();
    }
}
