package org.vigil.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.vigil.platform.error.ApiException;

/** Opaque keyset cursors: the sort key of the last row shown, base64url-encoded. */
public final class Cursor {

    private static final String SEPARATOR = "\n";

    private Cursor() {
    }

    public static String encode(Object... keys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(keys[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor, or a 400 problem when it is not one this API made. */
    public static List<String> decode(String cursor, int keyCount) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(raw.split(SEPARATOR, -1));
            if (keys.size() == keyCount) {
                return keys;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ApiException.invalid("cursor", "is not a cursor given by this API");
    }
}
