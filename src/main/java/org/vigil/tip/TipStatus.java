package org.vigil.tip;

/**
 * Where a tip is in the police workflow (set by triage, which reads this column). A tipster sees
 * only the coarse {@link #publicStatus()}, so internal steps such as a referral are not disclosed.
 */
public enum TipStatus {
    NEW, TRIAGED, INVESTIGATING, REFERRED, CLOSED, REJECTED;

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
