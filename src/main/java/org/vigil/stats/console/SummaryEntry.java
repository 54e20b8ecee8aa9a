package org.vigil.stats.console;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;
import org.vigil.platform.console.ConsoleEntry;
import org.vigil.platform.security.Roles;

/** The summary in the console's navigation, for supervisors (the page checks the role again). */
@Singleton
class SummaryEntry {

    @Produces
    @Dependent
    ConsoleEntry summary() {
        return new ConsoleEntry(SummaryPages.PATH, "console.nav.summary", Set.of(Roles.SUPERVISOR), 40);
    }
}
