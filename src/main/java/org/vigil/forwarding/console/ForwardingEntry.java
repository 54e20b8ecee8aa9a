package org.vigil.forwarding.console;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;
import org.vigil.platform.console.ConsoleEntry;
import org.vigil.platform.security.Roles;

/** Forwarding in the console's navigation, for admins (the page checks the role again). */
@Singleton
class ForwardingEntry {

    @Produces
    @Dependent
    ConsoleEntry forwarding() {
        return new ConsoleEntry(ForwardingPages.PATH, "console.nav.forwarding", Set.of(Roles.ADMIN), 60);
    }
}
