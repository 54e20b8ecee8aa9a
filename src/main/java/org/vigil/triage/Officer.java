package org.vigil.triage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.StaffName;

/**
 * The caller of a police endpoint, from the bearer JWT: the name recorded in the audit log (upn),
 * the unit's region (claim {@code vigil.triage.region-claim}) and whether they see every region.
 */
@RequestScoped
public class Officer {

    @Inject
    JsonWebToken jwt;

    @Inject
    TriageConfig config;

    public String name() {
        return StaffName.of(jwt);
    }

    /** The unit's region code in upper case, or null for an officer without one (sees only unplaced tips). */
    public String region() {
        Object claim = jwt.getClaim(config.regionClaim());
        String region = claim == null ? null : claim.toString().strip();
        return region == null || region.isEmpty() ? null : region.toUpperCase(Locale.ROOT);
    }

    /** Supervisors and admins see and act on the tips of every region. */
    public boolean seesAllRegions() {
        return jwt.getGroups().contains(Roles.SUPERVISOR) || jwt.getGroups().contains(Roles.ADMIN);
    }

    /**
     * The region guard: whether the officer sees a tip placed in {@code tipRegion} (null: unplaced,
     * seen by every unit). {@link #tipCondition()} is the same rule for queries.
     */
    public boolean sees(String tipRegion) {
        return seesAllRegions() || tipRegion == null || tipRegion.equals(region());
    }

    /** {@link #sees} as a JPQL condition on the tip alias {@code t} with its parameters; null when every tip is seen. */
    TipCondition tipCondition() {
        if (seesAllRegions()) {
            return null;
        }
        String unit = region();
        return unit == null
                ? new TipCondition("t.regionCode is null", Map.of())
                : new TipCondition("(t.regionCode is null or t.regionCode = :unit)", Map.of("unit", unit));
    }

    record TipCondition(String jpql, Map<String, Object> params) {}
}
