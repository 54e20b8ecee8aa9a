package org.vigil.platform.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;

/**
 * How an editors' page (articles, checklists, events) answers a form that changes an item, the same
 * for each: the version the form was read at is sent as the If-Match the services check (as on the
 * API); a change done is a 303 back to the item's page, which then says what was done ({@code
 * ?done=}, words {@code desk.done.<what>}); a refused one shows the item's form again with the typed
 * text kept: with the API's findings next to the fields (400), or saying that someone else saved
 * first (409, the form then carrying their version so that saving again is a deliberate
 * replacement) or that the item's state or a taken address does not allow it (409). A deletion,
 * and any change an editor must not make by mistake, first shows a page that asks ({@link
 * #confirm}); once done, a deletion goes back to the list ({@code ?done=deleted}).
 *
 * @param <T> the item as the editors' API shows it
 */
public final class Edits<T> {

    /** The item's page: its form shown with {@code status}, the item as it is now (null while new). */
    public interface ItemPage<T> {
        Response show(int status, PageFrame frame, T item, Form form, Notice notice);
    }

    private final String base;
    private final String words;
    private final LongFunction<T> read;
    private final Function<T, Map<String, String>> values;
    private final ItemPage<T> page;

    /**
     * @param base the list's address; an item is at {@code base/<id>}
     * @param words the prefix of the form's error words ({@code <words>.error.<field>})
     * @param read reads an item as it is now (404 when gone)
     * @param values the form filled with an item as saved, its version under {@code version}
     */
    public Edits(
            String base,
            String words,
            LongFunction<T> read,
            Function<T, Map<String, String>> values,
            ItemPage<T> page) {
        this.base = base;
        this.words = words;
        this.read = read;
        this.values = values;
        this.page = page;
    }

    /**
     * Saves what was typed ({@code id} null: a new item) unless Bean Validation found something,
     * exactly as the API would refuse it; {@code saving} returns the saved item's id.
     */
    public Response save(
            PageFrame frame,
            Long id,
            Map<String, String> typed,
            List<Problem.FieldError> findings,
            LongSupplier saving) {
        T current = id == null ? null : read.apply(id);
        if (!findings.isEmpty()) {
            return page.show(400, frame, current, Form.refused(typed, findings, words, frame), null);
        }
        try {
            return done(base + "/" + saving.getAsLong(), frame.lang(), "saved");
        } catch (ApiException e) {
            return switch (refusal(e)) {
                case INVALID -> page.show(400, frame, current, Form.refused(typed, e.errors(), words, frame), null);
                case STALE -> {
                    T theirs = read.apply(id);
                    Map<String, String> mine = new LinkedHashMap<>(typed);
                    mine.put("version", values.apply(theirs).get("version"));
                    yield page.show(
                            409, frame, theirs, Form.of(mine), new Notice(frame.t("desk.stale"), Notice.Kind.STALE));
                }
                case CONFLICT ->
                    page.show(
                            409,
                            frame,
                            current,
                            Form.of(typed),
                            new Notice(frame.t("desk.conflict"), Notice.Kind.REFUSED));
            };
        }
    }

    /**
     * A change of the item's state ({@code done} names it), with what its small form typed (a new
     * time) kept on a refusal beside the item as it is now.
     */
    public Response change(PageFrame frame, long id, String done, Map<String, String> typed, Runnable change) {
        return act(frame, id, base + "/" + id, done, typed, change);
    }

    /**
     * Deletes the item at the version its confirmation page was read at; done, the list says so
     * ({@code ?done=deleted}). Refused, the item's page says why, as for any other change.
     */
    public Response delete(PageFrame frame, long id, Runnable deletion) {
        return act(frame, id, base, "deleted", Map.of(), deletion);
    }

    /**
     * The confirmation page of a change ({@link Confirming}): 200 with its form when the item's state
     * allows the change, else 409 saying that it does not, with no form.
     */
    public static Response confirm(Pages pages, PageFrame frame, Shell shell, Confirming confirming) {
        boolean allowed = confirming.allowed();
        Notice notice = allowed ? null : new Notice(frame.t("desk.not-now"), Notice.Kind.REFUSED);
        return pages.page(allowed ? 200 : 409, Templates.confirm(frame, shell, confirming, notice), frame.lang());
    }

    @CheckedTemplate(basePath = "console/editor")
    static class Templates {
        static native TemplateInstance confirm(PageFrame page, Shell shell, Confirming confirming, Notice notice);
    }

    private Response act(
            PageFrame frame, long id, String then, String done, Map<String, String> typed, Runnable change) {
        try {
            change.run();
            return done(then, frame.lang(), done);
        } catch (ApiException e) {
            Refusal refusal = refusal(e);
            T item = read.apply(id);
            Map<String, String> shown = new LinkedHashMap<>(values.apply(item));
            shown.putAll(typed);
            return switch (refusal) {
                case INVALID -> page.show(400, frame, item, Form.refused(shown, e.errors(), words, frame), null);
                case STALE ->
                    page.show(
                            409,
                            frame,
                            item,
                            Form.of(shown),
                            new Notice(frame.t("desk.stale-change"), Notice.Kind.REFUSED));
                case CONFLICT ->
                    page.show(409, frame, item, Form.of(shown), new Notice(frame.t("desk.state"), Notice.Kind.REFUSED));
            };
        }
    }

    /** The form's hidden version as If-Match; null (a 428, as on the API) when absent or not a number. */
    public static String ifMatch(String version) {
        return version == null || !version.matches("\\d{1,18}") ? null : "\"" + version + "\"";
    }

    /** The words for {@code ?done=}, or null when it names nothing this page does. */
    public static Notice notice(PageFrame frame, String done, Set<String> known) {
        return done != null && known.contains(done) ? new Notice(frame.t("desk.done." + done), Notice.Kind.DONE) : null;
    }

    /** An instant as the wall clock of the page's zone, to the minute (a datetime-local field's value). */
    public static LocalDateTime local(PageFrame frame, Instant instant) {
        return instant == null
                ? null
                : LocalDateTime.ofInstant(instant, frame.zone()).truncatedTo(ChronoUnit.MINUTES);
    }

    /** A datetime-local field's value; null when it is none, for Bean Validation or the service to refuse. */
    public static LocalDateTime time(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDateTime.parse(typed.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Response done(String path, String language, String what) {
        return Response.seeOther(URI.create(Pages.href(path, "lang", language, "done", what)))
                .build();
    }

    private enum Refusal {
        INVALID,
        STALE,
        CONFLICT
    }

    /** What a refusal means on a page; anything else (404 above all) goes on to the error pages. */
    private static Refusal refusal(ApiException e) {
        return switch (e.status()) {
            case 400 -> Refusal.INVALID;
            case 412, 428 -> Refusal.STALE;
            case 409 -> Refusal.CONFLICT;
            default -> throw e;
        };
    }
}
