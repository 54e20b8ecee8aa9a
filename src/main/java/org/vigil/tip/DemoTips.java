package org.vigil.tip;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vigil.platform.demo.DemoContent;
import org.vigil.platform.demo.DemoResources;

/**
 * Demo content: a few invented tips (regions VN-31 and VN-34, one in danger now, two naming the
 * same phone number) so that the police queue has something to triage.
 */
@ApplicationScoped
public class DemoTips implements DemoContent {

    private final TipService service;
    private final ObjectMapper json;

    DemoTips(TipService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /** The demo tips as a client would send them. */
    public static List<TipRequests.Tip> read(ObjectMapper json) {
        return DemoResources.read(json, "tips.json", TipRequests.Tip.class);
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String name() {
        return "tips";
    }

    @Override
    public int seed() {
        if (Tip.count() > 0) {
            return 0;
        }
        List<TipRequests.Tip> tips = read(json);
        tips.forEach(tip -> service.submit(tip, tip.lang(), List.of(), false, null));
        return tips.size();
    }
}
