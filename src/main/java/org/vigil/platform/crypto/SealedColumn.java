package org.vigil.platform.crypto;

import java.util.List;
import java.util.function.Function;

/**
 * A column of service-key ciphertexts, as {@link UnboundRewrite} needs it (rows have a numeric {@code id}):
 * the columns that name the row, and how they make the value's {@link Aad} (the entity's own
 * {@code aad} method, so the place is declared once). Features list theirs as {@link SealedColumns}.
 */
public record SealedColumn(
        String table, String column, List<String> placeColumns, Function<Object[], Aad> aad, boolean large) {

    public SealedColumn(String table, String column, List<String> placeColumns, Function<Object[], Aad> aad) {
        this(table, column, placeColumns, aad, false);
    }

    /** A column of files: rewritten one row per transaction, so a batch never holds many in memory. */
    public static SealedColumn large(
            String table, String column, List<String> placeColumns, Function<Object[], Aad> aad) {
        return new SealedColumn(table, column, placeColumns, aad, true);
    }

    /** A feature's encrypted columns. */
    public interface SealedColumns {
        List<SealedColumn> sealedColumns();
    }

    /** A numeric column as read by a native query. */
    public static long number(Object value) {
        return ((Number) value).longValue();
    }
}
