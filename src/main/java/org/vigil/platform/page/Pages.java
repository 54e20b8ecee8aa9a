package org.vigil.platform.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.error.Problem;
import org.vigil.platform.error.ProblemMapper;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.locale.Words;
import org.vigil.platform.web.PublicCaching;

/**
 * What every page class uses: the {@link PageFrame} of a request (its language, as the API resolves
 * it, but a language the service does not offer is ignored rather than refused: a shared link must
 * open) and the answers: public pages through {@link PublicCaching} like the API's public reads
 * (ETag, 304, max-age, Vary, this replica's memory), form answers as they are.
 */
@ApplicationScoped
public class Pages {

    public static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final Languages languages;
    private final Words words;
    private final Assets assets;
    private final PublicCaching caching;
    private final ZoneId zone;
    private final String baseUrl;
    private final ObjectMapper json;
    private final Validator validator;

    Pages(
            Languages languages,
            Words words,
            Assets assets,
            PublicCaching caching,
            VigilConfig config,
            ObjectMapper json,
            Validator validator) {
        this.json = json;
        this.validator = validator;
        this.languages = languages;
        this.words = words;
        this.assets = assets;
        this.caching = caching;
        this.zone = ZoneId.of(config.defaultZone());
        this.baseUrl = config.publicBaseUrl().replaceAll("/+$", "");
    }

    /** The page's language: {@code ?lang=} if offered, then Accept-Language, then the default. */
    public String language(String lang, HttpHeaders headers) {
        String asked = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
        return languages.codes().contains(asked) ? asked : languages.resolve(null, headers);
    }

    /** The frame of a page at {@code path}: the language switch leads to the same page in each language. */
    public PageFrame frame(String lang, String path) {
        return frame(lang, path, new String[0]);
    }

    /**
     * The same, for a page whose address has these parameters ({@code name, value, name, value...};
     * null values left out): only these, so that a cached page never carries what one visitor added
     * to its address.
     */
    public PageFrame frame(String lang, String path, String... query) {
        List<PageFrame.Choice> choices = languages.enabled().stream()
                .map(l -> {
                    String[] withLang = Arrays.copyOf(query, query.length + 2);
                    withLang[query.length] = "lang";
                    withLang[query.length + 1] = l.code;
                    return new PageFrame.Choice(l.code, l.nativeName, href(path, withLang), l.code.equals(lang));
                })
                .toList();
        return new PageFrame(lang, choices, List.of(), assets.stylesheet(), assets.script(), zone, words);
    }

    /**
     * The frame of content written in one language with translations ({@code translations}: language
     * code to the translation's path): the switch leads to each translation, else to {@code listPath}
     * in that language, and the page names its translations as alternates.
     */
    public PageFrame translated(String lang, String listPath, String selfPath, Map<String, String> translations) {
        PageFrame frame = frame(lang, listPath);
        List<PageFrame.Choice> choices = new ArrayList<>();
        List<PageFrame.Choice> alternates = new ArrayList<>();
        for (PageFrame.Choice language : frame.languages()) {
            String translation = translations.get(language.code());
            String href = language.current() ? selfPath : translation != null ? translation : language.href();
            choices.add(new PageFrame.Choice(language.code(), language.name(), href, language.current()));
            if (translation != null && !language.current()) {
                alternates.add(new PageFrame.Choice(language.code(), language.name(), baseUrl + translation, false));
            }
        }
        return frame.switchingTo(choices, alternates);
    }

    /** {@code path} with these parameters ({@code name, value, ...}; null values left out), encoded. */
    public static String href(String path, String... query) {
        StringBuilder href = new StringBuilder(path);
        for (int i = 0; i + 1 < query.length; i += 2) {
            if (query[i + 1] != null) {
                href.append(href.length() == path.length() ? '?' : '&')
                        .append(query[i])
                        .append('=')
                        .append(URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8));
            }
        }
        return href.toString();
    }

    /** A frame without a language switch and without the database: for error pages. */
    PageFrame bare(String lang) {
        return new PageFrame(lang, List.of(), List.of(), assets.stylesheet(), assets.script(), zone, words);
    }

    /**
     * A public page, cached like the API's public reads: {@code version} gives the content's
     * version parts (a cheap query) and the language, {@code render} the page when a 200 is due.
     * The build's look ({@link Assets#fingerprint}) is part of every ETag.
     */
    public Response cached(
            Request request,
            HttpHeaders headers,
            String topic,
            Object key,
            Supplier<Versioned> version,
            Function<String, TemplateInstance> render) {
        String[] language = new String[1];
        return caching.cached(
                request,
                headers,
                topic,
                List.of("page", key),
                HTML,
                () -> {
                    Versioned v = version.get();
                    language[0] = v.lang();
                    List<Object> parts = new ArrayList<>(Arrays.asList("page", assets.fingerprint(), key, v.lang()));
                    parts.addAll(v.parts());
                    return new PublicCaching.Version(PublicCaching.etag(parts.toArray()), v.lang());
                },
                // PublicCaching reads the version before it builds a body, so the language is known here
                () -> render.apply(language[0]).render());
    }

    /** The version of a page's content: the language it is in and what changes when it changes. */
    public record Versioned(String lang, List<Object> parts) {

        public static Versioned of(String lang, Object... parts) {
            return new Versioned(lang, Arrays.asList(parts));
        }
    }

    /**
     * schema.org data for a {@code <script type="application/ld+json">}: JSON in which no {@code <}
     * is left, so that no text in it can close the script element.
     */
    public String jsonLd(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("schema.org data could not be written", e);
        }
    }

    /** The request checked by Bean Validation exactly as the API checks it, findings named as the API names them. */
    public List<Problem.FieldError> check(Object request) {
        return ProblemMapper.fieldErrors(validator.validate(request));
    }

    /** A page that is not cached (a form, a form's answer). */
    public Response page(TemplateInstance page, String lang) {
        return page(200, page, lang);
    }

    public Response page(int status, TemplateInstance page, String lang) {
        return Response.status(status)
                .type(HTML)
                .entity(page.render())
                .header(HttpHeaders.CONTENT_LANGUAGE, lang)
                .build();
    }
}
