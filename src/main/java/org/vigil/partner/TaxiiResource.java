package org.vigil.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.indicator.PartnerFeed;
import org.vigil.indicator.StixFeed;
import org.vigil.indicator.StixMatch;
import org.vigil.indicator.StixViews;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.Staff;
import org.vigil.platform.web.Page;

/**
 * The partner feed as a read-only TAXII 2.1 server (discovery, one API root, one collection with its
 * objects, manifest, one object and its versions, filtered by match[id], match[type], match[version]
 * and match[spec_version]), so that a bank's security team pulls it with the tools it has (MISP,
 * OpenCTI, taxii2-client). The same organisation rules and audit as the JSON feed
 * ({@link PartnerFeedReads}); errors stay problem+json.
 */
@SecurityRequirement(name = "bearer")
@Path("/taxii2")
@Tag(name = "Partner feed (TAXII 2.1)", description = "The partner feed as STIX 2.1 indicators over TAXII 2.1")
@RolesAllowed(Roles.PARTNER)
@Produces(TaxiiResource.TAXII)
public class TaxiiResource {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String STIX = StixFeed.MEDIA_TYPE;
    static final String ROOT = "partner";
    /** The one collection's id: fixed, so that clients keep it in their settings. */
    static final String COLLECTION = "5b1e3c0a-7d44-4f0e-9a61-2c8f4e1d7b90";

    static final String ADDED_FIRST = "X-TAXII-Date-Added-First";
    static final String ADDED_LAST = "X-TAXII-Date-Added-Last";

    /** Characters of a match[...] parameter but match[id]'s: 100 values of a few characters each. */
    static final int MATCH = 3000;
    /** Characters of match[id]: 100 STIX ids. */
    static final int MATCH_IDS = 6000;
    /** Characters of an object's id in its address: a STIX id is at most type (250), "--" and a UUID. */
    static final int OBJECT_ID = 300;

    private final PartnerFeedReads reads;
    private final Staff caller;
    /** The API root's address as clients reach it (behind a proxy the request's own address is the pod's). */
    private final String root;

    TaxiiResource(PartnerFeedReads reads, Staff caller, VigilConfig config) {
        this.reads = reads;
        this.caller = caller;
        this.root = config.publicBaseUrl().replaceAll("/+$", "") + "/taxii2/" + ROOT + "/";
    }

    @GET
    @Path("/")
    public TaxiiViews.Discovery discovery() {
        reads.partner(caller);
        return new TaxiiViews.Discovery(
                "Vigil partner feed",
                "Police-verified scam indicators (phone numbers, bank accounts, e-wallets, domains) for banks and"
                        + " telecom operators",
                root,
                List.of(root));
    }

    @GET
    @Path("/" + ROOT + "/")
    public TaxiiViews.ApiRoot apiRoot() {
        reads.partner(caller);
        return new TaxiiViews.ApiRoot(
                "Vigil partner feed", "The verified indicators your organisation receives", List.of(TAXII), 0);
    }

    @GET
    @Path("/" + ROOT + "/collections/")
    public TaxiiViews.Collections collections() {
        reads.partner(caller);
        return new TaxiiViews.Collections(List.of(collection()));
    }

    @GET
    @Path("/" + ROOT + "/collections/{id}/")
    public TaxiiViews.Collection collection(@PathParam("id") String id) {
        requireCollection(id);
        reads.partner(caller);
        return collection();
    }

    @GET
    @Path("/" + ROOT + "/collections/{id}/objects/")
    public Response objects(
            @PathParam("id") String id,
            @QueryParam("added_after") @Size(max = 40) String addedAfter,
            @QueryParam("limit") Integer limit,
            @QueryParam("next") @Size(max = 200) String next,
            @QueryParam(StixMatch.ID) @Size(max = MATCH_IDS) String matchId,
            @QueryParam(StixMatch.TYPE) @Size(max = MATCH) String matchType,
            @QueryParam(StixMatch.VERSION) @Size(max = MATCH) String matchVersion,
            @QueryParam(StixMatch.SPEC_VERSION) @Size(max = MATCH) String matchSpecVersion) {
        requireCollection(id);
        StixMatch match = StixMatch.of(matchId, matchType, matchVersion, matchSpecVersion);
        return envelope(reads.stix(caller, "objects", addedAfter(addedAfter), match, next, Page.limit(limit)));
    }

    @GET
    @Path("/" + ROOT + "/collections/{id}/manifest/")
    public Response manifest(
            @PathParam("id") String id,
            @QueryParam("added_after") @Size(max = 40) String addedAfter,
            @QueryParam("limit") Integer limit,
            @QueryParam("next") @Size(max = 200) String next,
            @QueryParam(StixMatch.ID) @Size(max = MATCH_IDS) String matchId,
            @QueryParam(StixMatch.TYPE) @Size(max = MATCH) String matchType,
            @QueryParam(StixMatch.VERSION) @Size(max = MATCH) String matchVersion,
            @QueryParam(StixMatch.SPEC_VERSION) @Size(max = MATCH) String matchSpecVersion) {
        requireCollection(id);
        StixMatch match = StixMatch.of(matchId, matchType, matchVersion, matchSpecVersion);
        StixViews.Page page = reads.stix(caller, "manifest", addedAfter(addedAfter), match, next, Page.limit(limit));
        List<TaxiiViews.ManifestRecord> records =
                page.items().stream().map(TaxiiViews.ManifestRecord::of).toList();
        return added(
                Response.ok(
                        new TaxiiViews.Manifest(page.next() != null, page.next(), records.isEmpty() ? null : records)),
                page);
    }

    @GET
    @Path("/" + ROOT + "/collections/{id}/objects/{objectId}/")
    public Response object(
            @PathParam("id") String id,
            @PathParam("objectId") @Size(max = OBJECT_ID) String objectId,
            @QueryParam("added_after") @Size(max = 40) String addedAfter,
            @QueryParam("limit") Integer limit,
            @QueryParam("next") @Size(max = 200) String next,
            @QueryParam(StixMatch.VERSION) @Size(max = MATCH) String matchVersion,
            @QueryParam(StixMatch.SPEC_VERSION) @Size(max = MATCH) String matchSpecVersion) {
        requireCollection(id);
        StixMatch match = StixMatch.object(objectId, matchVersion, matchSpecVersion);
        return envelope(
                reads.stixObject(caller, "object " + objectId, addedAfter(addedAfter), match, next, Page.limit(limit)));
    }

    @GET
    @Path("/" + ROOT + "/collections/{id}/objects/{objectId}/versions/")
    public Response versions(
            @PathParam("id") String id,
            @PathParam("objectId") @Size(max = OBJECT_ID) String objectId,
            @QueryParam("added_after") @Size(max = 40) String addedAfter,
            @QueryParam("limit") Integer limit,
            @QueryParam("next") @Size(max = 200) String next,
            @QueryParam(StixMatch.SPEC_VERSION) @Size(max = MATCH) String matchSpecVersion) {
        requireCollection(id);
        StixMatch match = StixMatch.everyVersion(objectId, matchSpecVersion);
        StixViews.Page page = reads.stixObject(
                caller, "versions of " + objectId, addedAfter(addedAfter), match, next, Page.limit(limit));
        List<String> versions =
                page.items().stream().map(a -> a.object().modified()).toList();
        return added(
                Response.ok(new TaxiiViews.Versions(
                        page.next() != null, page.next(), versions.isEmpty() ? null : versions)),
                page);
    }

    private static Instant addedAfter(String addedAfter) {
        return PartnerFeed.instant("added_after", addedAfter);
    }

    private static Response envelope(StixViews.Page page) {
        List<StixViews.Indicator> objects =
                page.items().stream().map(StixViews.Added::object).toList();
        return added(Response.ok(new TaxiiViews.Envelope(page.next() != null, page.next(), objects)), page);
    }

    /** The page's answer with the times its first and last versions were added (none on an empty page). */
    private static Response added(Response.ResponseBuilder answer, StixViews.Page page) {
        if (page.firstAdded() != null) {
            answer.header(ADDED_FIRST, page.firstAdded().toString())
                    .header(ADDED_LAST, page.lastAdded().toString());
        }
        return answer.build();
    }

    private static TaxiiViews.Collection collection() {
        return new TaxiiViews.Collection(
                COLLECTION,
                "Verified scam indicators",
                "STIX 2.1 indicators of the values the police verified, of the types your organisation receives;"
                        + " delisted ones revoked",
                List.of("partner-feed"),
                true,
                false,
                List.of(STIX));
    }

    private static void requireCollection(String id) {
        if (!COLLECTION.equals(id)) {
            throw ApiException.notFound("No collection with this id");
        }
    }
}
