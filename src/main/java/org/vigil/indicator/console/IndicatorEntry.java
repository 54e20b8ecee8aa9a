package org.vigil.indicator.console;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.vigil.platform.console.Console;
import org.vigil.platform.console.ConsoleEntry;

/** The indicators in the console's navigation, for the police roles (the pages check them again). */
@Singleton
class IndicatorEntry {

    @Produces
    @Dependent
    ConsoleEntry indicators() {
        return new ConsoleEntry(IndicatorPages.PATH, "console.nav.indicators", Console.POLICE, 20);
    }
}
