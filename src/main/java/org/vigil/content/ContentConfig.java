package org.vigil.content;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the articles and their feeds. */
@ConfigMapping(prefix = "vigil.content")
public interface ContentConfig {

    /** How many of the latest published articles a feed carries. */
    @WithDefault("50")
    int feedSize();

    /** Title of the feeds; the language code is appended. */
    @WithDefault("Vigil")
    String feedTitle();

    /** Rights statement of the feeds; each entry also states its own licence and source. */
    @WithDefault("Articles may be republished under the licence stated on each, crediting its source.")
    String feedRights();
}
