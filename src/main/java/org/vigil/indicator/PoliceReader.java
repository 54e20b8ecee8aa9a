package org.vigil.indicator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The police caller of an indicator endpoint, as the triage feature knows them: which tips they may
 * see (the very region guard of the tips themselves) and the audit log of what they read. Implemented
 * in org.vigil.triage, which owns both; this feature must not depend on triage (triage uses it).
 * An indicator proposed from a tip the caller cannot see is shown only once it has been public, and
 * then without the tip, its evidence and history; a proposal or rejection from such a tip does not exist for them.
 */
public interface PoliceReader {

    /** Supervisors and admins: every region, and the statements and contacts of disputes. */
    boolean supervises();

    /** Those of {@code references} whose tips the caller may see. */
    Set<String> visibleTips(Collection<String> references);

    /**
     * The same rule as a JPQL condition on a {@code Tip} aliased {@code t}, with its parameters; null
     * when the caller sees every tip.
     */
    TipCondition tipCondition();

    /** Records in the police audit log that the caller read these disputes' statements and contacts. */
    void disputesRead(List<Long> disputeIds);

    record TipCondition(String jpql, Map<String, Object> params) {}
}
