package org.vigil.content.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.vigil.content.ArticleRequests;
import org.vigil.content.ArticleViews.ArticleAdmin;

/**
 * The article form as posted. Its values are keyed by the API's field names, so that the API's
 * findings land next to their fields; the article's language is posted as {@code language} because
 * {@code lang} is the page's own language.
 */
public class ArticleForm {

    @RestForm
    public String version;

    @RestForm
    public String action;

    @RestForm
    public String language;

    @RestForm
    public String slug;

    @RestForm
    public String translationKey;

    @RestForm
    public String category;

    @RestForm
    public String title;

    @RestForm
    public String summary;

    @RestForm
    public String bodyMarkdown;

    @RestForm
    public String tags;

    @RestForm
    public String source;

    @RestForm
    public String author;

    @RestForm
    public String licence;

    @RestForm
    public String canonicalUrl;

    boolean previewing() {
        return "preview".equals(action);
    }

    /** What was typed, as the form shows it again. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", text(version));
        values.put("lang", text(language));
        values.put("slug", text(slug));
        values.put("translationKey", text(translationKey));
        values.put("category", text(category));
        values.put("title", text(title));
        values.put("summary", text(summary));
        values.put("bodyMarkdown", text(bodyMarkdown));
        values.put("tags", text(tags));
        values.put("source", text(source));
        values.put("author", text(author));
        values.put("licence", text(licence));
        values.put("canonicalUrl", text(canonicalUrl));
        return values;
    }

    /** The request the API would get: empty optional fields absent, tags split at commas or spaces. */
    ArticleRequests.Draft request() {
        String tagged = text(tags).strip();
        return new ArticleRequests.Draft(
                optional(slug),
                optional(translationKey),
                text(language),
                text(category),
                text(title),
                text(summary),
                text(bodyMarkdown),
                tagged.isEmpty() ? null : List.of(tagged.split("[,\\s]+")),
                text(source),
                optional(author),
                optional(licence),
                optional(canonicalUrl));
    }

    /** The form filled with an article as saved. */
    static Map<String, String> values(ArticleAdmin a) {
        ArticleForm form = new ArticleForm();
        form.version = Long.toString(a.version());
        form.language = a.lang();
        form.slug = a.slug();
        form.translationKey = a.translationKey();
        form.category = a.category();
        form.title = a.title();
        form.summary = a.summary();
        form.bodyMarkdown = a.bodyMarkdown();
        form.tags = String.join(", ", a.tags());
        form.source = a.source();
        form.author = a.author();
        form.licence = a.licence();
        form.canonicalUrl = a.canonicalUrl();
        return form.values();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
