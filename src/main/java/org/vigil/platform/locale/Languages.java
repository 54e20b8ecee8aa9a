package org.vigil.platform.locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.error.ApiException;

/**
 * Which language a request is answered in: {@code ?lang=} wins, then Accept-Language, then the
 * default (Vietnamese). The supported languages are rows of the {@code language} table, re-read
 * at most every {@link #REFRESH}, so a language added there is served without a restart.
 */
@ApplicationScoped
public class Languages {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final String defaultLanguage;
    private volatile Snapshot snapshot = new Snapshot(List.of(), 0);

    Languages(VigilConfig config) {
        this.defaultLanguage = config.defaultLanguage();
    }

    public List<Language> enabled() {
        return Language.<Language>list("enabled = true order by position, code");
    }

    public List<String> codes() {
        Snapshot current = snapshot;
        if (System.nanoTime() - current.loadedAt() > REFRESH.toNanos()
                || current.codes().isEmpty()) {
            current = new Snapshot(enabled().stream().map(l -> l.code).toList(), System.nanoTime());
            snapshot = current;
        }
        return current.codes();
    }

    /** The language to answer in; a {@code ?lang=} that is not supported is a 400 problem. */
    public String resolve(String lang, HttpHeaders headers) {
        if (lang != null && !lang.isBlank()) {
            return require("lang", lang);
        }
        if (headers != null) {
            List<String> supported = codes();
            for (Locale locale : headers.getAcceptableLanguages()) {
                String code = locale.getLanguage().toLowerCase(Locale.ROOT);
                if (supported.contains(code)) {
                    return code;
                }
            }
        }
        return defaultLanguage;
    }

    /** {@code value} normalised, or a 400 problem on {@code field} naming the supported languages. */
    public String require(String field, String value) {
        String code = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        List<String> supported = codes();
        if (!supported.contains(code)) {
            throw ApiException.invalid(field, "must be one of " + String.join(", ", supported));
        }
        return code;
    }

    private record Snapshot(List<String> codes, long loadedAt) {}
}
