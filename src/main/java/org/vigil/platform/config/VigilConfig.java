package org.vigil.platform.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Cross-cutting settings; each feature keeps its own under {@code vigil.<feature>}. */
@ConfigMapping(prefix = "vigil")
public interface VigilConfig {

    /** Public address of this service, used for canonical links and feed ids. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** Language answered when neither {@code ?lang=} nor Accept-Language picks a supported one. */
    @WithDefault("vi")
    String defaultLanguage();

    /** Zone of event times when an editor gives none. */
    @WithDefault("Asia/Ho_Chi_Minh")
    String defaultZone();

    Http http();

    EmbeddedDb embeddedDb();

    interface Http {
        /** max-age of public reads; other replicas may serve content this old. */
        @WithDefault("60s")
        Duration publicMaxAge();

        /**
         * How long this replica keeps answers of public reads in memory (org.vigil.platform.web.ReadCache).
         * A change made on this replica is seen at once; one made on another replica after at most this
         * long, so keep it no longer than {@link #publicMaxAge()}. 0 turns the cache off.
         */
        @WithDefault("60s")
        Duration readCacheTtl();

        /** Memory for those answers (their bodies' bytes); the least used go first. */
        @WithDefault("32M")
        MemorySize readCacheSize();

        /** Largest non-multipart (JSON) body; quarkus.http.limits.max-body-size bounds uploads. */
        @WithDefault("1M")
        MemorySize maxBodySize();
    }

    /** Read by {@code EmbeddedDbConfigSourceFactory} before this mapping exists; declared for documentation. */
    interface EmbeddedDb {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("target/embedded-mariadb")
        String dir();
    }
}
