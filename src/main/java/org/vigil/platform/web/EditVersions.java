package org.vigil.platform.web;

import jakarta.ws.rs.core.EntityTag;
import org.vigil.platform.error.ApiException;

/**
 * Optimistic concurrency for editors: every admin representation carries its version as a strong
 * ETag, and a change must send it back in {@code If-Match}; a stale one is refused with 412.
 */
public final class EditVersions {

    private EditVersions() {}

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Throws 428 when {@code ifMatch} is absent and 412 when it names another version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired("Send the version you edited in If-Match (the ETag you received)");
        }
        String expected = "\"" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(expected) || tag.equals("W/" + expected)) {
                return;
            }
        }
        throw ApiException.preconditionFailed("This was changed since you read it (now version " + currentVersion
                + "); read it again and reapply your edit");
    }
}
