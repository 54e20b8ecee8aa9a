package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.vigil.indicator.IndicatorViews;
import org.vigil.indicator.PartnerFeed;

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
    public IndicatorViews.PartnerPage page(JsonWebToken jwt, Instant updatedSince, String cursor, int limit) {
        Partner partner = partners.caller(jwt);
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
