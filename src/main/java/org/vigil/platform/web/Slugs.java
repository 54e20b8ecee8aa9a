package org.vigil.platform.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: lower-case ASCII words joined by hyphens, transliterated from Vietnamese. */
public final class Slugs {

    /** What a slug (and a tag or translation key) looks like. */
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public static final int MAX_LENGTH = 120;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {}

    /** ASCII without diacritics: 'Lừa đảo' -> 'Lua dao'. Đ has no Unicode decomposition, so it is mapped by hand. */
    public static String transliterate(String text) {
        String noStroke = text.replace('đ', 'd').replace('Đ', 'D');
        return MARKS.matcher(Normalizer.normalize(noStroke, Normalizer.Form.NFD))
                .replaceAll("");
    }

    /**
     * A slug made from a title, at most {@code maxLength} long and cut at a word boundary;
     * {@code fallback} when nothing usable remains.
     */
    public static String fromTitle(String title, int maxLength, String fallback) {
        String slug =
                NON_WORD.matcher(transliterate(title).toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > maxLength) {
            int cut = slug.lastIndexOf('-', maxLength);
            slug = trimHyphens(slug.substring(0, cut > 0 ? cut : maxLength));
        }
        return slug.isEmpty() ? fallback : slug;
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
