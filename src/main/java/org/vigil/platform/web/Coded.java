package org.vigil.platform.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vigil.platform.error.ApiException;

/**
 * An enum that clients see and send as a code ("human-trafficking", "phone", "NEW"). The one lookup
 * for codes from parameters, request fields and columns, so every feature answers an unknown code
 * with the same 400 naming the field and listing the allowed values.
 */
public interface Coded {

    /** The value in JSON, parameters and the database; by default the constant's name in kebab case. */
    default String code() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant with this code (surrounding space and letter case ignored), if any. */
    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip();
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.code().equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** A parameter or request field: null when absent or blank, else the constant or a 400 problem on {@code field}. */
    static <E extends Enum<E> & Coded> E param(Class<E> type, String field, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return find(type, code).orElseThrow(() -> ApiException.invalid(field, "must be one of " + codes(type)));
    }

    /** A stored code, which the service wrote itself: an unknown one is a bug, not a client's mistake. */
    static <E extends Enum<E> & Coded> E stored(Class<E> type, String code) {
        return code == null
                ? null
                : find(type, code)
                        .orElseThrow(() ->
                                new IllegalStateException("Unknown " + type.getSimpleName() + " in the database"));
    }

    /** The allowed codes, comma separated, for error messages and parameter descriptions. */
    static String codes(Class<? extends Coded> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
