package org.vigil.tip;

import org.vigil.platform.web.Coded;

/**
 * Where a tip is in the police workflow (set by triage, which reads this column). A tipster sees
 * only the coarse {@link #publicStatus()}, so internal steps such as a referral are not disclosed.
 */
public enum TipStatus implements Coded {
    NEW,
    TRIAGED,
    INVESTIGATING,
    REFERRED,
    CLOSED,
    REJECTED;

    /** Clients see and send the constant's name. */
    @Override
    public String code() {
        return name();
    }

    public String publicStatus() {
        return switch (this) {
            case NEW -> "received";
            case TRIAGED, INVESTIGATING, REFERRED -> "being-reviewed";
            case CLOSED, REJECTED -> "closed";
        };
    }

    public boolean acceptsFollowUp() {
        return this != CLOSED && this != REJECTED;
    }
}
