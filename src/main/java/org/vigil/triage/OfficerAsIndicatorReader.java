package org.vigil.triage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigil.indicator.PoliceReader;

/** The calling {@link Officer} for the indicator feature: triage's region guard and audit log, not a copy. */
@RequestScoped
class OfficerAsIndicatorReader implements PoliceReader {

    private final Officer officer;
    private final EntityManager em;

    OfficerAsIndicatorReader(Officer officer, EntityManager em) {
        this.officer = officer;
        this.em = em;
    }

    @Override
    public boolean supervises() {
        return officer.seesAllRegions();
    }

    @Override
    public Set<String> visibleTips(Collection<String> references) {
        if (references.isEmpty()) {
            return Set.of();
        }
        return em.createQuery(
                        "select t.reference, t.regionCode from Tip t where t.reference in :references", Object[].class)
                .setParameter("references", Set.copyOf(references))
                .getResultStream()
                .filter(r -> officer.sees((String) r[1]))
                .map(r -> (String) r[0])
                .collect(Collectors.toSet());
    }

    @Override
    public TipCondition tipCondition() {
        Officer.TipCondition condition = officer.tipCondition();
        return condition == null ? null : new TipCondition(condition.jpql(), condition.params());
    }

    @Override
    public void disputesRead(List<Long> disputeIds) {
        disputeIds.forEach(id -> AuditEntry.record(officer, null, null, AuditAction.DISPUTE_READ, "dispute " + id));
    }
}
