package org.vigil.platform.console;

/**
 * What an editors' page says above its form: that a change was done, or why one was not. A refusal
 * is shown as an alert, so that an editor in a hurry does not take it for a confirmation; a stale
 * save also links the item as it is now, to compare with what was typed.
 */
public record Notice(String text, Kind kind) {

    public enum Kind {
        DONE,
        REFUSED,
        STALE
    }

    public boolean refused() {
        return kind != Kind.DONE;
    }

    public boolean stale() {
        return kind == Kind.STALE;
    }
}
