package org.vigil.platform.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.vigil.platform.locale.Words;

/**
 * What the shared layout needs on every page, and the page's words: {@code {page.t('home.title')}}
 * in a template is the text of that key in the page's language (from messages/words_<code>.properties).
 *
 * @param lang the page's language, its {@code <html lang>}
 * @param languages the language switch: every offered language, with the address of this page in it
 * @param alternates the same content in other languages ({@code <link rel=alternate hreflang>}), if any
 */
public record PageFrame(
        String lang,
        List<Choice> languages,
        List<Choice> alternates,
        String stylesheet,
        String script,
        ZoneId zone,
        Words words) {

    /** A language to switch to: its code, its own name, where this page is in it. */
    public record Choice(String code, String name, String href, boolean current) {}

    /** The words under {@code key} in the page's language. */
    public String t(String key) {
        return words.text(lang, key);
    }

    /** The words under {@code key} with {@code {0}} replaced (not MessageFormat: apostrophes stay as written). */
    public String t(String key, Object first) {
        return t(key).replace("{0}", String.valueOf(first));
    }

    public String t(String key, Object first, Object second) {
        return t(key, first).replace("{1}", String.valueOf(second));
    }

    /** The name of a code ({@code label('category', 'online-fraud')}), or the code itself when no word names it. */
    public String label(String group, Object code) {
        String text = String.valueOf(code);
        return words.find(lang, group + "." + text).orElse(text);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date(instant.atZone(zone).toLocalDate());
    }

    public String date(LocalDate day) {
        return day == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale())
                        .format(day);
    }

    /** An instant as a date and time in the service's zone (when a tip arrived, a line of a log). */
    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime(LocalDateTime.ofInstant(instant, zone));
    }

    /** A wall-clock time as written for its place (an event's local start). */
    public String dateTime(LocalDateTime time) {
        return time == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                        .withLocale(locale())
                        .format(time);
    }

    public String time(LocalDateTime time) {
        return time == null
                ? ""
                : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                        .withLocale(locale())
                        .format(time);
    }

    /** This frame with the language switch pointing at other addresses (an article's translations). */
    public PageFrame switchingTo(List<Choice> choices, List<Choice> alternates) {
        return new PageFrame(lang, choices, alternates, stylesheet, script, zone, words);
    }

    /** How the page's language writes dates and times, which its words say (English on the 24-hour clock). */
    private Locale locale() {
        return Locale.forLanguageTag(words.find(lang, "format.locale").orElse(lang));
    }
}
