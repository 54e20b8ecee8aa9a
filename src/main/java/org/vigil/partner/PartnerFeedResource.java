package org.vigil.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.indicator.IndicatorViews;
import org.vigil.indicator.PartnerFeed;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.Staff;
import org.vigil.platform.web.Page;

/**
 * Banks and telecom operators keep their block lists in sync with the verified indicators of the
 * types their organisation receives; every read is audited by organisation.
 */
@SecurityRequirement(name = "bearer")
@Path("/api/v1/partner/indicators")
@Tag(name = "Partner feed", description = "Verified scam indicators for banks and telecom operators (role partner)")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
public class PartnerFeedResource {

    private final PartnerFeedReads reads;
    private final Staff caller;

    PartnerFeedResource(PartnerFeedReads reads, Staff caller) {
        this.reads = reads;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "Verified indicators, or what changed since an instant (with tombstones)",
            description = "Without `updatedSince`: every indicator listed now (a full snapshot). With `updatedSince`:"
                    + " every indicator ever published that changed at or after that instant, oldest change first"
                    + " (updatedAt, then id); delisted and expired ones come as tombstones (`state` `delisted` or"
                    + " `expired`) carrying the value to remove. Follow `nextCursor` until it is absent, apply the items"
                    + " in order, and start the next sync from the greatest `updatedAt` seen, minus a minute: items may"
                    + " repeat, applying one twice is harmless. A listed `url` value is a domain and covers its"
                    + " subdomains. A value listed again after a delisting gets a new id. Only the indicator types"
                    + " the caller's organisation receives are listed; every read is audited by organisation.")
    @APIResponse(
            responseCode = "200",
            description = "One page; sent with Cache-Control: no-store",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorViews.PartnerPage.class),
                            examples = @ExampleObject(name = "delta", value = PartnerExamples.FEED)))
    @APIResponse(responseCode = "400", description = "Bad instant, limit or cursor; `errors[].field` names it")
    @APIResponse(
            responseCode = "403",
            description = "The token names no enabled partner organisation (or another sector than the list's)")
    public Response list(
            @Parameter(
                            description = "ISO-8601 instant: changes at or after it, with tombstones",
                            example = "2026-07-30T00:00:00Z")
                    @QueryParam("updatedSince")
                    @Size(max = 40)
                    String updatedSince,
            @Parameter(description = "Page size, default 20, at most 100") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200)
                    String cursor) {
        IndicatorViews.PartnerPage page =
                reads.page(caller, PartnerFeed.since(updatedSince), cursor, Page.limit(limit));
        return Response.ok(page).build();
    }
}
