package org.vigil.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * What every page must pass, looked at as a citizen on a cheap phone would: screenshots at 360 and
 * 1280 px under target/pages/ (for people to review), no sideways scrolling at 360 px, axe-core
 * (WCAG 2.1 A and AA rules) without a serious or critical violation at either width, and under
 * {@link #MAX_BYTES} compressed with its stylesheet and script. Each review adds a line to
 * target/pages/report.tsv: page, gzipped bytes of the HTML, CSS, script and their sum, axe counts.
 */
public final class PageReview {

    public static final int MAX_BYTES = 60 * 1024;
    public static final Path DIRECTORY = Path.of("target", "pages");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private PageReview() {}

    /** Reviews the page at {@code url} (a GET). */
    public static void review(String name, String url) {
        review(name, url, null);
    }

    /**
     * Reviews {@code html} as served at {@code url}: for a form's answer, which a GET cannot fetch
     * again. The page is shown from that address, so its stylesheet and script load as they did.
     */
    public static void review(String name, String url, String html) {
        Browser browser = Browser.get();
        List<String> serious = new ArrayList<>();
        long[] bytes = null;
        int violations = 0;
        for (int width : new int[] {Browser.PHONE_WIDTH, Browser.DESKTOP_WIDTH}) {
            try (BrowserContext context = browser.context(width, true)) {
                Page page = context.newPage();
                if (html != null) {
                    page.route(
                            url,
                            route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                                    .setStatus(200)
                                    .setContentType("text/html;charset=UTF-8")
                                    .setBody(html)));
                }
                page.navigate(url);
                screenshot(page, name + "-" + width);
                if (width == Browser.PHONE_WIDTH) {
                    Object wide = page.evaluate("document.documentElement.scrollWidth");
                    assertThat(((Number) wide).intValue())
                            .as(name + ": no sideways scrolling at 360 px")
                            .isLessThanOrEqualTo(Browser.PHONE_WIDTH);
                    bytes = weight(page, html == null ? page.content() : html);
                }
                for (Rule rule : new AxeBuilder(page).withTags(WCAG).analyze().getViolations()) {
                    violations++;
                    if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                        serious.add(width + "px " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                                + rule.getNodes().stream()
                                        .map(n -> String.valueOf(n.getTarget()))
                                        .toList());
                    }
                }
            }
        }
        report(name + "\t" + bytes[0] + "\t" + bytes[1] + "\t" + bytes[2] + "\t" + bytes[3] + "\t" + serious.size()
                + "\t" + violations);
        assertThat(serious)
                .as(name + ": serious or critical axe-core violations")
                .isEmpty();
        assertThat(bytes[3])
                .as(name + ": gzipped bytes of page, stylesheet and script")
                .isLessThan(MAX_BYTES);
    }

    /** A full-page PNG under target/pages/. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(DIRECTORY.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png")));
    }

    /** Gzipped bytes of the HTML, its stylesheets, its scripts, and the sum. */
    private static long[] weight(Page page, String html) {
        long css = 0;
        long js = 0;
        for (Object href : (List<?>)
                page.evaluate("Array.from(document.querySelectorAll('link[rel=stylesheet]')).map(l => l.href)")) {
            css += gzipped(page.request().get(String.valueOf(href)).body());
        }
        for (Object src : (List<?>) page.evaluate("Array.from(document.scripts).filter(s => s.src).map(s => s.src)")) {
            js += gzipped(page.request().get(String.valueOf(src)).body());
        }
        long page0 = gzipped(html.getBytes(StandardCharsets.UTF_8));
        return new long[] {page0, css, js, page0 + css + js};
    }

    private static long gzipped(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private static synchronized void report(String line) {
        try {
            Files.createDirectories(DIRECTORY);
            Path report = DIRECTORY.resolve("report.tsv");
            if (!Files.exists(report)) {
                Files.writeString(report, "page\thtml_gz\tcss_gz\tjs_gz\ttotal_gz\taxe_serious_critical\taxe_all\n");
            }
            Files.writeString(report, line + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
