package org.vigil.platform.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test only: an endpoint someone forgot to annotate. quarkus.security.jaxrs.deny-unannotated-endpoints
 * must refuse it to everyone (TokenAudienceTest); hidden from the OpenAPI document.
 */
@Path("/test/unannotated")
public class UnannotatedProbeResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String secret() {
        return "should never be served";
    }
}
