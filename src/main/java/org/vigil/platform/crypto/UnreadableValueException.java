package org.vigil.platform.crypto;

/**
 * A stored value that does not decrypt in its place: altered, moved from another row or column, or
 * under a key no longer configured. Callers show it as unreadable; it never reaches a client as a 500.
 */
public class UnreadableValueException extends IllegalStateException {

    public UnreadableValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
