package org.vigil.platform.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code quarkus.datasource.jdbc.url}: from {@code VIGIL_DB_URL} when it is set (a MariaDB
 * server), otherwise, where the profile enables it, from an embedded server that starts lazily on
 * the first read of the URL, so that the build (which reads configuration too) never starts it.
 */
public class EmbeddedDbConfigSourceFactory implements ConfigSourceFactory {

    /** The one setting that points the service (and the tests) at a MariaDB server. */
    public static final String SERVER_URL_ENV = "VIGIL_DB_URL";

    static final String URL_KEY = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue server = context.getValue(SERVER_URL_ENV);
        if (server != null && server.getValue() != null && !server.getValue().isBlank()) {
            return List.of(new UrlSource(() -> server.getValue()));
        }
        ConfigValue enabled = context.getValue("vigil.embedded-db.enabled");
        if (enabled == null || !"true".equalsIgnoreCase(enabled.getValue())) {
            return List.of();
        }
        ConfigValue dir = context.getValue("vigil.embedded-db.dir");
        Path workDir = Path.of(dir == null || dir.getValue() == null ? "target/embedded-mariadb" : dir.getValue());
        return List.of(new UrlSource(() -> EmbeddedMariaDb.startOnce(workDir)));
    }

    private static final class UrlSource implements ConfigSource {
        private final Supplier<String> url;

        UrlSource(Supplier<String> url) {
            this.url = url;
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public Set<String> getPropertyNames() {
            // Must stay empty: a name listed here is read eagerly, and the build would start the server.
            return Set.of();
        }

        @Override
        public String getValue(String name) {
            return URL_KEY.equals(name) ? url.get() : null;
        }

        @Override
        public String getName() {
            return "vigil-datasource-url";
        }

        @Override
        public int getOrdinal() {
            // Below application.properties (250) and the environment (300): an explicit URL wins.
            return 200;
        }
    }
}
