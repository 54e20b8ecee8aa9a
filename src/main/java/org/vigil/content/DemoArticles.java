package org.vigil.content;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Dev mode only: fills an empty article table with published demo articles (Vietnamese and English
 * translations) through the service, so they pass the same rules as an editor's. Not in production builds.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoArticles {

    static final String RESOURCE = "demo/articles.json";
    private static final Logger LOG = Logger.getLogger(DemoArticles.class);

    /** The demo articles as editors would send them. */
    public static List<ArticleRequest> read(ObjectMapper json) {
        try (InputStream in = DemoArticles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return json.readValue(in, new TypeReference<List<ArticleRequest>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    void load(@Observes StartupEvent event, ArticleService service, ObjectMapper json) {
        if (Article.count() > 0) {
            return;
        }
        List<ArticleRequest> articles = read(json);
        for (ArticleRequest request : articles) {
            service.publish(service.create(request).id(), null);
        }
        LOG.infof("Loaded %d demo articles", articles.size());
    }
}
