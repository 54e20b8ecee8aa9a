package org.vigil.platform.crypto;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for sensitive columns. A stored value is
 * {@code [version=1][key id length][key id][12-byte nonce][ciphertext + 16-byte tag]}; the header is
 * authenticated too, so rotating keys means adding a new id, making it active, and keeping the old
 * one until its rows are re-encrypted or purged.
 *
 * <p>{@link Startup} makes the key check run when the application starts, not on the first tip.
 */
@Startup
@ApplicationScoped
public class FieldCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String activeKeyId;
    private final byte[] activeHeader;
    private final Map<String, SecretKeySpec> keys;

    FieldCipher(CryptoConfig config) {
        CryptoKeys validated = CryptoKeys.validate(config.activeKeyId(), config.keys(), config.hashKey());
        this.activeKeyId = validated.activeKeyId();
        this.activeHeader = header(activeKeyId);
        this.keys = validated.aesKeys().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> new SecretKeySpec(e.getValue(), "AES")));
    }

    public byte[] encrypt(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(activeHeader);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(activeHeader.length + NONCE_BYTES + sealed.length)
                    .put(activeHeader).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] stored) {
        if (stored.length < 2 || stored[0] != VERSION) {
            throw new IllegalStateException("Not a Vigil ciphertext");
        }
        int idLength = stored[1];
        int headerLength = 2 + idLength;
        String keyId = new String(stored, 2, idLength, StandardCharsets.US_ASCII);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Encryption key '" + keyId + "' is not configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, headerLength, NONCE_BYTES));
            cipher.updateAAD(stored, 0, headerLength);
            return cipher.doFinal(stored, headerLength + NONCE_BYTES, stored.length - headerLength - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed (wrong key or altered value)", e);
        }
    }

    /** Null stays null, so optional columns need no special case. */
    public byte[] encryptText(String plaintext) {
        return plaintext == null ? null : encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String decryptText(byte[] stored) {
        return stored == null ? null : new String(decrypt(stored), StandardCharsets.UTF_8);
    }

    /** The key id a stored value was encrypted with, for rotation jobs and tests. */
    public static String keyIdOf(byte[] stored) {
        return new String(Arrays.copyOfRange(stored, 2, 2 + stored[1]), StandardCharsets.US_ASCII);
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + id.length).put(VERSION).put((byte) id.length).put(id).array();
    }
}
