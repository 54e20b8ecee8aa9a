package org.vigil.triage.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.vigil.indicator.IndicatorLookups;
import org.vigil.indicator.IndicatorRequests;
import org.vigil.platform.console.Console;
import org.vigil.platform.console.Shell;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.security.Roles;
import org.vigil.platform.web.Coded;
import org.vigil.tip.TipCategory;
import org.vigil.tip.TipStatus;
import org.vigil.triage.CaseFiles;
import org.vigil.triage.Officer;
import org.vigil.triage.Priority;
import org.vigil.triage.TipFileAnswer;
import org.vigil.triage.TipWorkflow;
import org.vigil.triage.TriageAudit;
import org.vigil.triage.TriageQueue;
import org.vigil.triage.TriageRequests;
import org.vigil.triage.TriageViews;

/**
 * The police queue and the work on one tip in the staff console: thin like {@code PoliceTipResource},
 * calling the same {@link TriageQueue}, {@link CaseFiles}, {@link TipWorkflow} and {@link TriageAudit}
 * with the same {@link Officer}, so the page shows and does exactly what the API would (a tip outside
 * the officer's region is the same 404 page as an unknown one). Each action is a form: POST, then 303
 * back to the tip; refused input, a claim held by another officer or a stale page shows the tip again
 * with the form as typed and why.
 */
@Path(PoliceTipPages.QUEUE)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
public class PoliceTipPages {

    static final String QUEUE = "/console/police/tips";
    private static final int QUEUE_PAGE = 25;
    /** The lines of the tip's audit trail shown to supervisors at once, the newest first, older ones a link away. */
    public static final int AUDIT_LINES = 100;
    /** The one word set of this page's forms: {@code police.tip.error.<field>}. */
    private static final String FORM = "police.tip";

    @CheckedTemplate(basePath = "console/police")
    static class Templates {
        static native TemplateInstance tips(PageFrame page, Shell shell, QueueView queue, Form filter);

        static native TemplateInstance tip(PageFrame page, Shell shell, TipView tip, TipForm form);
    }

    private final TriageQueue queue;
    private final CaseFiles cases;
    private final TipWorkflow workflow;
    private final TriageAudit audit;
    private final Officer officer;
    private final Console console;
    private final Pages pages;

    PoliceTipPages(
            TriageQueue queue,
            CaseFiles cases,
            TipWorkflow workflow,
            TriageAudit audit,
            Officer officer,
            Console console,
            Pages pages) {
        this.queue = queue;
        this.cases = cases;
        this.workflow = workflow;
        this.audit = audit;
        this.officer = officer;
        this.console = console;
        this.pages = pages;
    }

    @GET
    public Response queue(
            @QueryParam("status") String status,
            @QueryParam("category") String category,
            @QueryParam("region") String region,
            @QueryParam("claimed") String claimed,
            @QueryParam("assignee") String assignee,
            @QueryParam("cursor") String cursor,
            @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        QueueFilters filters = new QueueFilters(status, category, region, claimed, assignee);
        PageFrame frame = pages.frame(language, QUEUE, filters.query());
        List<Problem.FieldError> findings = new ArrayList<>();
        TriageQueue.QueueFilter filter = filters.filter(findings);
        if (findings.isEmpty()) {
            try {
                TriageViews.Queue found = queue.queue(officer, filter, cursor, QUEUE_PAGE);
                return pages.page(
                        Templates.tips(
                                frame,
                                console.shell(QUEUE),
                                QueueView.of(found, filters, language),
                                Form.of(filters.typed())),
                        language);
            } catch (ApiException e) {
                if (e.errors().isEmpty()) {
                    throw e;
                }
                findings.addAll(e.errors());
            }
        }
        return pages.page(
                400,
                Templates.tips(
                        frame,
                        console.shell(QUEUE),
                        QueueView.empty(filters, language),
                        Form.refused(filters.typed(), findings, FORM, frame)),
                language);
    }

    @GET
    @Path("{reference}")
    public Response tip(
            @PathParam("reference") String reference,
            @QueryParam("audit") String auditCursor,
            @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        return render(200, reference, pages.language(lang, headers), TipForm.none(), blankToNull(auditCursor));
    }

    /** An image is shown in the page, any other file (PDF) saved; the same checks and audit as the API's download. */
    @GET
    @Path("{reference}/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("reference") String reference, @PathParam("id") long id) {
        var file = cases.download(officer, reference, id);
        return TipFileAnswer.of(file, file.mediaType().startsWith("image/"));
    }

    @POST
    @Path("{reference}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(
            @PathParam("reference") String reference, @RestForm String lang, @Context HttpHeaders headers) {
        return act(reference, lang, headers, "claim", Map.of(), List::of, () -> workflow.claim(officer, reference));
    }

    @POST
    @Path("{reference}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(
            @PathParam("reference") String reference, @RestForm String lang, @Context HttpHeaders headers) {
        return act(reference, lang, headers, "claim", Map.of(), List::of, () -> workflow.release(officer, reference));
    }

    @POST
    @Path("{reference}/assignee")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Response reassign(
            @PathParam("reference") String reference,
            @RestForm String assignee,
            @RestForm String lang,
            @Context HttpHeaders headers) {
        String to = blankToNull(assignee);
        return act(
                reference,
                lang,
                headers,
                "assignee",
                typed("assignee", assignee),
                () -> pages.check(new TriageRequests.Assignment(to)),
                () -> workflow.reassign(officer, reference, to));
    }

    @POST
    @Path("{reference}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(
            @PathParam("reference") String reference,
            @RestForm String status,
            @RestForm String reason,
            @RestForm String duplicateOf,
            @RestForm String version,
            @RestForm String lang,
            @Context HttpHeaders headers) {
        Map<String, String> typed = typed("status", status, "reason", reason, "duplicateOf", duplicateOf);
        List<Problem.FieldError> findings = new ArrayList<>();
        TipStatus to = coded(TipStatus.class, "status", status, findings);
        if (to == null && findings.isEmpty()) {
            findings.add(new Problem.FieldError("status", "is required"));
        }
        Long seen = number("version", version, findings);
        var change = new TriageRequests.StatusChange(to, blankToNull(reason), blankToNull(duplicateOf));
        return act(
                reference,
                lang,
                headers,
                "status",
                typed,
                () -> findings.isEmpty() ? pages.check(change) : findings,
                () -> workflow.changeStatus(officer, reference, change, seen));
    }

    @POST
    @Path("{reference}/priority")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response priority(
            @PathParam("reference") String reference,
            @RestForm String priority,
            @RestForm String lang,
            @Context HttpHeaders headers) {
        Priority chosen = Arrays.stream(Priority.values())
                .filter(p -> p.name().equals(priority))
                .findFirst()
                .orElse(null);
        return act(
                reference,
                lang,
                headers,
                "priority",
                typed("priority", priority),
                () -> pages.check(new TriageRequests.PriorityChange(chosen)),
                () -> workflow.changePriority(officer, reference, chosen));
    }

    @POST
    @Path("{reference}/labels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response labels(
            @PathParam("reference") String reference,
            @RestForm String labels,
            @RestForm String lang,
            @Context HttpHeaders headers) {
        List<String> list = labels == null
                ? List.of()
                : Arrays.stream(labels.split(","))
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList();
        return act(
                reference,
                lang,
                headers,
                "labels",
                typed("labels", labels),
                () -> pages.check(new TriageRequests.Labels(list)),
                () -> workflow.replaceLabels(officer, reference, list));
    }

    @POST
    @Path("{reference}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(
            @PathParam("reference") String reference,
            @RestForm String text,
            @RestForm String lang,
            @Context HttpHeaders headers) {
        return act(
                reference,
                lang,
                headers,
                "note",
                typed("text", text),
                () -> pages.check(new TriageRequests.Text(text)),
                () -> workflow.addNote(officer, reference, text));
    }

    @POST
    @Path("{reference}/replies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(
            @PathParam("reference") String reference,
            @RestForm String text,
            @RestForm String lang,
            @Context HttpHeaders headers) {
        return act(
                reference,
                lang,
                headers,
                "reply",
                typed("text", text),
                () -> pages.check(new TriageRequests.Text(text)),
                () -> workflow.reply(officer, reference, text));
    }

    @POST
    @Path("{reference}/legal-hold")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Response legalHold(
            @PathParam("reference") String reference,
            @RestForm String hold,
            @RestForm String lang,
            @Context HttpHeaders headers) {
        Boolean on = "true".equals(hold) ? Boolean.TRUE : "false".equals(hold) ? Boolean.FALSE : null;
        return act(
                reference,
                lang,
                headers,
                "hold",
                typed("hold", hold),
                () -> pages.check(new TriageRequests.LegalHold(on)),
                () -> workflow.legalHold(officer, reference, on));
    }

    @POST
    @Path("{reference}/identifiers/{position}/indicator")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response proposeIndicator(
            @PathParam("reference") String reference,
            @PathParam("position") int position,
            @RestForm("scamType") List<String> scamTypes,
            @RestForm String note,
            @RestForm String lang,
            @Context HttpHeaders headers) {
        var request = new IndicatorRequests.FromTip(scamTypes == null ? List.of() : scamTypes, blankToNull(note));
        Map<String, String> typed = typed("note", note);
        request.scamTypes().forEach(type -> typed.put("scamType." + type, "true"));
        return act(
                reference,
                lang,
                headers,
                TipView.PROPOSAL + position,
                typed,
                () -> pages.check(request),
                () -> workflow.proposeIndicator(officer, reference, position, request));
    }

    /**
     * One action: the request checked as the API checks it, then done by the service; on success 303
     * to the tip at the section of the action, else the tip again with the form as typed and why
     * (400 its input, 409 the tip's claim or status does not allow it, 412 the page was stale). An
     * unknown tip, or one the caller does not see, goes on to the 404 page.
     */
    private Response act(
            String reference,
            String lang,
            HttpHeaders headers,
            String action,
            Map<String, String> typed,
            Supplier<List<Problem.FieldError>> check,
            Runnable work) {
        String language = pages.language(lang, headers);
        PageFrame frame = pages.frame(language, tipPath(reference));
        List<Problem.FieldError> findings = check.get();
        if (findings.isEmpty()) {
            try {
                work.run();
                return Response.seeOther(UriBuilder.fromPath(QUEUE)
                                .path(reference)
                                .queryParam("lang", language)
                                .fragment(action)
                                .build())
                        .build();
            } catch (ApiException e) {
                if (e.status() == 409 || e.status() == 412) {
                    return render(
                            e.status(),
                            reference,
                            language,
                            new TipForm(action, Form.of(typed), "police.tip.refused." + e.status()),
                            null);
                }
                if (e.errors().isEmpty()) {
                    throw e;
                }
                findings = e.errors();
            }
        }
        // a finding on one label ("labels[1]") is shown at the one field that holds them all
        List<Problem.FieldError> atFields = findings.stream()
                .map(f -> new Problem.FieldError(f.field().replaceAll("\\[[^]]*]", ""), f.message()))
                .toList();
        return render(
                400, reference, language, new TipForm(action, Form.refused(typed, atFields, FORM, frame), null), null);
    }

    /**
     * The tip's page: its details as the API gives them (an unknown tip, or one outside the caller's
     * region, is the 404 page before anything else is read), and for supervisors one page of its
     * audit trail, from {@code auditCursor} (null: the newest lines).
     */
    private Response render(int status, String reference, String language, TipForm form, String auditCursor) {
        TriageViews.Details details = cases.details(officer, reference);
        boolean supervisor = officer.seesAllRegions();
        String path = tipPath(details.reference());
        AuditTrail trail = supervisor ? auditTrail(details.reference(), path, auditCursor, language) : AuditTrail.NONE;
        TipView view = new TipView(
                details,
                officer.name(),
                supervisor,
                List.copyOf(TipWorkflow.nextStatuses(details.status())),
                trail,
                List.of(Priority.values()),
                IndicatorLookups.scamTypeCodes(),
                Instant.now());
        PageFrame frame = pages.frame(language, path, "audit", trail.stale() ? null : auditCursor);
        return pages.page(
                trail.stale() ? 400 : status, Templates.tip(frame, console.shell(path), view, form), language);
    }

    /** One page of the tip's audit trail; a cursor the service refuses (another tip's, mistyped) shows the newest lines. */
    private AuditTrail auditTrail(String reference, String path, String cursor, String language) {
        try {
            return AuditTrail.of(audit.auditLog(reference, null, cursor, AUDIT_LINES), path, cursor, language, false);
        } catch (ApiException e) {
            if (cursor == null || e.status() != 400) {
                throw e;
            }
            return AuditTrail.of(audit.auditLog(reference, null, null, AUDIT_LINES), path, null, language, true);
        }
    }

    private static String tipPath(String reference) {
        return UriBuilder.fromPath(QUEUE).path(reference).build().getRawPath();
    }

    /** What was typed, under the names the template shows it by ({@code name, value, ...}; nulls left out). */
    private static Map<String, String> typed(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                values.put(pairs[i], pairs[i + 1]);
            }
        }
        return values;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static <E extends Enum<E> & Coded> E coded(
            Class<E> type, String field, String code, List<Problem.FieldError> findings) {
        try {
            return Coded.param(type, field, code);
        } catch (ApiException e) {
            findings.addAll(e.errors());
            return null;
        }
    }

    private static Long number(String field, String value, List<Problem.FieldError> findings) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            findings.add(new Problem.FieldError(field, "must be a whole number"));
            return null;
        }
    }

    /** The queue's filters as typed in the page's address. */
    record QueueFilters(String status, String category, String region, String claimed, String assignee) {

        TriageQueue.QueueFilter filter(List<Problem.FieldError> findings) {
            TipStatus s = coded(TipStatus.class, "status", status, findings);
            TipCategory c = coded(TipCategory.class, "category", category, findings);
            Boolean isClaimed = null;
            String claim = blankToNull(claimed);
            if ("true".equals(claim) || "false".equals(claim)) {
                isClaimed = Boolean.valueOf(claim);
            } else if (claim != null) {
                findings.add(new Problem.FieldError("claimed", "must be true or false"));
            }
            return new TriageQueue.QueueFilter(s, c, blankToNull(region), null, blankToNull(assignee), isClaimed);
        }

        /** The filters as address parameters ({@code name, value, ...}), blank ones left out. */
        String[] query() {
            return new String[] {
                "status", blankToNull(status),
                "category", blankToNull(category),
                "region", blankToNull(region),
                "claimed", blankToNull(claimed),
                "assignee", blankToNull(assignee)
            };
        }

        Map<String, String> typed() {
            return PoliceTipPages.typed(query());
        }
    }
}
