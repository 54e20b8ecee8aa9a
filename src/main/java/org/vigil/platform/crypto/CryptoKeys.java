package org.vigil.platform.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validated key material; {@link #validate} is the startup check that makes a keyless service refuse to run. */
public record CryptoKeys(String activeKeyId, Map<String, byte[]> aesKeys, byte[] hashKey) {

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /**
     * The keys from configuration, or an {@link IllegalStateException} that says exactly what is
     * missing. It names settings, never their values.
     */
    public static CryptoKeys validate(
            Optional<String> activeKeyId, Map<String, String> keys, Optional<String> hashKey) {
        String active = activeKeyId
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> refuse("vigil.crypto.active-key-id is not set (env VIGIL_CRYPTO_ACTIVE_KEY_ID)"));
        Map<String, byte[]> aes = new LinkedHashMap<>();
        keys.forEach((id, value) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw refuse("key id '" + id + "' must be 1-32 letters, digits, '-' or '_'");
            }
            byte[] key = decode("vigil.crypto.keys." + id, value);
            if (key.length != 32) {
                throw refuse("vigil.crypto.keys." + id + " must be a base64 256-bit (32-byte) AES key");
            }
            aes.put(id, key);
        });
        if (!aes.containsKey(active)) {
            throw refuse("vigil.crypto.keys." + active + " (the active key) is not set (env VIGIL_CRYPTO_KEYS_"
                    + active.toUpperCase().replace('-', '_') + ")");
        }
        String hash = hashKey.map(String::trim)
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> refuse("vigil.crypto.hash-key is not set (env VIGIL_CRYPTO_HASH_KEY)"));
        byte[] hashBytes = decode("vigil.crypto.hash-key", hash);
        if (hashBytes.length < 32) {
            throw refuse("vigil.crypto.hash-key must be a base64 secret of at least 256 bits (32 bytes)");
        }
        return new CryptoKeys(active, Map.copyOf(aes), hashBytes);
    }

    private static byte[] decode(String setting, String value) {
        try {
            return Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw refuse(setting + " is not valid base64");
        }
    }

    private static IllegalStateException refuse(String why) {
        return new IllegalStateException("Vigil refuses to start without its encryption keys: " + why
                + ". Generate one with `openssl rand -base64 32`; see vigil.crypto.* in application.properties.");
    }
}
