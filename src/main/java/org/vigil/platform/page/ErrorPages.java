package org.vigil.platform.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.vigil.platform.error.Problem;
import org.vigil.platform.locale.Words;

/**
 * Errors on a page address are pages (a citizen's browser never shows problem+json): the same
 * status, the problem's headers (no-store, Retry-After), and a few words in the asked language
 * with a way on. The REST layer's problems are turned into pages by {@link #toPage}, the router's
 * own (an unknown address, a body over the limit) by RouterProblems through {@link #html}. Neither
 * reads the database: this must work while it is away.
 */
@Singleton
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    /** Statuses with words of their own; others get the words of their class (4xx, 5xx). */
    private static final List<Integer> WORDED = List.of(400, 403, 404, 410, 413, 415, 429, 503);

    @CheckedTemplate(basePath = "platform")
    static class Templates {
        static native TemplateInstance error(PageFrame page, String title, String text, int status);
    }

    private final Pages pages;
    private final Words words;

    ErrorPages(Pages pages, Words words) {
        this.pages = pages;
        this.words = words;
    }

    @ServerResponseFilter
    public void toPage(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null
                || !Problem.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype())
                || !PagePaths.answersErrorsAsPage(
                        request.getUriInfo().getPath(), request.getHeaderString(HttpHeaders.ACCEPT))) {
            return;
        }
        String lang = language(
                request.getUriInfo().getQueryParameters().getFirst("lang"),
                request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        response.setEntity(html(response.getStatus(), lang), null, MediaType.valueOf(Pages.HTML));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, lang);
    }

    /** The page of {@code status} in {@code lang}. */
    public byte[] html(int status, String lang) {
        String key = WORDED.contains(status) ? "error." + status : "error." + status / 100 + "xx";
        try {
            PageFrame frame = pages.bare(lang);
            return Templates.error(frame, frame.t(key + ".title"), frame.t(key + ".text"), status)
                    .render()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            LOG.error("The error page could not be rendered", e);
            return ("<!doctype html><title>" + status + "</title><p>" + status).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** {@code ?lang=} if it has words, else the first language of Accept-Language that has, else the default. */
    public String language(String lang, String acceptLanguage) {
        if (lang != null && words.has(lang.strip().toLowerCase(Locale.ROOT))) {
            return lang.strip().toLowerCase(Locale.ROOT);
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String code = Locale.forLanguageTag(range.getRange()).getLanguage();
                    if (!code.isEmpty() && words.has(code)) {
                        return code;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a header no parser can read chooses nothing
            }
        }
        return words.defaultLanguage();
    }
}
