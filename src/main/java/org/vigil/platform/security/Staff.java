package org.vigil.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The staff member calling, whichever way they logged in: a bearer token on the API (smallrye-jwt)
 * or the console's session (OpenID Connect code flow). Both give a {@link SecurityIdentity} whose
 * principal is the token, so that roles (the {@code groups} claim), the recorded name (upn) and the
 * police unit's region (claim {@code vigil.triage.region-claim}) are read here, once, for both.
 */
@RequestScoped
public class Staff {

    private final SecurityIdentity identity;
    private final String regionClaim;

    Staff(
            SecurityIdentity identity,
            @ConfigProperty(name = "vigil.triage.region-claim", defaultValue = "region") String regionClaim) {
        this.identity = identity;
        this.regionClaim = regionClaim;
    }

    /** The name recorded in assignees, notes and audit lines. */
    public String name() {
        return StaffName.of(
                identity.isAnonymous() ? null : identity.getPrincipal().getName());
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** The unit's region code in upper case, or null for a caller without one. */
    public String region() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object claim = token.getClaim(regionClaim);
        String region = claim == null ? null : claim.toString().strip();
        return region == null || region.isEmpty() ? null : region.toUpperCase(Locale.ROOT);
    }

    /** Supervisors and admins see and act on the tips of every region. */
    public boolean seesAllRegions() {
        return has(Roles.SUPERVISOR) || has(Roles.ADMIN);
    }

    /** The region guard: whether the caller sees what is placed in {@code region} (null: unplaced, seen by every unit). */
    public boolean sees(String region) {
        return seesAllRegions() || region == null || region.equals(region());
    }
}
