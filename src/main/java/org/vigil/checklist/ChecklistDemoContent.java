package org.vigil.checklist;

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
 * Dev mode only: fills an empty database with published demo checklists (Vietnamese and English)
 * through the service, so that they obey the same rules as an editor's.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class ChecklistDemoContent {

    private static final Logger LOG = Logger.getLogger(ChecklistDemoContent.class);

    void load(@Observes StartupEvent event, ChecklistService checklists, ObjectMapper json) {
        if (!checklists.isEmpty()) {
            return;
        }
        List<ChecklistRequest> demo = read(json);
        for (ChecklistRequest request : demo) {
            AdminChecklistView draft = checklists.create(request);
            checklists.publish(draft.id(), EditVersions.etag(draft.version()).toString());
        }
        LOG.infof("Loaded %d demo checklists", demo.size());
    }

    static List<ChecklistRequest> read(ObjectMapper json) {
        return DemoResources.read(json, "checklists.json", ChecklistRequest.class);
    }
}
