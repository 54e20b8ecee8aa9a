package org.vigil.stats.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.console.Console;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.security.Roles;
import org.vigil.stats.PoliceSummary;

/**
 * The supervisors' summary of a period ({@link PoliceSummary}): a page with a form for the days (a
 * GET: it changes nothing, and the address can be kept), and the same figures as a CSV download.
 * The period defaults to the current month so far.
 */
@Path("/console/police/summary")
@RolesAllowed(Roles.SUPERVISOR)
public class SummaryPages {

    static final String PATH = "/console/police/summary";

    @CheckedTemplate(basePath = "console/police")
    static class Templates {
        static native TemplateInstance summary(
                PageFrame page,
                org.vigil.platform.console.Shell shell,
                Form period,
                PoliceSummary.Summary summary,
                String csv);
    }

    private final PoliceSummary summaries;
    private final Pages pages;
    private final Console console;
    private final ZoneId zone;

    SummaryPages(PoliceSummary summaries, Pages pages, Console console, VigilConfig vigil) {
        this.summaries = summaries;
        this.pages = pages;
        this.console = console;
        this.zone = ZoneId.of(vigil.defaultZone());
    }

    @GET
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public Response page(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        PageFrame frame = pages.frame(language, PATH, "from", from, "to", to);
        Map<String, String> typed = typed(from, to);
        List<Problem.FieldError> findings = new ArrayList<>();
        LocalDate first = day("from", typed.get("from"), findings);
        LocalDate last = day("to", typed.get("to"), findings);
        if (findings.isEmpty()) {
            try {
                PoliceSummary.Summary summary = summaries.of(first, last);
                String csv = Pages.href(PATH + "/csv", "from", first.toString(), "to", last.toString());
                return pages.page(
                        Templates.summary(frame, console.shell(PATH), Form.of(typed), summary, csv), language);
            } catch (ApiException e) {
                if (e.errors().isEmpty()) {
                    throw e;
                }
                findings.addAll(e.errors());
            }
        }
        return pages.page(
                400,
                Templates.summary(
                        frame, console.shell(PATH), Form.refused(typed, findings, "summary", frame), null, null),
                language);
    }

    @GET
    @Path("csv")
    @jakarta.ws.rs.Produces("text/csv")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to) {
        Map<String, String> typed = typed(from, to);
        List<Problem.FieldError> findings = new ArrayList<>();
        LocalDate first = day("from", typed.get("from"), findings);
        LocalDate last = day("to", typed.get("to"), findings);
        if (!findings.isEmpty()) {
            throw ApiException.invalid(findings);
        }
        PoliceSummary.Summary summary = summaries.of(first, last);
        return Response.ok(summary.csv(), "text/csv;charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"vigil-summary-" + summary.from() + "-" + summary.to() + ".csv\"")
                .build();
    }

    /** What the form holds: the days asked for, else the current month so far. */
    private Map<String, String> typed(String from, String to) {
        LocalDate today = LocalDate.now(zone);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("from", from == null ? today.withDayOfMonth(1).toString() : from.strip());
        typed.put("to", to == null ? today.toString() : to.strip());
        return typed;
    }

    private static LocalDate day(String field, String text, List<Problem.FieldError> findings) {
        if (text.isEmpty()) {
            findings.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            findings.add(new Problem.FieldError(field, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
