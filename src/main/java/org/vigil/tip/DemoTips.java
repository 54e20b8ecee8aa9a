package org.vigil.tip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.vigil.platform.demo.DemoResources;

/**
 * Dev mode only: a few invented tips (regions VN-31 and VN-34, one in danger now, two naming the
 * same phone number) so that the police queue has something to triage. Not in production builds.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoTips {

    private static final Logger LOG = Logger.getLogger(DemoTips.class);

    /** The demo tips as a client would send them. */
    public static List<TipRequest> read(ObjectMapper json) {
        return DemoResources.read(json, "tips.json", TipRequest.class);
    }

    @Transactional
    void load(@Observes StartupEvent event, TipService service, ObjectMapper json) {
        if (Tip.count() > 0) {
            return;
        }
        List<TipRequest> tips = read(json);
        tips.forEach(tip -> service.submit(tip, tip.lang(), List.of(), false, null));
        LOG.infof("Loaded %d demo tips", tips.size());
    }
}
