package org.vigil.platform.console;

import java.util.Set;

/**
 * An item on an editors' page (an article, a checklist, an event): where its forms post, its state
 * and the version the page was read at (sent back with every change as its If-Match), and the
 * changes its state allows, so that a page offers only what the service would accept.
 *
 * @param base the address of the item's list, e.g. /console/editor/articles
 * @param id the item's id, null while it is being written for the first time
 */
public record Editing(String base, Long id, String state, long version, Set<String> actions) {

    /** A new item: saved as {@code state} the first time. */
    public static Editing fresh(String base, String state) {
        return new Editing(base, null, state, 0, Set.of());
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean can(String action) {
        return actions.contains(action);
    }

    /** Where the item's form posts (and its changes, under it). */
    public String action() {
        return id == null ? base : base + "/" + id;
    }
}
