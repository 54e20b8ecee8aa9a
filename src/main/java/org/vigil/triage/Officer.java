package org.vigil.triage;

import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import org.vigil.platform.security.Staff;

/**
 * The caller of a police endpoint or console page ({@link Staff}, the same for a bearer token and the
 * console's login): the name recorded in the audit log, the unit's region and whether they see every
 * region, and the region guard as a query condition.
 */
@RequestScoped
public class Officer {

    private final Staff staff;

    Officer(Staff staff) {
        this.staff = staff;
    }

    public String name() {
        return staff.name();
    }

    /** The unit's region code in upper case, or null for an officer without one (sees only unplaced tips). */
    public String region() {
        return staff.region();
    }

    /** Supervisors and admins see and act on the tips of every region. */
    public boolean seesAllRegions() {
        return staff.seesAllRegions();
    }

    /**
     * The region guard: whether the officer sees a tip placed in {@code tipRegion} (null: unplaced,
     * seen by every unit). {@link #tipCondition()} is the same rule for queries.
     */
    public boolean sees(String tipRegion) {
        return staff.sees(tipRegion);
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
