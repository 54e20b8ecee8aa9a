package org.vigil.testsupport;

import java.nio.charset.StandardCharsets;

/** Values as Vigil wrote them before V13, for testing their rewrite. */
public final class VersionOne {

    private VersionOne() {}

    /** A value as written before V13: AES-GCM with the header alone as associated data. */
    public static byte[] encrypt(String keyId, byte[] key, byte[] plaintext) throws Exception {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] header = java.nio.ByteBuffer.allocate(2 + id.length)
                .put((byte) 1)
                .put((byte) id.length)
                .put(id)
                .array();
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        javax.crypto.Cipher gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(
                javax.crypto.Cipher.ENCRYPT_MODE,
                new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        gcm.updateAAD(header);
        byte[] sealed = gcm.doFinal(plaintext);
        return java.nio.ByteBuffer.allocate(header.length + 12 + sealed.length)
                .put(header)
                .put(nonce)
                .put(sealed)
                .array();
    }
}
