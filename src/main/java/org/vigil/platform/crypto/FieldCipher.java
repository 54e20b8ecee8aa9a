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
 * {@code [version=2][key id length][key id][12-byte nonce][ciphertext + 16-byte tag]}; the associated
 * data is that header plus the value's {@link Aad} (table, column, row), so a value decrypts only in
 * the place it was written for. Rotating keys means adding a new id, making it active, and keeping
 * the old one until its rows are re-encrypted or purged.
 *
 * <p>Version 1 (header only, no place) is what rows written before V13 hold. They are readable only
 * while {@code vigil.crypto.read-unbound} is on and {@link UnboundRewrite} has not yet finished a pass
 * that found none left; that job rewrites them as version 2 in their place.
 *
 * <p>A key id of length 0 marks a value under a key derived from a client's secret
 * ({@link #encryptUnder}): no service key opens it.
 *
 * <p>{@link Startup} makes the key check run when the application starts, not on the first tip.
 */
@Startup
@ApplicationScoped
public class FieldCipher {

    private static final byte UNBOUND = 1;
    private static final byte VERSION = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** HKDF info: this label, then the value's place, so one secret gives a different key per place. */
    private static final String DERIVED_LABEL = "vigil-derived-key\0";

    private final SecureRandom random = new SecureRandom();
    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys;
    private volatile boolean unboundReadable;

    FieldCipher(CryptoConfig config) {
        CryptoKeys validated = CryptoKeys.validate(config.activeKeyId(), config.keys(), config.hashKey());
        this.activeKeyId = validated.activeKeyId();
        this.keys = validated.aesKeys().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new SecretKeySpec(e.getValue(), "AES")));
        this.unboundReadable = config.readUnbound();
    }

    public byte[] encrypt(byte[] plaintext, Aad aad) {
        return seal(activeKeyId, keys.get(activeKeyId), plaintext, aad);
    }

    public byte[] decrypt(byte[] stored, Aad aad) {
        if (stored.length >= 2 && stored[0] == UNBOUND && unboundReadable) {
            return open(stored, new byte[0]);
        }
        if (stored.length < 2 || stored[0] != VERSION) {
            throw new UnreadableValueException("Not a Vigil ciphertext of this version", null);
        }
        return open(stored, aad.encoded());
    }

    /** Null stays null, so optional columns need no special case. */
    public byte[] encryptText(String plaintext, Aad aad) {
        return plaintext == null ? null : encrypt(plaintext.getBytes(StandardCharsets.UTF_8), aad);
    }

    public String decryptText(byte[] stored, Aad aad) {
        return stored == null ? null : new String(decrypt(stored, aad), StandardCharsets.UTF_8);
    }

    /**
     * Encrypts under HKDF-SHA256(secret, salt, place) instead of a service key: for a value only the
     * holder of {@code secret} (which is never stored) may read again, the stored {@code salt} making
     * each key distinct.
     */
    public byte[] encryptUnder(byte[] secret, byte[] salt, byte[] plaintext, Aad aad) {
        return seal("", derived(secret, salt, aad), plaintext, aad);
    }

    public byte[] decryptUnder(byte[] secret, byte[] salt, byte[] stored, Aad aad) {
        if (stored.length < 2 || stored[0] != VERSION || stored[1] != 0) {
            throw new UnreadableValueException("Not a value under a derived key", null);
        }
        return open(stored, derived(secret, salt, aad), aad.encoded());
    }

    /** Whether a stored value is version 1, written before values were bound to their place. */
    public static boolean isUnbound(byte[] stored) {
        return stored != null && stored.length >= 2 && stored[0] == UNBOUND;
    }

    /** A version-1 value re-encrypted in its place (version 2), for {@link UnboundRewrite}. */
    byte[] rebind(byte[] unbound, Aad aad) {
        return encrypt(open(unbound, new byte[0]), aad);
    }

    /** Called once no version-1 value is left: from then on they are refused everywhere. */
    void refuseUnbound() {
        unboundReadable = false;
    }

    boolean unboundReadable() {
        return unboundReadable;
    }

    /** The key id a stored value was encrypted with, for rotation jobs and tests. */
    public static String keyIdOf(byte[] stored) {
        return new String(Arrays.copyOfRange(stored, 2, 2 + stored[1]), StandardCharsets.US_ASCII);
    }

    private byte[] seal(String keyId, SecretKeySpec key, byte[] plaintext, Aad aad) {
        byte[] header = header(keyId);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(aad.encoded());
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(header.length + NONCE_BYTES + sealed.length)
                    .put(header)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Opens a value under the service key its header names. */
    private byte[] open(byte[] stored, byte[] aad) {
        int idLength = stored[1];
        if (idLength <= 0 || stored.length < 2 + idLength) {
            throw new UnreadableValueException("Not a value under a service key", null);
        }
        String keyId = new String(stored, 2, idLength, StandardCharsets.US_ASCII);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new UnreadableValueException("Encryption key '" + keyId + "' is not configured", null);
        }
        return open(stored, key, aad);
    }

    private static byte[] open(byte[] stored, SecretKeySpec key, byte[] aad) {
        int headerLength = 2 + stored[1];
        if (stored.length < headerLength + NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableValueException("Stored value too short", null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, headerLength, NONCE_BYTES));
            cipher.updateAAD(stored, 0, headerLength);
            cipher.updateAAD(aad);
            return cipher.doFinal(stored, headerLength + NONCE_BYTES, stored.length - headerLength - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new UnreadableValueException("AES-GCM decryption failed (wrong key, altered or moved value)", e);
        }
    }

    private static SecretKeySpec derived(byte[] secret, byte[] salt, Aad aad) {
        byte[] label = DERIVED_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] place = aad.encoded();
        byte[] info = ByteBuffer.allocate(label.length + place.length)
                .put(label)
                .put(place)
                .array();
        return new SecretKeySpec(Hkdf.sha256(secret, salt, info), "AES");
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + id.length)
                .put(VERSION)
                .put((byte) id.length)
                .put(id)
                .array();
    }
}
