package org.vigil.content.console;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.vigil.content.ArticleCategory;
import org.vigil.content.ArticleQueries;
import org.vigil.content.ArticleRenderer;
import org.vigil.content.ArticleRequest;
import org.vigil.content.ArticleSchedule;
import org.vigil.content.ArticleService;
import org.vigil.content.ArticleViews.ArticleAdmin;
import org.vigil.content.ArticleViews.ArticleAdminSummary;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.security.Roles;
import org.vigil.platform.web.Page;

/**
 * The editors' desk for articles: the list with each one's state, a form to write one (with a
 * preview from the API's own sanitiser), and its lifecycle. Every change goes through
 * {@link ArticleService} with the version the form was read at, exactly as the API's If-Match: a
 * stale save comes back with the typed text and says that someone else saved first. A page offers
 * only the actions the article's state allows, the ones the service would accept.
 * The page's language is {@code ?lang=}; the form's {@code language} is the article's ({@code lang} in the API).
 */
@Path("/console/desk/articles")
@RolesAllowed(Roles.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class ArticleDesk {

    private static final String BASE = "/console/desk/articles";
    private static final int PAGE_SIZE = 50;
    private static final List<String> STATES = List.of("draft", "scheduled", "published", "withdrawn", "deleted");
    /** The fields of the form, in the API's names, so that its findings land next to them. */
    private static final List<String> FIELDS = List.of(
            "lang",
            "slug",
            "translationKey",
            "category",
            "title",
            "summary",
            "bodyMarkdown",
            "tags",
            "source",
            "author",
            "licence",
            "canonicalUrl");

    @CheckedTemplate(basePath = "desk")
    static class Templates {
        static native TemplateInstance articles(
                PageFrame page, List<Row> rows, List<String> states, String status, String next);

        static native TemplateInstance article(
                PageFrame page, Editing editing, Form form, String preview, String notice);
    }

    /** A line of the list: the article and its times in the page's zone. */
    public record Row(ArticleAdminSummary article, LocalDateTime updated, LocalDateTime published) {}

    /**
     * The article being written: no id while new. Its state decides the actions offered, as the
     * service decides which it accepts.
     */
    public record Editing(
            Long id,
            String state,
            long version,
            LocalDateTime published,
            String url,
            List<String> categories,
            List<String> languages) {

        public boolean can(String action) {
            return switch (action) {
                case "edit" -> !"deleted".equals(state);
                case "publish" -> List.of("draft", "scheduled", "withdrawn").contains(state);
                case "schedule" -> List.of("draft", "scheduled").contains(state);
                case "unschedule" -> "scheduled".equals(state);
                case "withdraw" -> "published".equals(state);
                default -> false;
            };
        }

        public boolean isNew() {
            return id == null;
        }

        public String action() {
            return id == null ? BASE : BASE + "/" + id;
        }
    }

    private final ArticleService service;
    private final ArticleQueries queries;
    private final ArticleRenderer renderer;
    private final Languages languages;
    private final Pages pages;

    ArticleDesk(
            ArticleService service,
            ArticleQueries queries,
            ArticleRenderer renderer,
            Languages languages,
            Pages pages) {
        this.service = service;
        this.queries = queries;
        this.renderer = renderer;
        this.languages = languages;
        this.pages = pages;
    }

    @GET
    public Response list(
            @QueryParam("lang") String lang,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        PageFrame frame = pages.frame(language, BASE, "status", status);
        String chosen = STATES.contains(status) ? status : null;
        Page<ArticleAdminSummary> found = queries.adminList(chosen, PAGE_SIZE, cursor);
        List<Row> rows = found.items().stream()
                .map(a -> new Row(a, local(frame, a.updatedAt()), local(frame, a.publishedAt())))
                .toList();
        String next = found.nextCursor() == null
                ? null
                : Pages.href(BASE, "lang", language, "status", chosen, "cursor", found.nextCursor());
        return pages.page(Templates.articles(frame, rows, STATES, chosen == null ? "" : chosen, next), language);
    }

    @GET
    @Path("new")
    public Response create(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("lang", language);
        return form(200, pages.frame(language, BASE + "/new"), null, Form.of(values), null, null);
    }

    @GET
    @Path("{id}")
    public Response edit(
            @PathParam("id") long id,
            @QueryParam("lang") String lang,
            @QueryParam("done") String done,
            @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        PageFrame frame = pages.frame(language, BASE + "/" + id);
        ArticleAdmin article = service.get(id);
        String notice = done != null
                        && Arrays.asList("saved", "publish", "schedule", "unschedule", "withdraw")
                                .contains(done)
                ? frame.t("desk.done." + done)
                : null;
        return form(200, frame, article, Form.of(values(article)), null, notice);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveNew(
            @QueryParam("lang") String lang,
            @RestForm String action,
            @RestForm("language") String articleLang,
            @RestForm String slug,
            @RestForm String translationKey,
            @RestForm String category,
            @RestForm String title,
            @RestForm String summary,
            @RestForm String bodyMarkdown,
            @RestForm String tags,
            @RestForm String source,
            @RestForm String author,
            @RestForm String licence,
            @RestForm String canonicalUrl,
            @Context HttpHeaders headers) {
        Map<String, String> typed = typed(
                articleLang,
                slug,
                translationKey,
                category,
                title,
                summary,
                bodyMarkdown,
                tags,
                source,
                author,
                licence,
                canonicalUrl);
        return save(null, null, action, typed, pages.language(lang, headers));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveExisting(
            @PathParam("id") long id,
            @QueryParam("lang") String lang,
            @RestForm String version,
            @RestForm String action,
            @RestForm("language") String articleLang,
            @RestForm String slug,
            @RestForm String translationKey,
            @RestForm String category,
            @RestForm String title,
            @RestForm String summary,
            @RestForm String bodyMarkdown,
            @RestForm String tags,
            @RestForm String source,
            @RestForm String author,
            @RestForm String licence,
            @RestForm String canonicalUrl,
            @Context HttpHeaders headers) {
        Map<String, String> typed = typed(
                articleLang,
                slug,
                translationKey,
                category,
                title,
                summary,
                bodyMarkdown,
                tags,
                source,
                author,
                licence,
                canonicalUrl);
        return save(id, version, action, typed, pages.language(lang, headers));
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
        String language = pages.language(lang, headers);
        String ifMatch = ifMatch(version);
        try {
            switch (change) {
                case "publish" -> service.publish(id, ifMatch);
                case "withdraw" -> service.withdraw(id, ifMatch);
                default -> service.unschedule(id, ifMatch);
            }
            return done(id, change, language);
        } catch (ApiException e) {
            return refusedChange(id, language, e, Form.empty());
        }
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
        String language = pages.language(lang, headers);
        PageFrame frame = pages.frame(language, BASE + "/" + id);
        Form typed = Form.of(Map.of("publishAt", publishAt == null ? "" : publishAt));
        Instant at;
        try {
            at = LocalDateTime.parse(publishAt == null ? "" : publishAt)
                    .atZone(frame.zone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            return refusedChange(id, language, ApiException.invalid("publishAt", "must be a date and time"), typed);
        }
        try {
            service.schedule(id, ifMatch(version), new ArticleSchedule(at));
            return done(id, "schedule", language);
        } catch (ApiException e) {
            return refusedChange(id, language, e, typed);
        }
    }

    private Response save(Long id, String version, String action, Map<String, String> typed, String language) {
        PageFrame frame = pages.frame(language, id == null ? BASE + "/new" : BASE + "/" + id);
        ArticleAdmin current = id == null ? null : service.get(id);
        Map<String, String> values = new LinkedHashMap<>(typed);
        values.put("version", version == null ? "" : version);
        if ("preview".equals(action)) {
            String body = typed.get("bodyMarkdown");
            String preview =
                    body.getBytes(StandardCharsets.UTF_8).length > 100 * 1024 ? null : renderer.toSafeHtml(body);
            return form(200, frame, current, Form.of(values), preview, null);
        }
        ArticleRequest request = request(typed);
        List<Problem.FieldError> findings = pages.check(request);
        if (!findings.isEmpty()) {
            return form(400, frame, current, Form.refused(values, findings, "desk.article", frame), null, null);
        }
        try {
            ArticleAdmin saved = id == null ? service.create(request) : service.update(id, ifMatch(version), request);
            return done(saved.id(), "saved", language);
        } catch (ApiException e) {
            if (e.status() == 412 || e.status() == 428) {
                // someone saved first: keep what was typed, and take their version so that saving
                // again (after a look at theirs) is a deliberate replacement
                ArticleAdmin theirs = service.get(id);
                values.put("version", Long.toString(theirs.version()));
                return form(409, frame, theirs, Form.of(values), null, frame.t("desk.article.stale"));
            }
            if (e.status() == 400) {
                return form(400, frame, current, Form.refused(values, e.errors(), "desk.article", frame), null, null);
            }
            if (e.status() == 409) {
                return form(409, frame, current, Form.of(values), null, frame.t("desk.article.conflict"));
            }
            throw e;
        }
    }

    private Response refusedChange(long id, String language, ApiException e, Form typed) {
        if (e.status() == 404) {
            throw e;
        }
        PageFrame frame = pages.frame(language, BASE + "/" + id);
        ArticleAdmin article = service.get(id);
        Map<String, String> values = values(article);
        values.putAll(typed.values());
        Form form = e.status() == 400 ? Form.refused(values, e.errors(), "desk.article", frame) : Form.of(values);
        String notice = switch (e.status()) {
            case 412, 428 -> frame.t("desk.article.stale-change");
            case 409 -> frame.t("desk.article.state");
            default -> null;
        };
        return form(e.status() == 428 ? 412 : e.status(), frame, article, form, null, notice);
    }

    private Response form(int status, PageFrame frame, ArticleAdmin article, Form form, String preview, String notice) {
        Editing editing = new Editing(
                article == null ? null : article.id(),
                article == null ? "draft" : article.status(),
                article == null ? 0 : article.version(),
                article == null ? null : local(frame, article.publishedAt()),
                article == null ? null : article.url(),
                ArticleCategory.codes(),
                languages.codes());
        return pages.page(status, Templates.article(frame, editing, form, preview, notice), frame.lang());
    }

    private static Response done(long id, String what, String language) {
        return Response.seeOther(URI.create(Pages.href(BASE + "/" + id, "lang", language, "done", what)))
                .build();
    }

    private static Map<String, String> typed(
            String lang,
            String slug,
            String translationKey,
            String category,
            String title,
            String summary,
            String bodyMarkdown,
            String tags,
            String source,
            String author,
            String licence,
            String canonicalUrl) {
        String[] given = {
            lang,
            slug,
            translationKey,
            category,
            title,
            summary,
            bodyMarkdown,
            tags,
            source,
            author,
            licence,
            canonicalUrl
        };
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            typed.put(FIELDS.get(i), given[i] == null ? "" : given[i]);
        }
        return typed;
    }

    /** The request the API would get: empty optional fields absent, tags split at commas or spaces. */
    private static ArticleRequest request(Map<String, String> typed) {
        String tags = typed.get("tags").strip();
        return new ArticleRequest(
                optional(typed.get("slug")),
                optional(typed.get("translationKey")),
                typed.get("lang"),
                typed.get("category"),
                typed.get("title"),
                typed.get("summary"),
                typed.get("bodyMarkdown"),
                tags.isEmpty() ? null : List.of(tags.split("[,\\s]+")),
                typed.get("source"),
                optional(typed.get("author")),
                optional(typed.get("licence")),
                optional(typed.get("canonicalUrl")));
    }

    private static Map<String, String> values(ArticleAdmin a) {
        Map<String, String> values = typed(
                a.lang(),
                a.slug(),
                a.translationKey(),
                a.category(),
                a.title(),
                a.summary(),
                a.bodyMarkdown(),
                String.join(", ", a.tags()),
                a.source(),
                a.author(),
                a.licence(),
                a.canonicalUrl());
        values.put("version", Long.toString(a.version()));
        return values;
    }

    private static String ifMatch(String version) {
        return version == null || !version.matches("\\d{1,18}") ? null : "\"" + version + "\"";
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDateTime local(PageFrame frame, Instant instant) {
        return instant == null
                ? null
                : LocalDateTime.ofInstant(instant, frame.zone()).truncatedTo(ChronoUnit.MINUTES);
    }
}
