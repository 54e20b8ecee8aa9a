package org.vigil.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.vigil.platform.error.ApiException;

/**
 * Opaque keyset cursors: the sort key of the last row shown, base64url-encoded. The one place that
 * tells a client its cursor is not one this API gave (see {@link Keyset}).
 */
public final class Cursor {

    private static final String SEPARATOR = "\n";

    private Cursor() {}

    public static String encode(Object... keys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(keys[i]);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The keys of a cursor read as {@code types} (Long, Instant, Boolean or String), after its
     * {@code tag} when not null; a 400 problem when it is not one this API made, or was made for the
     * same list under another tag.
     */
    static List<Object> decode(String cursor, String tag, List<Class<?>> types) {
        List<String> raw = split(cursor, types.size() + (tag == null ? 0 : 1));
        if (tag != null && !raw.get(0).equals(tag)) {
            throw ApiException.invalid("cursor", "belongs to a list with other parameters");
        }
        List<String> keys = tag == null ? raw : raw.subList(1, raw.size());
        List<Object> values = new ArrayList<>();
        try {
            for (int i = 0; i < types.size(); i++) {
                values.add(read(keys.get(i), types.get(i)));
            }
        } catch (RuntimeException e) {
            throw notACursor();
        }
        return values;
    }

    private static List<String> split(String cursor, int keyCount) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(raw.split(SEPARATOR, -1));
            if (keys.size() == keyCount) {
                return keys;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw notACursor();
    }

    private static Object read(String key, Class<?> type) {
        if (type == Long.class) {
            return Long.parseLong(key);
        }
        if (type == Instant.class) {
            return Instant.parse(key);
        }
        if (type == Boolean.class && (key.equals("true") || key.equals("false"))) {
            return Boolean.valueOf(key);
        }
        if (type == String.class) {
            return key;
        }
        throw new IllegalArgumentException("not a " + type.getSimpleName());
    }

    private static ApiException notACursor() {
        return ApiException.invalid("cursor", "is not a cursor given by this API");
    }
}
