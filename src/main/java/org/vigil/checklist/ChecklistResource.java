package org.vigil.checklist;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.web.MemoryFirst;
import org.vigil.platform.web.Page;
import org.vigil.platform.web.PublicCaching;

@Path("/api/v1/checklists")
@Tag(name = "Checklists", description = "Scam-pattern checklists and anonymous self-assessment")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ChecklistResource {

    private final PublicChecklists checklists;
    private final SelfAssessment assessment;
    private final Languages languages;
    private final PublicCaching caching;
    private final MemoryFirst memoryFirst;

    ChecklistResource(
            PublicChecklists checklists,
            SelfAssessment assessment,
            Languages languages,
            PublicCaching caching,
            MemoryFirst memoryFirst) {
        this.checklists = checklists;
        this.assessment = assessment;
        this.languages = languages;
        this.caching = caching;
        this.memoryFirst = memoryFirst;
    }

    @GET
    public Response list(
            @QueryParam("lang") String lang,
            @QueryParam("scamType") String scamType,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(1) Integer limit,
            @Context HttpHeaders headers,
            @Context Request request) {
        String language = languages.resolve(lang, headers);
        PublicChecklists.ListQuery query = new PublicChecklists.ListQuery(
                language, ScamType.param("scamType", scamType), cursor, Page.limit(limit));
        return caching.cached(
                request,
                headers,
                PublicChecklists.READ_CACHE_TOPIC,
                query,
                MediaType.APPLICATION_JSON,
                () -> new PublicCaching.Version(checklists.listTag(query), language),
                () -> checklists.list(query));
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @Context Request request, @Context HttpHeaders headers) {
        return caching.cached(
                request,
                headers,
                PublicChecklists.READ_CACHE_TOPIC,
                List.of("checklist", slug),
                MediaType.APPLICATION_JSON,
                () -> {
                    PublicChecklists.Stamp stamp = checklists.stamp(slug);
                    return new PublicCaching.Version(stamp.etag(), stamp.lang());
                },
                () -> checklists.view(slug));
    }

    @POST
    @Path("{slug}/assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @NonBlocking // scored from memory on the event loop; the checklist's first reading goes to a worker
    public CompletionStage<Response> assess(@PathParam("slug") String slug, @Valid ChecklistRequests.Answers answers) {
        return memoryFirst
                .answer(() -> assessment.assessInMemory(slug, answers), () -> assessment.assess(slug, answers))
                .thenApply(result -> Response.ok(result, MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CONTENT_LANGUAGE, result.lang())
                        .build());
    }
}
