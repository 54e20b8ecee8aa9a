package org.vigil.content;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.vigil.platform.config.VigilConfig;

/**
 * Markdown to HTML that is safe to show to readers: CommonMark lets raw HTML through, so its output
 * is cleaned with jsoup's relaxed safelist (no script, no event handlers, links and images only
 * with http(s)/mailto URLs; relative links become absolute against the public base URL, because
 * news outlets show the HTML on their own sites).
 */
@ApplicationScoped
public class ArticleRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().build();
    private final Safelist safelist = Safelist.relaxed();
    private final Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
    private final String baseUri;

    ArticleRenderer(VigilConfig config) {
        this.baseUri = config.publicBaseUrl() + "/";
    }

    public String toSafeHtml(String markdown) {
        String html = renderer.render(parser.parse(markdown));
        return Jsoup.clean(html, baseUri, safelist, output);
    }
}
