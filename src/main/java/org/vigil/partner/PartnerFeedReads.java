package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.vigil.indicator.IndicatorViews;
import org.vigil.indicator.PartnerFeed;
import org.vigil.platform.security.Staff;

/** A partner's read of the feed: its organisation checked, its types only, and the read audited with it. */
@ApplicationScoped
public class PartnerFeedReads {

    private final Partners partners;
    private final PartnerFeed feed;

    PartnerFeedReads(Partners partners, PartnerFeed feed) {
        this.partners = partners;
        this.feed = feed;
    }

    @Transactional
    public IndicatorViews.PartnerPage page(Staff caller, Instant updatedSince, String cursor, int limit) {
        Partner partner = partners.caller(caller);
        IndicatorViews.PartnerPage page = feed.page(partner.indicatorTypes(), updatedSince, cursor, limit);
        PartnerAudit.record(
                partner.organisation(),
                partner.user(),
                PartnerAudit.Action.FEED_READ,
                (updatedSince == null ? "snapshot" : "updatedSince " + updatedSince)
                        + (cursor == null ? "" : ", next page") + ", "
                        + page.items().size() + " items");
        return page;
    }
}
