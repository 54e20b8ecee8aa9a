package org.vigil.platform.web;

import org.vigil.platform.error.ApiException;

/**
 * The {@code Idempotency-Key} header of retried POSTs (tips, messages, partners' action reports):
 * one form for every feature, 1 to 255 visible ASCII characters. What a key stands for (the first
 * answer) is kept by the feature that owns the write.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKeys() {}

    /** A key that may be left out: null stays null; a malformed one is a 400 naming the header. */
    public static String optional(String key) {
        if (key != null && !wellFormed(key)) {
            throw ApiException.invalid(HEADER, "must be 1-255 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }

    /** A key the endpoint requires: missing or malformed is a 400 naming the header. */
    public static String required(String key) {
        if (key == null || !wellFormed(key)) {
            throw ApiException.invalid(HEADER, "required: 1-255 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }

    private static boolean wellFormed(String key) {
        return !key.isEmpty() && key.length() <= 255 && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }
}
