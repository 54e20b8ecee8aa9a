package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.vigil.indicator.IndicatorViews;
import org.vigil.indicator.PartnerFeed;
import org.vigil.indicator.StixFeed;
import org.vigil.indicator.StixMatch;
import org.vigil.indicator.StixViews;
import org.vigil.platform.error.ApiException;
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

    /**
     * The same feed as STIX 2.1 indicator versions, paged like a TAXII 2.1 collection (its objects, its
     * manifest): those {@code match} asks for; audited like the JSON feed's reads, {@code read} naming
     * the resource read.
     */
    @Transactional
    public StixViews.Page stix(Staff caller, String read, Instant addedAfter, StixMatch match, String next, int limit) {
        Partner partner = partners.caller(caller);
        StixViews.Page page = stix.page(partner.indicatorTypes(), addedAfter, match, next, limit);
        audit(partner, read, addedAfter, next, page);
        return page;
    }

    /**
     * One object's versions (its address, or its versions resource): a 404 problem when {@code match}
     * is null (no STIX id) or the organisation's collection has no version of it at all; an object whose
     * versions the other filters leave out is an empty page.
     */
    @Transactional
    public StixViews.Page stixObject(
            Staff caller, String read, Instant addedAfter, StixMatch match, String next, int limit) {
        Partner partner = partners.caller(caller);
        StixViews.Page page =
                match == null ? null : stix.page(partner.indicatorTypes(), addedAfter, match, next, limit);
        if (page == null || (page.items().isEmpty() && next == null && !stix.exists(partner.indicatorTypes(), match))) {
            throw ApiException.notFound("No object with this id in the collection");
        }
        audit(partner, read, addedAfter, next, page);
        return page;
    }

    private static void audit(Partner partner, String read, Instant addedAfter, String next, StixViews.Page page) {
        PartnerAudit.record(
                partner.organisation(),
                partner.user(),
                PartnerAudit.Action.FEED_READ,
                "TAXII " + read + ", " + (addedAfter == null ? "snapshot" : "added_after " + addedAfter)
                        + (next == null ? "" : ", next page") + ", "
                        + page.items().size() + " versions");
    }
}
