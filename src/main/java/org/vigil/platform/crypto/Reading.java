package org.vigil.platform.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one answer whose stored value does not decrypt in its place (moved or altered in the
 * database): they are shown as null and named, instead of failing the whole answer.
 */
public final class Reading {

    private final List<String> unreadable = new ArrayList<>();

    /** Notes {@code row}'s unreadable fields under {@code prefix} ("messages[0]" gives "messages[0].text"). */
    public <T extends SealedRow> T of(String prefix, T row) {
        row.unreadable().forEach(field -> unreadable.add(prefix.isEmpty() ? field : prefix + "." + field));
        return row;
    }

    /** The fields that could not be read, in the order met; empty when all were. */
    public List<String> unreadable() {
        return List.copyOf(unreadable);
    }
}
