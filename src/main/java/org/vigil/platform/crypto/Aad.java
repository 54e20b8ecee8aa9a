package org.vigil.platform.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a ciphertext belongs: its table, column and row (the row's parent and author where there
 * is one). It is authenticated with the value (AES-GCM associated data), so a value copied to
 * another row or column, or a police reply copied into a tipster's message, does not decrypt.
 *
 * <p>The row is named by keys that exist before the INSERT (auto-increment ids do not): a tip's
 * reference, a child's parent id plus its own {@link #newRowKey() row key} or position. Each entity
 * declares its binding once, as a static {@code aad(...)} method next to its columns.
 */
public record Aad(String table, String column, List<String> row) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public Aad {
        row = List.copyOf(row);
    }

    /** Row parts are turned into text: numbers, strings, and byte arrays (as hex). */
    public static Aad of(String table, String column, Object... row) {
        return new Aad(
                table,
                column,
                java.util.Arrays.stream(row)
                        .map(p -> p instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(p))
                        .toList());
    }

    /** 16 random bytes naming a row before it has an id; stored in the row's {@code row_key} column. */
    public static byte[] newRowKey() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Each part length-prefixed, so no two different contexts encode the same. */
    byte[] encoded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part(out, table);
        part(out, column);
        row.forEach(p -> part(out, p));
        return out.toByteArray();
    }

    private static void part(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.write(bytes, 0, bytes.length);
    }
}
