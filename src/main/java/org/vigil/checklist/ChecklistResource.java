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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.error.Problem;
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

    /** Documents the page type in OpenAPI (generic types are erased from {@link Response}). */
    @Schema(name = "ChecklistSummaryPage")
    record SummaryPage(
            List<ChecklistSummary> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}

    @GET
    @Operation(
            summary = "List published checklists",
            description = "Newest first, in one language (`?lang=`, else Accept-Language, else Vietnamese). "
                    + "Supports If-None-Match (304).")
    @APIResponse(
            responseCode = "200",
            description = "A page of checklists; an empty page has `items: []`",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SummaryPage.class)))
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "400", description = "Unsupported lang, unknown scamType, bad cursor or limit")
    public Response list(
            @Parameter(description = "Language code; wins over Accept-Language", example = "vi") @QueryParam("lang")
                    String lang,
            @Parameter(
                            description = "Only checklists about this scam pattern: " + ScamType.CODES,
                            example = "fake-job-abroad")
                    @QueryParam("scamType")
                    String scamType,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, default 20, at most 100") @QueryParam("limit") @Min(1) Integer limit,
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
    @Operation(
            summary = "Get a published checklist with its questions and advice",
            description = "Supports If-None-Match (304). Content-Language is the checklist's language; "
                    + "`translations` lists the same checklist in other languages.")
    @APIResponse(
            responseCode = "200",
            description = "The checklist",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChecklistView.class)))
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "404", description = "No published checklist has this slug")
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
    @Operation(
            summary = "Score my answers (anonymous, nothing is stored)",
            description = "Answer every item of the checklist yes (true) or no (false). The score is the sum of the "
                    + "weights answered yes; the band is the highest one whose threshold (a percentage of the maximum "
                    + "score) the score reaches. Neither answers nor results are stored or logged.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssessmentRequest.class),
                            examples = @ExampleObject(name = "job offer abroad", value = """
                    {"answers": [
                      {"itemId": "high-pay-easy-work", "answer": true},
                      {"itemId": "recruiter-social-media-only", "answer": true},
                      {"itemId": "no-written-contract", "answer": false},
                      {"itemId": "asks-upfront-fee", "answer": true},
                      {"itemId": "passport-kept", "answer": true},
                      {"itemId": "illegal-border-crossing", "answer": false},
                      {"itemId": "job-details-vague", "answer": false},
                      {"itemId": "keep-secret", "answer": false},
                      {"itemId": "no-licence", "answer": false}
                    ]}""")))
    @APIResponse(
            responseCode = "200",
            description = "The result; sent with Cache-Control: no-store",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssessmentResult.class),
                            examples = @ExampleObject(name = "high risk", value = """
                            {"checklist": "is-this-job-offer-abroad-a-trap", "lang": "en", "score": 28, "maxScore": 64,
                             "band": "high",
                             "advice": "This is how traffickers lure people abroad: ... Do not go. Call 113 now or send an anonymous tip.",
                             "redFlags": [
                               {"id": "high-pay-easy-work", "text": "Is the pay far higher than usual for easy work that needs no experience or skills?", "weight": 6},
                               {"id": "recruiter-social-media-only", "text": "Do you only know the recruiter through Facebook, Zalo, Telegram or TikTok, with no office you can visit?", "weight": 6},
                               {"id": "asks-upfront-fee", "text": "Are you asked to pay a fee, a deposit or visa costs before you leave?", "weight": 7},
                               {"id": "passport-kept", "text": "Will someone else keep your passport or ID card for the paperwork?", "weight": 9}],
                             "nextSteps": {"tipLineUrl": "https://vigil.example.gov.vn/api/v1/tips", "policeHotline": "113"}}""")))
    @APIResponse(
            responseCode = "400",
            description = "Missing answers, unknown or repeated item ids, or items left unanswered",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unknown item", value = """
                            {"type": "/problems/validation", "title": "Invalid request", "status": 400,
                             "detail": "1 field is invalid",
                             "errors": [{"field": "answers[2].itemId", "message": "is not an item of this checklist"}]}""")))
    @APIResponse(responseCode = "404", description = "No published checklist has this slug")
    @NonBlocking // scored from memory on the event loop; the checklist's first reading goes to a worker
    public CompletionStage<Response> assess(@PathParam("slug") String slug, @Valid AssessmentRequest answers) {
        return memoryFirst
                .answer(() -> assessment.assessInMemory(slug, answers), () -> assessment.assess(slug, answers))
                .thenApply(result -> Response.ok(result, MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CONTENT_LANGUAGE, result.lang())
                        .build());
    }
}
