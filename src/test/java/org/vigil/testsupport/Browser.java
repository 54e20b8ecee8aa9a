package org.vigil.testsupport;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * One real Chromium for the whole suite (Debian's, {@code apt-get install chromium}), driven by
 * Playwright for Java, started on first use and closed when the JVM ends. Playwright's own browser
 * download is skipped: Debian's executable is given ({@code VIGIL_CHROMIUM}, default
 * /usr/bin/chromium). Without it the browser tests skip, saying so, unless {@code CI=true} or
 * {@code VIGIL_REQUIRE_BROWSER=true} (set by .ci/run): then they fail.
 */
public final class Browser {

    public static final int PHONE_WIDTH = 360;
    public static final int DESKTOP_WIDTH = 1280;

    /** Quiet flags: nothing of the browser's own goes to the network (there is none here to reach). */
    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    private static Browser instance;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Path executable) {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable)
                        .setHeadless(true)
                        .setArgs(ARGS));
    }

    /** The suite's browser; skips the calling test (or fails it where the browser is required) without one. */
    public static synchronized Browser get() {
        if (instance == null) {
            Path executable = Path.of(System.getenv().getOrDefault("VIGIL_CHROMIUM", "/usr/bin/chromium"));
            if (!Files.isExecutable(executable)) {
                String missing = "Chromium not found at " + executable + " (apt-get install -y chromium)";
                if (required()) {
                    throw new IllegalStateException(missing + "; browser tests are required here");
                }
                Assumptions.abort(missing + ": browser tests are skipped"
                        + " (CI=true or VIGIL_REQUIRE_BROWSER=true makes them required)");
            }
            instance = new Browser(executable);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    static boolean required() {
        return "true".equals(System.getenv("CI")) || "true".equals(System.getenv("VIGIL_REQUIRE_BROWSER"));
    }

    /** A fresh context (no cookies, no cache) of a phone's or a desktop's width, with JavaScript or without. */
    public BrowserContext context(int width, boolean javaScript) {
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, width == PHONE_WIDTH ? 740 : 900)
                .setJavaScriptEnabled(javaScript));
    }

    private synchronized void close() {
        chromium.close();
        playwright.close();
    }
}
