package org.vigil.stats;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.web.PublicCaching;

@Path("/api/v1/stats")
@Tag(name = "Statistics", description = "Public counts of tips, verified indicators and campaign events")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class StatisticsResource {

    private final PublicStatistics statistics;
    private final PublicCaching caching;

    StatisticsResource(PublicStatistics statistics, PublicCaching caching) {
        this.statistics = statistics;
        this.caching = caching;
    }

    @GET
    @Operation(
            summary = "Public statistics: tips per category and month, listed indicators per type, events held",
            description =
                    "The last 12 finished months (vigil.indicator.stats.months), months of the service's zone; the"
                            + " current month is never counted. Any count"
                            + " below 5, zero included, is shown as \"<5\" so that no tip can be singled out. Recomputed at most"
                            + " every 5 minutes; supports If-None-Match (304).")
    @APIResponse(
            responseCode = "200",
            description = "The statistics",
            headers = @Header(name = "ETag", description = "Changes when a count changes"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Statistics.class),
                            examples = @ExampleObject(name = "statistics", value = """
                            {"fromMonth": "2025-12", "toMonth": "2026-11",
                             "tipsPerMonth": [{"month": "2026-11", "category": "online-fraud", "count": "12"},
                               {"month": "2026-11", "category": "kidnapping-ransom", "count": "<5"}],
                             "listedIndicators": [{"type": "phone", "count": "37"}, {"type": "url", "count": "<5"}],
                             "eventsHeldPerMonth": [{"month": "2026-07", "count": "9"}]}""")))
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current")
    public Response statistics(@Context Request request) {
        PublicStatistics.Snapshot snapshot = statistics.current();
        return caching.conditional(request, snapshot.etag(), null, MediaType.APPLICATION_JSON, snapshot::statistics);
    }
}
