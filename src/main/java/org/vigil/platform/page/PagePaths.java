package org.vigil.platform.page;

import java.util.List;

/**
 * Which addresses are pages for people (HTML, their own headers and error pages) and which are for
 * programs (the API, feeds, health and metrics, which answer problem+json). Citizens' pages are
 * every page but the staff console, which alone may set a (session) cookie.
 */
public final class PagePaths {

    /** Programs' address families; everything else is a page. */
    private static final List<String> MACHINE = List.of("/api", "/feeds", "/taxii2", "/.well-known", "/q", "/dev");

    private static final String CONSOLE = "/console";

    private PagePaths() {}

    public static boolean isPage(String path) {
        return path != null && MACHINE.stream().noneMatch(prefix -> under(path, prefix));
    }

    /** A page a citizen may open: no cookie is ever set on it. */
    public static boolean isCitizenPage(String path) {
        return isPage(path) && !under(path, CONSOLE);
    }

    /** A page of the staff console, the one family with a (login session) cookie. */
    public static boolean isConsole(String path) {
        return path != null && under(path, CONSOLE);
    }

    /**
     * Whether an error on {@code path} is answered as a page: only where a browser asks for HTML, so
     * that a program (no Accept, or JSON) gets problem+json even on an address that is not the API.
     */
    public static boolean answersErrorsAsPage(String path, String accept) {
        return isPage(path) && accept != null && (accept.contains("text/html") || accept.contains("application/xhtml"));
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
