package org.vigil.triage;

/** What an officer did with a tip, as recorded in the append-only audit log. */
public enum AuditAction {
    VIEW, DOWNLOAD, CLAIM, RELEASE, REASSIGN, STATUS, PRIORITY, LABELS, NOTE, REPLY, LEGAL_HOLD, INDICATOR_PROPOSED
}
