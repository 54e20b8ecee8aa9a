package org.vigil.platform.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.Staff;

/**
 * The console shell of the current request: every console page builds its {@link Shell} here and
 * renders with templates/console/layout.html, so that the navigation, the user line and the logout
 * look and work the same on every page.
 */
@RequestScoped
public class Console {

    /** Every role that may log in to the console. */
    public static final Set<String> STAFF = Set.of(Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN, Roles.EDITOR);

    /** The police roles: their section, /console/police. */
    public static final Set<String> POLICE = Set.of(Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN);

    private static final List<ConsoleEntry> SECTIONS = List.of(
            new ConsoleEntry("/console/", "console.nav.home", STAFF, 0),
            new ConsoleEntry("/console/police", "console.nav.police", POLICE, 10),
            new ConsoleEntry("/console/editor", "console.nav.editor", Set.of(Roles.EDITOR), 50));

    private final Staff staff;
    private final Instance<ConsoleEntry> entries;
    private final CsrfTokens csrf;

    Console(Staff staff, Instance<ConsoleEntry> entries, CsrfTokens csrf) {
        this.staff = staff;
        this.entries = entries;
        this.csrf = csrf;
    }

    /** The shell of the page at {@code path}. */
    public Shell shell(String path) {
        return new Shell(staff.name(), staff.region(), staff.seesAllRegions(), nav(), path, csrf.token());
    }

    /** The links the caller's roles open: the sections, then what the features offer. */
    public List<Shell.Link> nav() {
        return java.util.stream.Stream.concat(SECTIONS.stream(), entries.stream())
                .filter(entry -> entry.roles().stream().anyMatch(staff::has))
                .sorted(Comparator.comparingInt(ConsoleEntry::order))
                .map(entry -> new Shell.Link(entry.href(), entry.words()))
                .toList();
    }

    public Staff staff() {
        return staff;
    }
}
