package org.vigil.indicator.console;

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
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.vigil.indicator.Indicator;
import org.vigil.indicator.IndicatorConfig;
import org.vigil.indicator.IndicatorDispute;
import org.vigil.indicator.IndicatorDisputes;
import org.vigil.indicator.IndicatorRequests;
import org.vigil.indicator.IndicatorService;
import org.vigil.indicator.IndicatorViews;
import org.vigil.indicator.PartnerReports;
import org.vigil.indicator.PoliceReader;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.console.Console;
import org.vigil.platform.console.Shell;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.Staff;
import org.vigil.platform.web.Page;

/**
 * The police's indicator pages: the lists by status, one indicator with its history and the
 * partners' actions on it, the supervisors' publish, reject and delist forms, and citizens' disputes
 * with their decision. The same services, roles and reader as the police API
 * ({@code PoliceIndicatorResource}): an officer sees what the API shows them and no form.
 */
@Path(IndicatorPages.PATH)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
public class IndicatorPages {

    static final String PATH = "/console/police/indicators";
    private static final int LIMIT = 50;
    /** The last day a publication offers at first: three months on, shortened as the supervisor sees fit. */
    private static final int SUGGESTED_DAYS = 90;
    /** What a redirect after an action may announce; anything else in the address is ignored. */
    private static final Set<String> DONE = Set.of("published", "rejected", "delisted", "upheld", "dismissed", "stale");

    @CheckedTemplate(basePath = "console/police")
    static class Templates {
        static native TemplateInstance indicators(
                PageFrame page,
                Shell shell,
                List<Indicator.Status> statuses,
                Indicator.Status status,
                Page<IndicatorViews.Police> list,
                String next);

        static native TemplateInstance indicator(
                PageFrame page,
                Shell shell,
                IndicatorViews.Police indicator,
                List<PartnerReports.Report> reports,
                LocalDate lastDay,
                Actions actions,
                String done,
                String conflict);

        static native TemplateInstance disputes(
                PageFrame page, Shell shell, List<DisputeRow> disputes, boolean decides, String next, String done);
    }

    /** What the caller may do with an indicator, and each form as typed. */
    public record Actions(
            boolean publish,
            boolean ownProposal,
            boolean reject,
            boolean delist,
            Form publication,
            Form closing,
            String minDay,
            String maxDay) {}

    /** A dispute with its decision form as typed. */
    public record DisputeRow(IndicatorViews.PoliceDispute dispute, Form decision) {}

    private final IndicatorService indicators;
    private final IndicatorDisputes disputes;
    private final PartnerReports reports;
    private final PoliceReader reader;
    private final Staff staff;
    private final Pages pages;
    private final Console console;
    private final IndicatorConfig config;
    private final ZoneId zone;

    IndicatorPages(
            IndicatorService indicators,
            IndicatorDisputes disputes,
            PartnerReports reports,
            PoliceReader reader,
            Staff staff,
            Pages pages,
            Console console,
            IndicatorConfig config,
            VigilConfig vigil) {
        this.indicators = indicators;
        this.disputes = disputes;
        this.reports = reports;
        this.reader = reader;
        this.staff = staff;
        this.pages = pages;
        this.console = console;
        this.config = config;
        this.zone = ZoneId.of(vigil.defaultZone());
    }

    @GET
    public Response list(
            @QueryParam("status") Indicator.Status status,
            @QueryParam("cursor") String cursor,
            @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        Indicator.Status shown = status == null ? Indicator.Status.PROPOSED : status;
        Page<IndicatorViews.Police> list =
                indicators.list(reader, shown, null, null, null, null, blankToNull(cursor), LIMIT);
        String next = list.nextCursor() == null
                ? null
                : Pages.href(PATH, "status", shown.code(), "cursor", list.nextCursor(), "lang", language);
        return pages.page(
                Templates.indicators(
                        pages.frame(language, PATH, "status", status == null ? null : shown.code()),
                        console.shell(PATH),
                        List.of(Indicator.Status.values()),
                        shown,
                        list,
                        next),
                language);
    }

    @GET
    @Path("{id}")
    public Response details(
            @PathParam("id") long id,
            @QueryParam("done") String done,
            @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        return indicatorPage(
                200, id, language, Form.empty(), Form.empty(), done != null && DONE.contains(done) ? done : null, null);
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Response publish(
            @PathParam("id") long id, @RestForm String expiresOn, @RestForm String lang, @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        Map<String, String> typed = Map.of("expiresOn", expiresOn == null ? "" : expiresOn.strip());
        List<Problem.FieldError> findings = new ArrayList<>();
        LocalDate day = null;
        try {
            day = LocalDate.parse(typed.get("expiresOn"));
        } catch (DateTimeParseException e) {
            findings.add(new Problem.FieldError("expiresOn", "must be a date"));
        }
        IndicatorRequests.Publication publication = new IndicatorRequests.Publication(day);
        return act(
                id,
                language,
                typed,
                findings,
                true,
                () -> indicators.publish(staff.name(), id, publication),
                "published");
    }

    /** Rejecting a proposal and delisting a published indicator both take a reason and nothing else. */
    @POST
    @Path("{id}/{change:reject|delist}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Response withReason(
            @PathParam("id") long id,
            @PathParam("change") String change,
            @RestForm String reason,
            @RestForm String lang,
            @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        IndicatorRequests.Reason body = new IndicatorRequests.Reason(reason);
        boolean reject = "reject".equals(change);
        return act(
                id,
                language,
                Map.of("reason", reason == null ? "" : reason),
                new ArrayList<>(pages.check(body)),
                false,
                reject
                        ? () -> indicators.reject(staff.name(), id, body)
                        : () -> indicators.delist(staff.name(), id, body),
                reject ? "rejected" : "delisted");
    }

    @GET
    @Path("disputes")
    public Response disputes(
            @QueryParam("cursor") String cursor,
            @QueryParam("done") String done,
            @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        return disputesPage(
                200,
                language,
                blankToNull(cursor),
                done != null && DONE.contains(done) ? done : null,
                null,
                Form.empty());
    }

    @POST
    @Path("disputes/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Response decide(
            @PathParam("id") long id,
            @RestForm String upheld,
            @RestForm String reason,
            @RestForm String lang,
            @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("upheld", upheld == null ? "" : upheld);
        typed.put("reason", reason == null ? "" : reason);
        Boolean decision = "yes".equals(upheld) ? Boolean.TRUE : "no".equals(upheld) ? Boolean.FALSE : null;
        IndicatorRequests.Decision body = new IndicatorRequests.Decision(decision, reason);
        List<Problem.FieldError> findings = pages.check(body);
        int status = 400;
        if (findings.isEmpty()) {
            try {
                disputes.decide(reader, staff.name(), id, body);
                return seeOther(
                        Pages.href(PATH + "/disputes", "done", decision ? "upheld" : "dismissed", "lang", language));
            } catch (ApiException e) {
                if (e.status() == 409) {
                    // decided by someone else meanwhile: the list no longer shows it
                    return seeOther(Pages.href(PATH + "/disputes", "done", "stale", "lang", language));
                }
                if (e.errors().isEmpty()) {
                    throw e;
                }
                findings = e.errors();
                status = e.status();
            }
        }
        PageFrame frame = pages.frame(language, PATH + "/disputes");
        return disputesPage(status, language, null, null, id, Form.refused(typed, findings, "indicator-form", frame));
    }

    /**
     * Runs a supervisor's action: 303 to the indicator on success; its page again with the form's
     * errors (400), or, when the indicator moved on meanwhile or the rule of four eyes refuses, with
     * why (409).
     */
    private Response act(
            long id,
            String language,
            Map<String, String> typed,
            List<Problem.FieldError> findings,
            boolean publication,
            Supplier<IndicatorViews.Police> action,
            String done) {
        PageFrame frame = pages.frame(language, PATH + "/" + id);
        if (findings.isEmpty()) {
            try {
                action.get();
                return seeOther(Pages.href(PATH + "/" + id, "done", done, "lang", language));
            } catch (ApiException e) {
                if (e.status() == 409) {
                    return indicatorPage(409, id, language, Form.of(typed), Form.of(typed), null, "stale");
                }
                if (e.errors().isEmpty()) {
                    throw e;
                }
                findings = e.errors();
            }
        }
        Form refused = Form.refused(typed, findings, "indicator-form", frame);
        return indicatorPage(
                400,
                id,
                language,
                publication ? refused : Form.empty(),
                publication ? Form.empty() : refused,
                null,
                null);
    }

    private Response indicatorPage(
            int status, long id, String language, Form publication, Form closing, String done, String conflict) {
        IndicatorViews.Police indicator = indicators.details(reader, id);
        boolean supervises = staff.has(Roles.SUPERVISOR) || staff.has(Roles.ADMIN);
        boolean proposed = indicator.status() == Indicator.Status.PROPOSED;
        boolean own = !IndicatorService.verifiableBy(staff.name(), indicator.proposedBy());
        LocalDate today = LocalDate.now(zone);
        Actions actions = new Actions(
                supervises && proposed && !own,
                supervises && proposed && own,
                supervises && proposed,
                supervises && indicator.status() == Indicator.Status.PUBLISHED,
                publication.values().isEmpty()
                        ? Form.of(Map.of(
                                "expiresOn",
                                today.plusDays(Math.min(SUGGESTED_DAYS, config.maxValidityDays()))
                                        .toString()))
                        : publication,
                closing,
                today.toString(),
                today.plusDays(config.maxValidityDays()).toString());
        List<PartnerReports.Report> reported = indicator.publishedAt() == null ? List.of() : reports.on(reader, id);
        // a conflict that the indicator's state does not explain is the rule of four eyes
        String why = conflict == null ? null : proposed && own ? "own" : "stale";
        return pages.page(
                status,
                Templates.indicator(
                        pages.frame(language, PATH + "/" + id),
                        console.shell(PATH),
                        indicator,
                        reported,
                        // listed until an exclusive instant, the start of the day after the last day
                        indicator.expiresAt() == null
                                ? null
                                : indicator
                                        .expiresAt()
                                        .minusNanos(1)
                                        .atZone(zone)
                                        .toLocalDate(),
                        actions,
                        done,
                        why),
                language);
    }

    private Response disputesPage(
            int status, String language, String cursor, String done, Long refusedId, Form refused) {
        Page<IndicatorViews.PoliceDispute> open =
                disputes.disputes(reader, IndicatorDispute.Status.OPEN, cursor, LIMIT);
        List<DisputeRow> rows = open.items().stream()
                .map(d -> new DisputeRow(d, refusedId != null && refusedId == d.id() ? refused : Form.empty()))
                .toList();
        String next = open.nextCursor() == null
                ? null
                : Pages.href(PATH + "/disputes", "cursor", open.nextCursor(), "lang", language);
        return pages.page(
                status,
                Templates.disputes(
                        pages.frame(language, PATH + "/disputes"),
                        console.shell(PATH),
                        rows,
                        staff.has(Roles.SUPERVISOR) || staff.has(Roles.ADMIN),
                        next,
                        done),
                language);
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
