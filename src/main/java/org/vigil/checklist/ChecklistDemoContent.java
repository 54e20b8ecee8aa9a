package org.vigil.checklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vigil.platform.demo.DemoContent;
import org.vigil.platform.demo.DemoResources;
import org.vigil.platform.web.EditVersions;

/**
 * Demo content: fills an empty database with published demo checklists (Vietnamese and English)
 * through the service, so that they obey the same rules as an editor's.
 */
@ApplicationScoped
public class ChecklistDemoContent implements DemoContent {

    private final ChecklistService checklists;
    private final ObjectMapper json;

    ChecklistDemoContent(ChecklistService checklists, ObjectMapper json) {
        this.checklists = checklists;
        this.json = json;
    }

    static List<ChecklistRequests.Draft> read(ObjectMapper json) {
        return DemoResources.read(json, "checklists.json", ChecklistRequests.Draft.class);
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String name() {
        return "checklists";
    }

    @Override
    public int seed() {
        if (!checklists.isEmpty()) {
            return 0;
        }
        List<ChecklistRequests.Draft> demo = read(json);
        for (ChecklistRequests.Draft request : demo) {
            ChecklistViews.Admin draft = checklists.create(request);
            checklists.publish(draft.id(), EditVersions.etag(draft.version()).toString());
        }
        return demo.size();
    }
}
