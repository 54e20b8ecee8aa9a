package org.vigil.platform.locale;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.vigil.platform.config.VigilConfig;

/**
 * The words shown to people, from the bundles {@code messages/words_<code>.properties} (UTF-8), one
 * per row of the {@code language} table, so a new language is a row and a file, not a code change.
 * There is no base file and no fallback to the JVM's locale: a language's file has every key
 * (WordsTest checks each language offered), and a language without its file, or a key missing from
 * it, is answered in the default language (Vietnamese) rather than failing the request.
 * <p>
 * Plain {@link ResourceBundle} rather than Qute's type-safe message bundles: those are chosen at build
 * time per {@code @Localized} interface, and a language tag read from the table at run time that has
 * no bundle throws instead of falling back.
 */
@ApplicationScoped
public class Words {

    static final String BUNDLE = "messages.words";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String defaultLanguage;

    Words(VigilConfig config) {
        this.defaultLanguage = config.defaultLanguage();
    }

    /** The text under {@code key} in {@code language}, else in the default language. */
    public String text(String language, String key) {
        ResourceBundle bundle = bundle(language);
        if (bundle != null && bundle.containsKey(key)) {
            return bundle.getString(key);
        }
        return bundle(defaultLanguage).getString(key);
    }

    /** The text under {@code key}, else in the default language; empty when neither has it. */
    public Optional<String> find(String language, String key) {
        ResourceBundle bundle = bundle(language);
        if (bundle != null && bundle.containsKey(key)) {
            return Optional.of(bundle.getString(key));
        }
        ResourceBundle fallback = bundle(defaultLanguage);
        return fallback.containsKey(key) ? Optional.of(fallback.getString(key)) : Optional.empty();
    }

    /** Whether {@code language} has its file of words (no database read: usable where none can be made). */
    public boolean has(String language) {
        return bundle(language) != null;
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    /** The bundle of exactly this language code, or null when it has none; cached by ResourceBundle. */
    static ResourceBundle bundle(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        try {
            return ResourceBundle.getBundle(
                    BUNDLE, Locale.forLanguageTag(language), Words.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
