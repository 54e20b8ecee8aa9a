package org.vigil.triage.console;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.vigil.platform.console.Console;
import org.vigil.platform.console.ConsoleEntry;

/** The queue in the console's navigation, for the police roles (the page checks them again). */
@Singleton
public class PoliceTipEntry {

    @Produces
    @Singleton
    ConsoleEntry queue() {
        return new ConsoleEntry(PoliceTipPages.QUEUE, "console.nav.police.tips", Console.POLICE, 11);
    }
}
