package org.vigil.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Locale;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.web.Keyset;
import org.vigil.platform.web.Page;
import org.vigil.tip.TipContent;

/**
 * The audit log: each access to a tip's content and each action, written in the same transaction
 * as the action itself, and read by supervisors.
 */
@ApplicationScoped
public class TriageAudit {

    private static final Keyset<AuditEntry> NEWEST_AUDIT =
            Keyset.of(AuditEntry.class).desc("e.id", Long.class, e -> e.id);

    private final EntityManager em;

    TriageAudit(EntityManager em) {
        this.em = em;
    }

    void record(Officer officer, TipContent.Summary tip, AuditAction action, String detail) {
        AuditEntry.record(officer, tip.id(), tip.reference(), action, detail);
    }

    /** The audit log of one tip (by reference) or of one officer, newest first; for supervisors. */
    @Transactional
    public Page<TriageViews.Audit> auditLog(String reference, String actor, String cursor, int limit) {
        if ((reference == null) == (actor == null)) {
            throw ApiException.invalid(
                    reference == null ? "reference" : "officer", "give exactly one of reference and officer");
        }
        Where where = Where.all()
                .and(
                        reference != null ? "e.reference = :key" : "e.actor = :key",
                        "key",
                        reference != null ? reference.strip().toUpperCase(Locale.ROOT) : actor);
        return NEWEST_AUDIT.page(
                NEWEST_AUDIT.rows(em, "from AuditEntry e", where, cursor, limit),
                limit,
                e -> new TriageViews.Audit(e.reference, e.actor, e.action, e.detail, e.at));
    }
}
