package org.vigil.platform.security;

import org.vigil.platform.error.ApiException;

/**
 * The name a staff token carries (upn; {@link Staff#name()}), as recorded in assignees, notes, audit lines and indicator
 * history. Its columns hold {@link #MAX_LENGTH} characters, Keycloak's longest user name: a longer
 * one is refused here, once, rather than cut (two officers must never be recorded as one).
 */
public final class StaffName {

    public static final int MAX_LENGTH = 255;

    private StaffName() {}

    public static String of(String name) {
        if (name == null || name.isBlank()) {
            throw forbidden("The token names no user (upn)");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw forbidden("The token's user name (upn) is longer than " + MAX_LENGTH + " characters");
        }
        return name;
    }

    private static ApiException forbidden(String detail) {
        return new ApiException(403, "/problems/forbidden", "Forbidden", detail);
    }
}
