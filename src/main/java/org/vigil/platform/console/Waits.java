package org.vigil.platform.console;

import io.quarkus.qute.TemplateExtension;
import org.vigil.platform.page.PageFrame;

/** A wait in minutes as staff read it (console pages: {@code {page.waited(minutes)}}): minutes, hours and minutes, or days and hours. */
@TemplateExtension
final class Waits {

    private static final long HOUR = 60;
    private static final long DAY = 24 * HOUR;

    private Waits() {}

    /** {@code {page.waited(minutes)}}: "45 min", "3 h 20 min", "2 d 4 h"; a dash for none. */
    static String waited(PageFrame page, Long minutes) {
        if (minutes == null) {
            return "–";
        }
        if (minutes < HOUR) {
            return page.t("console.wait.minutes", minutes);
        }
        if (minutes < DAY) {
            return page.t("console.wait.hours", minutes / HOUR, minutes % HOUR);
        }
        return page.t("console.wait.days", minutes / DAY, minutes % DAY / HOUR);
    }
}
