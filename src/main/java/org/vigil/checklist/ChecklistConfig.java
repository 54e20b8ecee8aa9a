package org.vigil.checklist;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "vigil.checklist")
public interface ChecklistConfig {

    /** Phone number an assessment points to for immediate help. */
    @WithDefault("113")
    String policeHotline();

    /** Where to send an anonymous tip; absent means this service's own {@code /api/v1/tips}. */
    Optional<String> tipLineUrl();
}
