package org.vigil.triage;

import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;
import org.vigil.tip.TipContent;

/**
 * Which tips an officer sees: a tip outside the officer's region is answered exactly like a tip
 * that does not exist (404), so references of other units' tips cannot be probed.
 */
@ApplicationScoped
class VisibleTips {

    private final TipContent tips;

    VisibleTips(TipContent tips) {
        this.tips = tips;
    }

    TipContent.Summary find(Officer officer, String reference) {
        return tips.find(reference)
                .filter(t -> officer.sees(t.regionCode()))
                .orElseThrow(() -> ApiException.notFound("No tip with this reference"));
    }

    boolean sees(Officer officer, String reference) {
        return tips.find(reference).filter(t -> officer.sees(t.regionCode())).isPresent();
    }

    /** The condition on {@code Tip t} of the tips the officer sees, for queries. */
    static Where where(Officer officer) {
        Officer.TipCondition condition = officer.tipCondition();
        return condition == null ? Where.all() : Where.all().and(condition.jpql(), condition.params());
    }
}
