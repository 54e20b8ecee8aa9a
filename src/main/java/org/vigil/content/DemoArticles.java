package org.vigil.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.vigil.platform.demo.DemoResources;
import org.vigil.platform.web.EditVersions;

/**
 * Dev mode only: fills an empty article table with published demo articles (Vietnamese and English
 * translations) through the service, so they pass the same rules as an editor's. Not in production builds.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoArticles {

    private static final Logger LOG = Logger.getLogger(DemoArticles.class);

    /** The demo articles as editors would send them. */
    public static List<ArticleRequest> read(ObjectMapper json) {
        return DemoResources.read(json, "articles.json", ArticleRequest.class);
    }

    @Transactional
    void load(@Observes StartupEvent event, ArticleService service, ObjectMapper json) {
        if (Article.count() > 0) {
            return;
        }
        List<ArticleRequest> articles = read(json);
        for (ArticleRequest request : articles) {
            ArticleViews.ArticleAdmin draft = service.create(request);
            service.publish(draft.id(), EditVersions.etag(draft.version()).toString());
        }
        LOG.infof("Loaded %d demo articles", articles.size());
    }
}
