package org.vigil.platform.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.vigil.platform.security.Roles;

/**
 * Test only: a console form's target, for ConsolePagesTest to post to with and without its token; its
 * GET gives the token a console page puts in its forms ({@link Shell#csrf()}).
 */
@Path("/console/test-form")
public class CsrfProbeResource {

    private final Console console;

    CsrfProbeResource(Console console) {
        this.console = console;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.OFFICER, Roles.EDITOR})
    @Operation(hidden = true)
    public String token() {
        return console.shell("/console/test-form").csrf();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.OFFICER, Roles.EDITOR})
    @Operation(hidden = true)
    public String post(@FormParam("text") String text) {
        return "accepted " + text;
    }
}
