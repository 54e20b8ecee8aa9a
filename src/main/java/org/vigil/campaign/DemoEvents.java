package org.vigil.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vigil.platform.demo.DemoContent;
import org.vigil.platform.demo.DemoResources;
import org.vigil.platform.web.EditVersions;

/**
 * Demo content: fills an empty event table from demo/events.json through the service, so the
 * demo data pass the same rules as an editor's.
 */
@ApplicationScoped
public class DemoEvents implements DemoContent {

    /** One demo event and, for a few, the status an editor later gave it. */
    record DemoEvent(EventRequests.Event event, String status) {}

    private final EventService events;
    private final ObjectMapper json;

    DemoEvents(EventService events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String name() {
        return "campaign events";
    }

    @Override
    public int seed() {
        if (!events.isEmpty()) {
            return 0;
        }
        List<DemoEvent> demo = DemoResources.read(json, "events.json", DemoEvent.class);
        for (DemoEvent item : demo) {
            EventViews.Event created = events.create(item.event());
            if (item.status() != null) {
                String etag = EditVersions.etag(created.version()).toString();
                switch (EventStatus.parse("status", item.status())) {
                    case POSTPONED -> events.postpone(created.id(), etag);
                    case CANCELLED -> events.cancel(created.id(), etag);
                    case SCHEDULED -> {}
                }
            }
        }
        return demo.size();
    }
}
