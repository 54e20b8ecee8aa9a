package org.vigil.platform.db;

/**
 * Fitting server-built text (audit details, history lines) into its column. A {@code VARCHAR(n)}
 * in utf8mb4 holds n characters (code points), while {@link String#length()} counts UTF-16 units;
 * cutting with {@code substring} could split an emoji's surrogate pair, which the driver stores as '?'.
 */
public final class Columns {

    private Columns() {}

    /** {@code value} cut to at most {@code maxChars} code points, never inside a surrogate pair; null stays null. */
    public static String fit(String value, int maxChars) {
        if (value == null || value.codePointCount(0, value.length()) <= maxChars) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, maxChars));
    }
}
