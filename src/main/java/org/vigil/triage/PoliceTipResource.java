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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.indicator.IndicatorRequests;
import org.vigil.platform.security.Roles;
import org.vigil.platform.web.Page;
import org.vigil.tip.TipCategory;
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
    public TriageViews.Queue queue(
            @QueryParam("status") TipStatus status,
            @QueryParam("category") TipCategory category,
            @QueryParam("region") String region,
            @QueryParam("inDangerNow") Boolean inDangerNow,
            @QueryParam("assignee") String assignee,
            @QueryParam("claimed") Boolean claimed,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        var filter = new TriageQueue.QueueFilter(status, category, region, inDangerNow, assignee, claimed);
        return queue.queue(officer, filter, cursor, Page.limit(limit));
    }

    @GET
    @Path("{reference}")
    public TriageViews.Details details(@PathParam("reference") String reference) {
        return cases.details(officer, reference);
    }

    @GET
    @Path("{reference}/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("reference") String reference, @PathParam("id") long id) {
        return TipFileAnswer.of(cases.download(officer, reference, id), false);
    }

    @POST
    @Path("{reference}/claim")
    public TriageViews.Claim claim(@PathParam("reference") String reference) {
        return workflow.claim(officer, reference);
    }

    @POST
    @Path("{reference}/release")
    public TriageViews.Claim release(@PathParam("reference") String reference) {
        return workflow.release(officer, reference);
    }

    @PUT
    @Path("{reference}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public TriageViews.Claim reassign(
            @PathParam("reference") String reference, @Valid @NotNull TriageRequests.Assignment body) {
        return workflow.reassign(officer, reference, body.assignee());
    }

    @PUT
    @Path("{reference}/legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public TriageRequests.LegalHold legalHold(
            @PathParam("reference") String reference, @Valid @NotNull TriageRequests.LegalHold body) {
        return new TriageRequests.LegalHold(workflow.legalHold(officer, reference, body.hold()));
    }

    @POST
    @Path("{reference}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public TriageViews.QueueItem status(
            @PathParam("reference") String reference, @Valid @NotNull TriageRequests.StatusChange body) {
        return workflow.changeStatus(officer, reference, body);
    }

    @PUT
    @Path("{reference}/priority")
    @Consumes(MediaType.APPLICATION_JSON)
    public TriageViews.QueueItem priority(
            @PathParam("reference") String reference, @Valid @NotNull TriageRequests.PriorityChange body) {
        return workflow.changePriority(officer, reference, body.priority());
    }

    @PUT
    @Path("{reference}/labels")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<String> labels(@PathParam("reference") String reference, @Valid @NotNull TriageRequests.Labels body) {
        return workflow.replaceLabels(officer, reference, body.labels());
    }

    @POST
    @Path("{reference}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response note(@PathParam("reference") String reference, @Valid @NotNull TriageRequests.Text body) {
        return Response.status(201)
                .entity(workflow.addNote(officer, reference, body.text()))
                .build();
    }

    @POST
    @Path("{reference}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reply(@PathParam("reference") String reference, @Valid @NotNull TriageRequests.Text body) {
        return Response.status(201)
                .entity(workflow.reply(officer, reference, body.text()))
                .build();
    }

    @POST
    @Path("{reference}/identifiers/{position}/indicator")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response proposeIndicator(
            @PathParam("reference") String reference,
            @PathParam("position") int position,
            @Valid @NotNull IndicatorRequests.FromTip body) {
        return Response.status(201)
                .entity(workflow.proposeIndicator(officer, reference, position, body))
                .build();
    }
}
