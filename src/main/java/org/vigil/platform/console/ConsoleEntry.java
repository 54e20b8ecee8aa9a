package org.vigil.platform.console;

import java.util.Set;

/**
 * A page of the staff console that a feature offers, shown in the console's navigation to the roles
 * that may open it (the page itself checks them again, as the API does). A feature declares one bean
 * per page; only what exists is linked.
 *
 * @param href the page's address under /console/
 * @param words the key of its name in messages/words_*.properties
 * @param roles the roles that see the link
 * @param order its place in the navigation (smaller first)
 */
public record ConsoleEntry(String href, String words, Set<String> roles, int order) {}
