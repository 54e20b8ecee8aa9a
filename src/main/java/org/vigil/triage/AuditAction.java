package org.vigil.triage;

/** What an officer did with a tip, as recorded in the append-only audit log. */
public enum AuditAction {
    VIEW,
    DOWNLOAD,
    CLAIM,
    RELEASE,
    REASSIGN,
    STATUS,
    PRIORITY,
    LABELS,
    NOTE,
    REPLY,
    LEGAL_HOLD,
    INDICATOR_PROPOSED,
    /** A search of tips by identifier: one line for the search (no tip), one on each tip it found. */
    IDENTIFIER_SEARCH,
    /** A supervisor read a citizen's dispute of an indicator (statement, contact): no tip. */
    DISPUTE_READ
}
