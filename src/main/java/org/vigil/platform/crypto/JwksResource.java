package org.vigil.platform.crypto;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys of {@link SignedStatements}, for anyone checking a statement offline. */
@Path("/.well-known/jwks.json")
@Tag(name = "Signing keys", description = "Public keys of the statements Vigil signs (filing proofs)")
@PermitAll
public class JwksResource {

    private final SignedStatements statements;

    JwksResource(SignedStatements statements) {
        this.statements = statements;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response keys() {
        // an hour: a key is added well before it signs (rotation), so a checker's copy is never stale for long
        return Response.ok(statements.jwks())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .build();
    }
}
