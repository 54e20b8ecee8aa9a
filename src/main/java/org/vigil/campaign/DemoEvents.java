package org.vigil.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;
import org.vigil.platform.demo.DemoResources;
import org.vigil.platform.web.EditVersions;

/**
 * Dev mode only: fills an empty event table from demo/events.json through the service, so the
 * demo data pass the same rules as an editor's. Production starts empty.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoEvents {

    private static final Logger LOG = Logger.getLogger(DemoEvents.class);

    /** One demo event and, for a few, the status an editor later gave it. */
    record DemoEvent(EventRequest event, String status) {
    }

    private final EventService events;
    private final ObjectMapper json;

    DemoEvents(EventService events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    void load(@Observes StartupEvent startup) {
        if (!events.isEmpty()) {
            return;
        }
        List<DemoEvent> demo = DemoResources.read(json, "events.json", DemoEvent.class);
        for (DemoEvent item : demo) {
            EventView created = events.create(item.event());
            if (item.status() != null) {
                String etag = EditVersions.etag(created.version()).toString();
                switch (EventStatus.parse("status", item.status())) {
                    case POSTPONED -> events.postpone(created.id(), etag);
                    case CANCELLED -> events.cancel(created.id(), etag);
                    case SCHEDULED -> { }
                }
            }
        }
        LOG.infof("Loaded %d demo campaign events", demo.size());
    }
}
