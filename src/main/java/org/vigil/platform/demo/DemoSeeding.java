package org.vigil.platform.demo;

import io.quarkus.arc.All;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Dev mode only (never in a production build): at start, runs every feature's {@link DemoContent}
 * in order, each in its own transaction so that one feature's failure leaves no half of it behind.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoSeeding {

    private static final Logger LOG = Logger.getLogger(DemoSeeding.class);

    void seed(@Observes StartupEvent startup, @All List<DemoContent> contents) {
        contents.stream().sorted(Comparator.comparingInt(DemoContent::order)).forEach(content -> {
            int created = QuarkusTransaction.requiringNew().call(content::seed);
            LOG.infof("Demo %s: %d created", content.name(), created);
        });
    }
}
