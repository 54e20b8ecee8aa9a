package org.vigil.platform.locale;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.error.ApiException;

/**
 * Which language a request is answered in: {@code ?lang=} wins, then Accept-Language, then the
 * default (Vietnamese). The supported languages are rows of the {@code language} table, re-read by a
 * job every 30 s, so a language added there is served without a restart, and a request
 * never waits for that query (it reads the table itself only before the first load).
 */
@ApplicationScoped
public class Languages {

    private final String defaultLanguage;
    private volatile Snapshot snapshot = new Snapshot(List.of());

    Languages(VigilConfig config) {
        this.defaultLanguage = config.defaultLanguage();
    }

    public List<Language> enabled() {
        return Language.<Language>list("enabled = true order by position, code");
    }

    public List<String> codes() {
        if (snapshot.codes().isEmpty()) {
            refresh();
        }
        return snapshot.codes();
    }

    @Scheduled(every = "30s", identity = "languages-refresh")
    @Transactional
    void refresh() {
        snapshot = new Snapshot(enabled().stream().map(l -> l.code).toList());
    }

    /**
     * {@link #resolve}'s answer from memory, empty before the languages were first loaded: does no I/O,
     * so it may run on the event loop.
     */
    public Optional<String> resolveInMemory(String lang, HttpHeaders headers) {
        return snapshot.codes().isEmpty() ? Optional.empty() : Optional.of(resolve(lang, headers));
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

    private record Snapshot(List<String> codes) {}
}
