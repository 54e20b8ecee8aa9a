package org.vigil.triage;

/** How urgently officers should work on a tip; set by officers, shown in the queue. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
