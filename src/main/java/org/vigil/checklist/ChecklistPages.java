package org.vigil.checklist;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.platform.error.Problem;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.web.Page;

/**
 * Checklists as pages: the list, the red-flag questions as a form, and the score, band and advice
 * as a page, from the same {@link SelfAssessment} as the API: the answers are POSTed, neither
 * stored nor logged, and the result is {@code no-store}.
 */
@Path("/checklists")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ChecklistPages {

    private static final int LIST_SIZE = 50;
    private static final String YES = "yes";
    private static final String NO = "no";

    @CheckedTemplate(basePath = "checklist")
    static class Templates {
        static native TemplateInstance checklists(PageFrame page, List<ChecklistViews.Summary> items);

        static native TemplateInstance checklist(PageFrame page, ChecklistViews.Detail checklist, Form answers);

        static native TemplateInstance result(
                PageFrame page, ChecklistViews.Detail checklist, ChecklistViews.Assessment result);
    }

    private final PublicChecklists checklists;
    private final SelfAssessment assessment;
    private final Pages pages;

    ChecklistPages(PublicChecklists checklists, SelfAssessment assessment, Pages pages) {
        this.checklists = checklists;
        this.assessment = assessment;
        this.pages = pages;
    }

    @GET
    public Response list(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context Request request) {
        String language = pages.language(lang, headers);
        PublicChecklists.ListQuery query = new PublicChecklists.ListQuery(language, null, null, LIST_SIZE);
        return pages.cached(
                request,
                headers,
                PublicChecklists.READ_CACHE_TOPIC,
                query,
                () -> Pages.Versioned.of(language, checklists.listTag(query).getValue()),
                l -> {
                    Page<ChecklistViews.Summary> page = checklists.list(query);
                    return Templates.checklists(pages.frame(l, "/checklists"), page.items());
                });
    }

    @GET
    @Path("{slug}")
    public Response checklist(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context Request request) {
        return pages.cached(
                request,
                headers,
                PublicChecklists.READ_CACHE_TOPIC,
                List.of("checklist", slug),
                () -> {
                    PublicChecklists.Stamp stamp = checklists.stamp(slug);
                    return Pages.Versioned.of(stamp.lang(), stamp.etag().getValue());
                },
                lang -> {
                    ChecklistViews.Detail checklist = checklists.view(slug);
                    return Templates.checklist(frame(checklist), checklist, Form.empty());
                });
    }

    /** Answers are form fields {@code answers[<item id>]} = yes or no; every item must be answered. */
    @POST
    @Path("{slug}/result")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assess(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        ChecklistViews.Detail checklist = checklists.view(slug);
        PageFrame frame = frame(checklist);
        Map<String, String> typed = new LinkedHashMap<>();
        List<ChecklistRequests.Answers.Answer> answers = new ArrayList<>();
        List<Problem.FieldError> findings = new ArrayList<>();
        for (ChecklistViews.Detail.Item item : checklist.items()) {
            String field = "answers[" + item.id() + "]";
            String answer = form == null ? null : form.getFirst(field);
            if (YES.equals(answer) || NO.equals(answer)) {
                typed.put(field, answer);
                answers.add(new ChecklistRequests.Answers.Answer(item.id(), YES.equals(answer)));
            } else {
                findings.add(new Problem.FieldError(field, "must be answered"));
            }
        }
        ChecklistRequests.Answers request = new ChecklistRequests.Answers(answers);
        findings.addAll(pages.check(request));
        if (!findings.isEmpty()) {
            return pages.page(
                    400,
                    Templates.checklist(frame, checklist, Form.refused(typed, findings, "checklist", frame)),
                    checklist.lang());
        }
        return pages.page(Templates.result(frame, checklist, assessment.assess(slug, request)), checklist.lang());
    }

    /** The frame of a checklist: in its language, switching to its translations. */
    private PageFrame frame(ChecklistViews.Detail checklist) {
        Map<String, String> translations = new LinkedHashMap<>();
        checklist.translations().forEach(t -> translations.put(t.lang(), "/checklists/" + t.slug()));
        return pages.translated(checklist.lang(), "/checklists", "/checklists/" + checklist.slug(), translations);
    }
}
