package org.vigil.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Decrypts the values of one answer, noting those that do not decrypt in their place (moved or
 * altered in the database) instead of failing the whole answer: such a value is shown as null and
 * its field named in {@link #unreadable()}. The log names the place, never a value.
 */
public final class Reading {

    private static final Logger LOG = Logger.getLogger(Reading.class);

    private final FieldCipher cipher;
    private final List<String> unreadable = new ArrayList<>();

    Reading(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The plaintext, or null (and {@code field} noted) when the stored value does not decrypt here. */
    public String text(String field, byte[] stored, Aad aad) {
        byte[] plain = bytes(field, stored, aad);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }

    /** As {@link #text}, for a binary value. */
    public byte[] bytes(String field, byte[] stored, Aad aad) {
        if (stored == null) {
            return null;
        }
        try {
            return cipher.decrypt(stored, aad);
        } catch (UnreadableValueException e) {
            LOG.warnf(
                    "A stored value does not decrypt in its place %s.%s %s (altered or moved): %s",
                    aad.table(), aad.column(), aad.row(), e.getMessage());
            unreadable.add(field);
            return null;
        }
    }

    /** The fields that could not be read, in the order met; empty when all were. */
    public List<String> unreadable() {
        return List.copyOf(unreadable);
    }
}
