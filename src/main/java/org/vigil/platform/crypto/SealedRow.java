package org.vigil.platform.crypto;

import java.util.List;

/** An entity with {@link Sealed} fields: it says where each of its ciphertexts belongs. */
public interface SealedRow {

    /** The binding of this row's value in {@code column}, from keys that exist before the INSERT. */
    Aad aad(String column);

    /** The sealed fields whose stored value does not decrypt in its place (shown as null), in declaration order. */
    default List<String> unreadable() {
        return SealedFields.unreadable(this);
    }

    /** Throws {@link UnreadableValueException} if a sealed value does not decrypt in its place. */
    default void requireReadable() {
        List<String> unreadable = unreadable();
        if (!unreadable.isEmpty()) {
            throw new UnreadableValueException(
                    getClass().getSimpleName() + " values do not decrypt in their place: " + unreadable, null);
        }
    }
}
