package org.vigil.platform.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Dev mode only: hands out a token signed with the development key, so that the admin API can be
 * tried without an identity provider. The class is not part of a production build.
 */
@IfBuildProfile("dev")
@Path("/dev/token")
@PermitAll
public class DevTokenResource {

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    /** The audience the service requires (the dev profile's mp.jwt.verify.audiences). */
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Set<String> audiences;

    /** The claim naming a police officer's unit (see vigil.triage.region-claim). */
    @ConfigProperty(name = "vigil.triage.region-claim", defaultValue = "region")
    String regionClaim;

    /** The claim naming a partner's organisation (see vigil.partner.organisation-claim). */
    @ConfigProperty(name = "vigil.partner.organisation-claim", defaultValue = "organisation")
    String organisationClaim;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String token(
            @QueryParam("role") String role,
            @QueryParam("user") String user,
            @QueryParam("region") String region,
            @QueryParam("organisation") String organisation) {
        String r = role == null || role.isBlank() ? Roles.EDITOR : role;
        var claims = Jwt.issuer(issuer)
                .audience(audiences)
                .upn(user == null || user.isBlank() ? "dev-" + r : user)
                .groups(Set.of(r));
        if (region != null && !region.isBlank()) {
            claims.claim(regionClaim, region.strip());
        }
        if (organisation != null && !organisation.isBlank()) {
            claims.claim(organisationClaim, organisation.strip());
        }
        return claims.expiresIn(Duration.ofHours(12)).sign();
    }
}
