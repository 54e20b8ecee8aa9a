package org.vigil.platform.web;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.platform.error.ApiException;

/** One page of a keyset-paginated list: {@code nextCursor} is absent on the last page. */
public record Page<T>(
        List<T> items,

        @Schema(description = "Opaque cursor for the next page; absent on the last page")
        String nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** The limit a query should use: default when absent, capped at {@link #MAX_LIMIT}; below 1 is a 400. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1) {
            throw ApiException.invalid("limit", "must be at least 1");
        }
        return Math.min(requested, MAX_LIMIT);
    }

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that there is
     * a next page, whose cursor is made from the last row shown.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> toItem, Function<R, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(toItem).toList(), next);
    }
}
