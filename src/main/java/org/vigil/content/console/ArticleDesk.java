package org.vigil.content.console;

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
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.vigil.content.ArticleCategory;
import org.vigil.content.ArticleQueries;
import org.vigil.content.ArticleRenderer;
import org.vigil.content.ArticleRequests;
import org.vigil.content.ArticleService;
import org.vigil.content.ArticleViews.ArticleAdmin;
import org.vigil.content.ArticleViews.ArticleAdminSummary;
import org.vigil.platform.console.Confirming;
import org.vigil.platform.console.Console;
import org.vigil.platform.console.ConsoleEntry;
import org.vigil.platform.console.Editing;
import org.vigil.platform.console.Edits;
import org.vigil.platform.console.Notice;
import org.vigil.platform.console.Shell;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.security.Roles;
import org.vigil.platform.web.Page;

/**
 * The editors' page for articles: the list with each one's state, a form to write one (with a
 * preview from the API's own sanitiser), and its lifecycle. Every change goes through
 * {@link ArticleService} with the version the form was read at, exactly as the API's If-Match: a
 * stale save comes back with the typed text and says that someone else saved first. A page offers
 * only the changes the article's state allows, the ones the service would accept.
 */
@Path(ArticleDesk.BASE)
@RolesAllowed(Roles.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class ArticleDesk {

    static final String BASE = "/console/editor/articles";
    private static final int PAGE_SIZE = 50;
    private static final int PREVIEW_LIMIT = 100 * 1024;
    private static final List<String> STATES = List.of("draft", "scheduled", "published", "withdrawn", "deleted");
    private static final Set<String> DONE = Set.of("saved", "publish", "schedule", "unschedule", "withdraw");
    private static final Set<String> LIST_DONE = Set.of("deleted");

    @CheckedTemplate(basePath = "console/editor")
    static class Templates {
        static native TemplateInstance articles(
                PageFrame page,
                Shell shell,
                List<Row> rows,
                List<String> states,
                String status,
                String next,
                Notice notice);

        static native TemplateInstance article(
                PageFrame page, Shell shell, Editing editing, Shown shown, Form form, String preview, Notice notice);
    }

    /** A line of the list: the article and its times in the page's zone. */
    public record Row(ArticleAdminSummary article, LocalDateTime updated, LocalDateTime published) {}

    /** What the article's page shows beside the form: when it publishes, where readers see it, the choices. */
    public record Shown(LocalDateTime published, String url, List<String> categories, List<String> languages) {}

    @jakarta.enterprise.inject.Produces
    static ConsoleEntry entry() {
        return new ConsoleEntry(BASE, "desk.nav.articles", Set.of(Roles.EDITOR), 51);
    }

    private final ArticleService service;
    private final ArticleQueries queries;
    private final ArticleRenderer renderer;
    private final Languages languages;
    private final Pages pages;
    private final Console console;

    ArticleDesk(
            ArticleService service,
            ArticleQueries queries,
            ArticleRenderer renderer,
            Languages languages,
            Pages pages,
            Console console) {
        this.service = service;
        this.queries = queries;
        this.renderer = renderer;
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
        Page<ArticleAdminSummary> found = queries.adminList(chosen, false, PAGE_SIZE, cursor);
        List<Row> rows = found.items().stream()
                .map(a -> new Row(a, Edits.local(frame, a.updatedAt()), Edits.local(frame, a.publishedAt())))
                .toList();
        String next = found.nextCursor() == null
                ? null
                : Pages.href(BASE, "lang", language, "status", chosen, "cursor", found.nextCursor());
        return pages.page(
                Templates.articles(
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
        return form(200, pages.frame(language, BASE + "/new"), null, Form.of(Map.of("lang", language)), null, null);
    }

    @GET
    @Path("{id}")
    public Response edit(
            @PathParam("id") long id,
            @QueryParam("lang") String lang,
            @QueryParam("done") String done,
            @Context HttpHeaders headers) {
        PageFrame frame = pages.frame(pages.language(lang, headers), BASE + "/" + id);
        ArticleAdmin article = service.get(id);
        return form(200, frame, article, Form.of(ArticleForm.values(article)), null, Edits.notice(frame, done, DONE));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveNew(
            @QueryParam("lang") String lang, @BeanParam ArticleForm typed, @Context HttpHeaders headers) {
        return save(null, typed, pages.language(lang, headers));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveExisting(
            @PathParam("id") long id,
            @QueryParam("lang") String lang,
            @BeanParam ArticleForm typed,
            @Context HttpHeaders headers) {
        return save(id, typed, pages.language(lang, headers));
    }

    /** Publish, withdraw or unschedule, at the version the page showed. */
    @POST
    @Path("{id}/{change:publish|withdraw|unschedule}")
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
            switch (change) {
                case "publish" -> service.publish(id, ifMatch);
                case "withdraw" -> service.withdraw(id, ifMatch);
                default -> service.unschedule(id, ifMatch);
            }
        });
    }

    /** Schedules or reschedules: the time is the wall clock of the page's zone, to the minute. */
    @POST
    @Path("{id}/schedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response schedule(
            @PathParam("id") long id,
            @QueryParam("lang") String lang,
            @RestForm String version,
            @RestForm String publishAt,
            @Context HttpHeaders headers) {
        PageFrame frame = pages.frame(pages.language(lang, headers), BASE + "/" + id);
        Map<String, String> typed = Map.of("publishAt", publishAt == null ? "" : publishAt);
        return edits().change(frame, id, "schedule", typed, () -> {
            LocalDateTime at = Edits.time(publishAt);
            if (at == null) {
                throw ApiException.invalid("publishAt", "must be a date and time");
            }
            service.schedule(
                    id,
                    Edits.ifMatch(version),
                    new ArticleRequests.Schedule(at.atZone(frame.zone()).toInstant()));
        });
    }

    /** The page that asks before an article is deleted, and says what that means for its readers. */
    @GET
    @Path("{id}/delete")
    public Response confirmDelete(
            @PathParam("id") long id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        PageFrame frame = pages.frame(pages.language(lang, headers), BASE + "/" + id + "/delete");
        ArticleAdmin article = service.get(id);
        List<String> says = List.of(
                "desk.article.delete.means",
                Set.of("published", "withdrawn").contains(article.status())
                        ? "desk.article.delete.seen"
                        : "desk.article.delete.unseen");
        return Edits.confirm(
                pages,
                frame,
                console.shell(BASE),
                new Confirming(editing(article), "desk.article", "delete", article.title(), "desk.state", says));
    }

    /** Deletes at the version the confirmation page showed: the article stays only as a tombstone. */
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

    private Response save(Long id, ArticleForm typed, String language) {
        PageFrame frame = pages.frame(language, id == null ? BASE + "/new" : BASE + "/" + id);
        Map<String, String> values = typed.values();
        if (typed.previewing()) {
            String body = values.get("bodyMarkdown");
            String preview =
                    body.getBytes(StandardCharsets.UTF_8).length > PREVIEW_LIMIT ? null : renderer.toSafeHtml(body);
            return form(200, frame, id == null ? null : service.get(id), Form.of(values), preview, null);
        }
        ArticleRequests.Draft request = typed.request();
        return edits().save(
                        frame,
                        id,
                        values,
                        pages.check(request),
                        () -> id == null
                                ? service.create(request).id()
                                : service.update(id, Edits.ifMatch(typed.version), request)
                                        .id());
    }

    private Edits<ArticleAdmin> edits() {
        return new Edits<>(
                BASE,
                "desk.article",
                service::get,
                ArticleForm::values,
                (status, frame, article, form, notice) -> form(status, frame, article, form, null, notice));
    }

    private Response form(int status, PageFrame frame, ArticleAdmin article, Form form, String preview, Notice notice) {
        Editing editing = article == null ? Editing.fresh(BASE, "draft") : editing(article);
        Shown shown = new Shown(
                article == null ? null : Edits.local(frame, article.publishedAt()),
                article == null ? null : article.url(),
                ArticleCategory.codes(),
                languages.codes());
        return pages.page(
                status,
                Templates.article(frame, console.shell(BASE), editing, shown, form, preview, notice),
                frame.lang());
    }

    private static Editing editing(ArticleAdmin article) {
        return new Editing(BASE, article.id(), article.status(), article.version(), actions(article.status()));
    }

    /** What the service accepts in each state ({@code edit}: the form itself). */
    private static Set<String> actions(String state) {
        return switch (state) {
            case "draft" -> Set.of("edit", "publish", "schedule", "delete");
            case "scheduled" -> Set.of("edit", "publish", "schedule", "unschedule", "delete");
            case "published" -> Set.of("edit", "withdraw", "delete");
            case "withdrawn" -> Set.of("edit", "publish", "delete");
            default -> Set.of();
        };
    }
}
