package org.vigil.campaign.console;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.vigil.campaign.EventRequests;
import org.vigil.campaign.EventService;
import org.vigil.campaign.EventStatus;
import org.vigil.campaign.EventViews;
import org.vigil.platform.console.Confirming;
import org.vigil.platform.console.Console;
import org.vigil.platform.console.ConsoleEntry;
import org.vigil.platform.console.Editing;
import org.vigil.platform.console.Edits;
import org.vigil.platform.console.Notice;
import org.vigil.platform.console.Shell;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.security.Roles;
import org.vigil.platform.web.Page;

/**
 * The editors' page for campaign events: the list by start with each one's state, a form to write
 * one, and postpone, cancel and reschedule, all through {@link EventService} with the version the
 * form was read at, as the API's If-Match. Times are the wall clock of the event's zone.
 */
@Path(EventDesk.BASE)
@RolesAllowed(Roles.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class EventDesk {

    static final String BASE = "/console/editor/events";
    private static final int PAGE_SIZE = 50;
    private static final List<String> STATES =
            Arrays.stream(EventStatus.values()).map(EventStatus::code).toList();
    private static final Set<String> DONE = Set.of("saved", "postpone", "cancel", "reschedule");
    private static final Set<String> LIST_DONE = Set.of("deleted");

    @CheckedTemplate(basePath = "console/editor")
    static class Templates {
        static native TemplateInstance events(
                PageFrame page,
                Shell shell,
                List<EventViews.Event> rows,
                List<String> states,
                String status,
                String next,
                Notice notice);

        static native TemplateInstance event(
                PageFrame page, Shell shell, Editing editing, List<String> languages, Form form, Notice notice);
    }

    @jakarta.enterprise.inject.Produces
    static ConsoleEntry entry() {
        return new ConsoleEntry(BASE, "desk.nav.events", Set.of(Roles.EDITOR), 53);
    }

    private final EventService service;
    private final Languages languages;
    private final Pages pages;
    private final Console console;

    EventDesk(EventService service, Languages languages, Pages pages, Console console) {
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
        Page<EventViews.Event> found =
                service.list(service.adminFilter(null, null, null, null, null, chosen), cursor, PAGE_SIZE);
        String next = found.nextCursor() == null
                ? null
                : Pages.href(BASE, "lang", language, "status", chosen, "cursor", found.nextCursor());
        return pages.page(
                Templates.events(
                        frame,
                        console.shell(BASE),
                        found.items(),
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
        return form(200, pages.frame(language, BASE + "/new"), null, Form.of(Map.of("lang", language)), null);
    }

    @GET
    @Path("{id}")
    public Response edit(
            @PathParam("id") long id,
            @QueryParam("lang") String lang,
            @QueryParam("done") String done,
            @Context HttpHeaders headers) {
        PageFrame frame = pages.frame(pages.language(lang, headers), BASE + "/" + id);
        EventViews.Event event = service.byId(id);
        return form(200, frame, event, Form.of(EventForm.values(event)), Edits.notice(frame, done, DONE));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveNew(@QueryParam("lang") String lang, @BeanParam EventForm typed, @Context HttpHeaders headers) {
        return save(null, typed, pages.language(lang, headers));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveExisting(
            @PathParam("id") long id,
            @QueryParam("lang") String lang,
            @BeanParam EventForm typed,
            @Context HttpHeaders headers) {
        return save(id, typed, pages.language(lang, headers));
    }

    /**
     * The page that asks before an event is cancelled (citizens and calendars then show it as
     * cancelled) or deleted (gone without a word to calendars: cancelling is the better way).
     */
    @GET
    @Path("{id}/{what:cancel|delete}")
    public Response confirm(
            @PathParam("id") long id,
            @PathParam("what") String what,
            @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        PageFrame frame = pages.frame(pages.language(lang, headers), BASE + "/" + id + "/" + what);
        EventViews.Event event = service.byId(id);
        List<String> says;
        if ("cancel".equals(what)) {
            says = List.of("desk.event.cancel.means", "desk.event.cancel.undo");
        } else if (EventStatus.CANCELLED.code().equals(event.status())) {
            says = List.of("desk.event.delete.means", "desk.event.delete.calendars");
        } else {
            says = List.of("desk.event.delete.means", "desk.event.delete.calendars", "desk.event.delete.instead");
        }
        return Edits.confirm(
                pages,
                frame,
                console.shell(BASE),
                new Confirming(editing(event), "desk.event", what, event.title(), "events.status", says));
    }

    /** Deletes at the version the confirmation page showed. */
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

    /** Postpone, or cancel from its confirmation page, at the version the page showed. */
    @POST
    @Path("{id}/{change:postpone|cancel}")
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
            if ("postpone".equals(change)) {
                service.postpone(id, ifMatch);
            } else {
                service.cancel(id, ifMatch);
            }
        });
    }

    /**
     * New times, in the event's zone; it is scheduled again. The form's fields are {@code newStart}
     * and {@code newEnd}, apart from the event's own start and end in the form above it.
     */
    @POST
    @Path("{id}/reschedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reschedule(
            @PathParam("id") long id,
            @QueryParam("lang") String lang,
            @RestForm String version,
            @RestForm String newStart,
            @RestForm String newEnd,
            @Context HttpHeaders headers) {
        PageFrame frame = pages.frame(pages.language(lang, headers), BASE + "/" + id);
        Map<String, String> typed =
                Map.of("newStart", newStart == null ? "" : newStart, "newEnd", newEnd == null ? "" : newEnd);
        return edits().change(frame, id, "reschedule", typed, () -> {
            EventRequests.Reschedule request =
                    new EventRequests.Reschedule(Edits.time(newStart), Edits.time(newEnd), null);
            try {
                List<Problem.FieldError> findings = pages.check(request);
                if (!findings.isEmpty()) {
                    throw ApiException.invalid(findings);
                }
                service.reschedule(id, Edits.ifMatch(version), request);
            } catch (ApiException e) {
                throw e.status() == 400 ? ApiException.invalid(renamed(e.errors())) : e;
            }
        });
    }

    private Response save(Long id, EventForm typed, String language) {
        PageFrame frame = pages.frame(language, id == null ? BASE + "/new" : BASE + "/" + id);
        EventRequests.Event request = typed.request();
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

    private Edits<EventViews.Event> edits() {
        return new Edits<>(BASE, "desk.event", service::byId, EventForm::values, this::form);
    }

    private Response form(int status, PageFrame frame, EventViews.Event event, Form form, Notice notice) {
        Editing editing = event == null ? Editing.fresh(BASE, EventStatus.SCHEDULED.code()) : editing(event);
        return pages.page(
                status,
                Templates.event(frame, console.shell(BASE), editing, languages.codes(), form, notice),
                frame.lang());
    }

    private static Editing editing(EventViews.Event event) {
        return new Editing(BASE, event.id(), event.status(), event.version(), actions(event.status()));
    }

    /** What the service accepts in each state ({@code edit}: the form itself). */
    private static Set<String> actions(String state) {
        return switch (EventStatus.parse("status", state)) {
            case SCHEDULED -> Set.of("edit", "postpone", "cancel", "reschedule", "delete");
            case POSTPONED -> Set.of("edit", "cancel", "reschedule", "delete");
            case CANCELLED -> Set.of("edit", "reschedule", "delete");
        };
    }

    private static List<Problem.FieldError> renamed(List<Problem.FieldError> errors) {
        return errors.stream()
                .map(f -> switch (f.field()) {
                    case "start" -> new Problem.FieldError("newStart", f.message());
                    case "end" -> new Problem.FieldError("newEnd", f.message());
                    default -> f;
                })
                .toList();
    }
}
