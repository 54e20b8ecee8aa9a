package org.vigil.partner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of partner organisations (prefix {@code vigil.partner}). */
@ConfigMapping(prefix = "vigil.partner")
public interface PartnerConfig {

    /** The claim of a partner token naming its organisation (a code of the admins' list). */
    @WithDefault("organisation")
    String organisationClaim();

    /** The claim naming the organisation's sector; when a token carries it, it must match the list's. */
    @WithDefault("sector")
    String sectorClaim();
}
