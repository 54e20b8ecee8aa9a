package org.vigil.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.nio.file.Path;
import java.util.Map;
import org.vigil.platform.db.EmbeddedDbConfigSourceFactory;
import org.vigil.platform.db.EmbeddedMariaDb;

/**
 * One real MariaDB for the whole suite: the server named by {@code VIGIL_DB_URL} when it is set,
 * otherwise an embedded one started here, reached through a {@link DatabaseLink}.
 */
@WithTestResource(value = MariaDbTestResource.class, scope = TestResourceScope.GLOBAL)
public class MariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String server = System.getenv(EmbeddedDbConfigSourceFactory.SERVER_URL_ENV);
        String url = server != null && !server.isBlank()
                ? server
                : EmbeddedMariaDb.startOnce(Path.of("target", "embedded-mariadb"));
        // through a link that a test can cut (DatabaseLink), as a failover would
        return Map.of("quarkus.datasource.jdbc.url", DatabaseLink.through(url));
    }

    @Override
    public void stop() {
        // the embedded server stops with the JVM; a configured server is not ours to stop
    }
}
