package org.vigil.campaign;

import java.text.Normalizer;
import java.util.Locale;

/** URL names of events, made from Vietnamese titles: "Mít tinh 30/7 tại Đông Hải" becomes "mit-tinh-30-7-tai-dong-hai". */
final class Slugs {

    static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String REGION_PATTERN = "^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*$";
    static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    /** ASCII slug of {@code title} at most {@code maxLength} long, cut at a word boundary; "event" when nothing is left. */
    static String of(String title, int maxLength) {
        // đ/Đ are letters of their own, not d with a combining mark, so NFD alone would drop them
        String ascii = Normalizer.normalize(title.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > maxLength) {
            int cut = slug.lastIndexOf('-', maxLength);
            slug = slug.substring(0, cut > 0 ? cut : maxLength);
        }
        return slug.isEmpty() ? "event" : slug;
    }
}
