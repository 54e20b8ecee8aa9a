package org.vigil.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under {@code vigil.crypto.hash-key}, a secret that is never in the database: whoever
 * holds only the database can neither reverse nor test guesses against these hashes. Each use has
 * its own purpose label, so a hash made for one purpose never matches one made for another.
 */
@ApplicationScoped
public class KeyedHash {

    private final SecretKeySpec key;

    KeyedHash(CryptoConfig config) {
        key = new SecretKeySpec(
                CryptoKeys.validate(config.activeKeyId(), config.keys(), config.hashKey())
                        .hashKey(),
                "HmacSHA256");
    }

    /** 32 bytes: HMAC-SHA256(key, purpose || 0x00 || value). */
    public byte[] hash(String purpose, byte[] value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    public byte[] hash(String purpose, String value) {
        return hash(purpose, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison, so response timing tells nothing about how much of a hash matched. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
