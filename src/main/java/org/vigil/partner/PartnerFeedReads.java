package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.vigil.indicator.IndicatorViews;
import org.vigil.indicator.PartnerFeed;
import org.vigil.indicator.StixFeed;
import org.vigil.indicator.StixViews;
import org.vigil.platform.security.Staff;

/** A partner's read of the feed: its organisation checked, its types only, and the read audited with it. */
@ApplicationScoped
public class PartnerFeedReads {

    private final Partners partners;
    private final PartnerFeed feed;
    private final StixFeed stix;

    PartnerFeedReads(Partners partners, PartnerFeed feed, StixFeed stix) {
        this.partners = partners;
        this.feed = feed;
        this.stix = stix;
    }

    /** The calling organisation, or a 403 problem: for reads that show no indicator (TAXII discovery). */
    @Transactional
    public Partner partner(Staff caller) {
        return partners.caller(caller);
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

    /** The same feed as STIX 2.1 objects, paged like a TAXII 2.1 collection; audited like the JSON feed's reads. */
    @Transactional
    public StixViews.Page stix(Staff caller, Instant addedAfter, String next, int limit) {
        Partner partner = partners.caller(caller);
        StixViews.Page page = stix.page(partner.indicatorTypes(), addedAfter, next, limit);
        PartnerAudit.record(
                partner.organisation(),
                partner.user(),
                PartnerAudit.Action.FEED_READ,
                "TAXII " + (addedAfter == null ? "snapshot" : "added_after " + addedAfter)
                        + (next == null ? "" : ", next page") + ", "
                        + page.objects().size() + " objects");
        return page;
    }
}
