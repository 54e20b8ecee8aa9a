package org.vigil.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vigil.platform.demo.DemoContent;
import org.vigil.platform.demo.DemoResources;
import org.vigil.platform.web.EditVersions;

/**
 * Demo content: fills an empty article table with published demo articles (Vietnamese and English
 * translations) through the service, so they pass the same rules as an editor's.
 */
@ApplicationScoped
public class DemoArticles implements DemoContent {

    private final ArticleService service;
    private final ObjectMapper json;

    DemoArticles(ArticleService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /** The demo articles as editors would send them. */
    public static List<ArticleRequests.Draft> read(ObjectMapper json) {
        return DemoResources.read(json, "articles.json", ArticleRequests.Draft.class);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String name() {
        return "articles";
    }

    @Override
    public int seed() {
        if (Article.count() > 0) {
            return 0;
        }
        List<ArticleRequests.Draft> articles = read(json);
        for (ArticleRequests.Draft request : articles) {
            ArticleViews.ArticleAdmin draft = service.create(request);
            service.publish(draft.id(), EditVersions.etag(draft.version()).toString());
        }
        return articles.size();
    }
}
