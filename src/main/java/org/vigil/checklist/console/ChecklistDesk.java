package org.vigil.checklist.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.vigil.checklist.ChecklistRequests;
import org.vigil.checklist.ChecklistService;
import org.vigil.checklist.ChecklistStatus;
import org.vigil.checklist.ChecklistViews;
import org.vigil.checklist.ScamType;
import org.vigil.platform.console.Confirming;
import org.vigil.platform.console.Console;
import org.vigil.platform.console.ConsoleEntry;
import org.vigil.platform.console.Editing;
import org.vigil.platform.console.Edits;
import org.vigil.platform.console.Notice;
import org.vigil.platform.console.Shell;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.security.Roles;
import org.vigil.platform.web.Page;

/**
 * The editors' page for checklists: the list with each one's state, a form to write one (its
 * questions with their weights, the three bands' advice) and publish or withdraw, all through
 * {@link ChecklistService} with the version the form was read at, as the API's If-Match.
 */
@Path(ChecklistDesk.BASE)
@RolesAllowed(Roles.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class ChecklistDesk {

    static final String BASE = "/console/editor/checklists";
    private static final int PAGE_SIZE = 50;
    private static final List<String> STATES =
            Arrays.stream(ChecklistStatus.values()).map(ChecklistDesk::state).toList();
    private static final Set<String> DONE = Set.of("saved", "publish", "withdraw");
    private static final Set<String> LIST_DONE = Set.of("deleted");

    @CheckedTemplate(basePath = "console/editor")
    static class Templates {
        static native TemplateInstance checklists(
                PageFrame page,
                Shell shell,
                List<Row> rows,
                List<String> states,
                String status,
                String next,
                Notice notice);

        static native TemplateInstance checklist(
                PageFrame page,
                Shell shell,
                Editing editing,
                List<Integer> rows,
                List<String> scamTypes,
                List<String> languages,
                Form form,
                Notice notice);
    }

    /** A line of the list: the checklist, its state's code and when it last changed, in the page's zone. */
    public record Row(ChecklistViews.AdminSummary checklist, String state, LocalDateTime updated) {}

    @jakarta.enterprise.inject.Produces
    static ConsoleEntry entry() {
        return new ConsoleEntry(BASE, "desk.nav.checklists", Set.of(Roles.EDITOR), 52);
    }

    private final ChecklistService service;
    private final Languages languages;
    private final Pages pages;
    private final Console console;

    ChecklistDesk(ChecklistService service, Languages languages, Pages pages, Console console) {
        this.service = service;
        this.languages = languages;
        this.pages = pages;
        this.console = console;
    }

    @GET
    public Response list(
            @QueryParam("lang") String lang,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("done") String done,
            @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        PageFrame frame = pages.frame(language, BASE, "status", status);
        String chosen = status != null && STATES.contains(status) ? status : null;
        Page<ChecklistViews.AdminSummary> found = service.list(chosen, null, null, cursor, PAGE_SIZE);
        List<Row> rows = found.items().stream()
                .map(c -> new Row(c, state(c.status()), Edits.local(frame, c.updatedAt())))
                .toList();
        String next = found.nextCursor() == null
                ? null
                : Pages.href(BASE, "lang", language, "status", chosen, "cursor", found.nextCursor());
        return pages.page(
                Templates.checklists(
                        frame,
                        console.shell(BASE),
                        rows,
                        STATES,
                        chosen == null ? "" : chosen,
                        next,
                        Edits.notice(frame, done, LIST_DONE)),
                language);
    }

    @GET
    @Path("new")
    public Response create(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        Map<String, String> values =
                Map.of("lang", language, "bands.medium.minPercent", "30", "bands.high.minPercent", "60");
        return form(200, pages.frame(language, BASE + "/new"), null, Form.of(values), null);
    }

    @GET
    @Path("{id}")
    public Response edit(
            @PathParam("id") long id,
            @QueryParam("lang") String lang,
            @QueryParam("done") String done,
            @Context HttpHeaders headers) {
        PageFrame frame = pages.frame(pages.language(lang, headers), BASE + "/" + id);
        ChecklistViews.Admin checklist = service.get(id);
        return form(200, frame, checklist, Form.of(ChecklistForm.values(checklist)), Edits.notice(frame, done, DONE));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveNew(
            @QueryParam("lang") String lang, @BeanParam ChecklistForm typed, @Context HttpHeaders headers) {
        return save(null, typed, pages.language(lang, headers));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveExisting(
            @PathParam("id") long id,
            @QueryParam("lang") String lang,
            @BeanParam ChecklistForm typed,
            @Context HttpHeaders headers) {
        return save(id, typed, pages.language(lang, headers));
    }

    /** Publish or withdraw, at the version the page showed. */
    @POST
    @Path("{id}/{change:publish|withdraw}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(
            @PathParam("id") long id,
            @PathParam("change") String change,
            @QueryParam("lang") String lang,
            @RestForm String version,
            @Context HttpHeaders headers) {
        PageFrame frame = pages.frame(pages.language(lang, headers), BASE + "/" + id);
        String ifMatch = Edits.ifMatch(version);
        return edits().change(frame, id, change, Map.of(), () -> {
            if ("publish".equals(change)) {
                service.publish(id, ifMatch);
            } else {
                service.withdraw(id, ifMatch);
            }
        });
    }

    /** The page that asks before a checklist is deleted, and says what that means for citizens. */
    @GET
    @Path("{id}/delete")
    public Response confirmDelete(
            @PathParam("id") long id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        PageFrame frame = pages.frame(pages.language(lang, headers), BASE + "/" + id + "/delete");
        ChecklistViews.Admin checklist = service.get(id);
        List<String> says = checklist.status() == ChecklistStatus.PUBLISHED
                ? List.of("desk.checklist.delete.means", "desk.checklist.delete.public")
                : List.of("desk.checklist.delete.means");
        return Edits.confirm(
                pages,
                frame,
                console.shell(BASE),
                new Confirming(editing(checklist), "desk.checklist", "delete", checklist.title(), "desk.state", says));
    }

    /** Deletes at the version the confirmation page showed: the checklist and its questions are gone. */
    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(
            @PathParam("id") long id,
            @QueryParam("lang") String lang,
            @RestForm String version,
            @Context HttpHeaders headers) {
        PageFrame frame = pages.frame(pages.language(lang, headers), BASE + "/" + id);
        return edits().delete(frame, id, () -> service.delete(id, Edits.ifMatch(version)));
    }

    private Response save(Long id, ChecklistForm typed, String language) {
        PageFrame frame = pages.frame(language, id == null ? BASE + "/new" : BASE + "/" + id);
        ChecklistRequests.Draft request = typed.request();
        return edits().save(
                        frame,
                        id,
                        typed.values(),
                        pages.check(request),
                        () -> id == null
                                ? service.create(request).id()
                                : service.update(id, Edits.ifMatch(typed.version), request)
                                        .id());
    }

    private Edits<ChecklistViews.Admin> edits() {
        return new Edits<>(BASE, "desk.checklist", service::get, ChecklistForm::values, this::form);
    }

    private Response form(int status, PageFrame frame, ChecklistViews.Admin checklist, Form form, Notice notice) {
        Editing editing = checklist == null ? Editing.fresh(BASE, state(ChecklistStatus.DRAFT)) : editing(checklist);
        List<String> scamTypes =
                Arrays.stream(ScamType.values()).map(ScamType::code).toList();
        return pages.page(
                status,
                Templates.checklist(
                        frame,
                        console.shell(BASE),
                        editing,
                        ChecklistForm.rows(form.values()),
                        scamTypes,
                        languages.codes(),
                        form,
                        notice),
                frame.lang());
    }

    /** The checklist on a page, with what the service accepts in its state ({@code edit}: the form itself). */
    private static Editing editing(ChecklistViews.Admin checklist) {
        return new Editing(
                BASE,
                checklist.id(),
                state(checklist.status()),
                checklist.version(),
                checklist.status() == ChecklistStatus.PUBLISHED
                        ? Set.of("edit", "withdraw", "delete")
                        : Set.of("edit", "publish", "delete"));
    }

    /** A state as the pages name it (words {@code desk.state.<code>}). */
    private static String state(ChecklistStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
