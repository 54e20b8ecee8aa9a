package org.vigil.stats;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
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
    public Response statistics(@Context Request request) {
        PublicStatistics.Snapshot snapshot = statistics.current();
        return caching.conditional(request, snapshot.etag(), null, MediaType.APPLICATION_JSON, snapshot::statistics);
    }
}
