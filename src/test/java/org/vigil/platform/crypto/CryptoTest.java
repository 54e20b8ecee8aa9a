package org.vigil.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plain unit tests: the startup key check, AES-GCM with key ids, keyed hashes. */
class CryptoTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String HASH =
            Base64.getEncoder().encodeToString("a hash key of at least 32 bytes!".getBytes());

    private static final Aad PLACE = Aad.of("tip", "narrative_enc", "7KQM2XHD9PA");

    static CryptoConfig config(String active, Map<String, String> keys, String hashKey) {
        return new CryptoConfig() {
            public Optional<String> activeKeyId() {
                return Optional.ofNullable(active);
            }

            public Map<String, String> keys() {
                return keys;
            }

            public Optional<String> hashKey() {
                return Optional.ofNullable(hashKey);
            }

            public boolean readUnbound() {
                return true;
            }

            public int rewriteBatchSize() {
                return 200;
            }

            public String rewriteEvery() {
                return "off";
            }
        };
    }

    @Test
    void refusesToStartWithoutAnyKey() {
        assertThatThrownBy(() -> CryptoKeys.validate(Optional.empty(), Map.of(), Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to start")
                .hasMessageContaining("vigil.crypto.active-key-id");
    }

    @Test
    void refusesToStartWhenTheActiveKeyIsMissing() {
        assertThatThrownBy(() -> CryptoKeys.validate(Optional.of("k2"), Map.of("k1", K1), Optional.of(HASH)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vigil.crypto.keys.k2");
    }

    @Test
    void refusesToStartWithoutHashKeyOrWithWeakKeys() {
        assertThatThrownBy(() -> CryptoKeys.validate(Optional.of("k1"), Map.of("k1", K1), Optional.empty()))
                .hasMessageContaining("vigil.crypto.hash-key");
        assertThatThrownBy(() -> CryptoKeys.validate(Optional.of("k1"), Map.of("k1", "c2hvcnQ="), Optional.of(HASH)))
                .hasMessageContaining("256-bit");
        assertThatThrownBy(() -> CryptoKeys.validate(Optional.of("k1"), Map.of("k1", K1), Optional.of("c2hvcnQ=")))
                .hasMessageContaining("at least 256 bits");
        assertThatThrownBy(() -> CryptoKeys.validate(Optional.of("k1"), Map.of("k1", "not base64!"), Optional.of(HASH)))
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("not base64!");
    }

    @Test
    void acceptsCompleteKeys() {
        CryptoKeys keys = CryptoKeys.validate(Optional.of("k1"), Map.of("k1", K1, "k2", K2), Optional.of(HASH));
        assertThat(keys.activeKeyId()).isEqualTo("k1");
        assertThat(keys.aesKeys()).containsOnlyKeys("k1", "k2");
    }

    @Test
    void ciphertextNamesItsKeyAndOldKeysStillDecryptAfterRotation() {
        FieldCipher before = new FieldCipher(config("k1", Map.of("k1", K1), HASH));
        byte[] stored = before.encryptText("Số tài khoản 0123456789 của kẻ lừa đảo", PLACE);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("0123456789");
        assertThat(FieldCipher.keyIdOf(stored)).isEqualTo("k1");

        FieldCipher after = new FieldCipher(config("k2", Map.of("k1", K1, "k2", K2), HASH));
        assertThat(after.decryptText(stored, PLACE)).isEqualTo("Số tài khoản 0123456789 của kẻ lừa đảo");
        assertThat(FieldCipher.keyIdOf(after.encryptText("x", PLACE))).isEqualTo("k2");
    }

    @Test
    void sameTextEncryptsDifferentlyEachTime() {
        FieldCipher cipher = new FieldCipher(config("k1", Map.of("k1", K1), HASH));
        assertThat(cipher.encryptText("same", PLACE)).isNotEqualTo(cipher.encryptText("same", PLACE));
    }

    @Test
    void alteredCiphertextOrHeaderIsRejected() {
        FieldCipher cipher = new FieldCipher(config("k1", Map.of("k1", K1, "k2", K2), HASH));
        byte[] stored = cipher.encryptText("narrative", PLACE);
        byte[] body = stored.clone();
        body[body.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(body, PLACE)).isInstanceOf(IllegalStateException.class);
        byte[] header = stored.clone();
        header[3] = '2'; // claims key k2
        assertThatThrownBy(() -> cipher.decrypt(header, PLACE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueDecryptsOnlyInThePlaceItWasWrittenFor() {
        FieldCipher cipher = new FieldCipher(config("k1", Map.of("k1", K1), HASH));
        byte[] reply = cipher.encryptText("Công an trả lời", Aad.of("tip_message", "body_enc", 7, "ab", "POLICE"));
        assertThat(cipher.decryptText(reply, Aad.of("tip_message", "body_enc", 7, "ab", "POLICE")))
                .isEqualTo("Công an trả lời");
        for (Aad elsewhere : java.util.List.of(
                Aad.of("tip_message", "body_enc", 7, "ab", "TIPSTER"),
                Aad.of("tip_message", "body_enc", 8, "ab", "POLICE"),
                Aad.of("tip_note", "body_enc", 7, "ab", "POLICE"),
                Aad.of("tip_message", "other_enc", 7, "ab", "POLICE"),
                Aad.of("tip_message", "body_enc", "7a", "b", "POLICE"))) {
            assertThatThrownBy(() -> cipher.decryptText(reply, elsewhere))
                    .as("%s", elsewhere)
                    .isInstanceOf(UnreadableValueException.class);
        }
    }

    @Test
    void versionOneValuesAreReadUntilTheRewriteHasRunAndThenRefused() throws Exception {
        FieldCipher cipher = new FieldCipher(config("k1", Map.of("k1", K1), HASH));
        byte[] old = org.vigil.testsupport.VersionOne.encrypt(
                "k1", Base64.getDecoder().decode(K1), "cũ".getBytes(StandardCharsets.UTF_8));
        assertThat(FieldCipher.isUnbound(old)).isTrue();
        assertThat(cipher.decryptText(old, PLACE)).isEqualTo("cũ");
        byte[] bound = cipher.rebind(old, PLACE);
        assertThat(FieldCipher.isUnbound(bound)).isFalse();
        assertThat(cipher.decryptText(bound, PLACE)).isEqualTo("cũ");
        assertThatThrownBy(() -> cipher.decryptText(bound, Aad.of("tip", "contact_enc", "X")))
                .isInstanceOf(UnreadableValueException.class);
        cipher.refuseUnbound();
        assertThatThrownBy(() -> cipher.decryptText(old, PLACE)).isInstanceOf(UnreadableValueException.class);
    }

    @Test
    void aValueUnderADerivedKeyOpensOnlyWithTheSameSecretAndSalt() {
        FieldCipher cipher = new FieldCipher(config("k1", Map.of("k1", K1), HASH));
        byte[] salt = Aad.newRowKey();
        byte[] sealed = cipher.encryptUnder("idem-1".getBytes(), salt, "RECEIPT".getBytes(), PLACE);
        assertThat(cipher.decryptUnder("idem-1".getBytes(), salt, sealed, PLACE))
                .isEqualTo("RECEIPT".getBytes());
        assertThatThrownBy(() -> cipher.decrypt(sealed, PLACE))
                .as("no service key opens it")
                .isInstanceOf(UnreadableValueException.class);
        assertThatThrownBy(() -> cipher.decryptUnder("idem-2".getBytes(), salt, sealed, PLACE))
                .isInstanceOf(UnreadableValueException.class);
        assertThatThrownBy(() -> cipher.decryptUnder("idem-1".getBytes(), Aad.newRowKey(), sealed, PLACE))
                .isInstanceOf(UnreadableValueException.class);
    }

    @Test
    void hkdfMatchesRfc5869TestCaseOne() {
        byte[] ikm = new byte[22];
        java.util.Arrays.fill(ikm, (byte) 0x0b);
        java.util.HexFormat hex = java.util.HexFormat.of();
        assertThat(hex.formatHex(Hkdf.sha256(
                        ikm, hex.parseHex("000102030405060708090a0b0c"), hex.parseHex("f0f1f2f3f4f5f6f7f8f9"))))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
    }

    @Test
    void keyedHashDependsOnKeyAndPurpose() {
        KeyedHash one = new KeyedHash(config("k1", Map.of("k1", K1), HASH));
        KeyedHash other = new KeyedHash(config(
                "k1",
                Map.of("k1", K1),
                Base64.getEncoder().encodeToString("another hash key of 32 bytes!!!!".getBytes())));
        assertThat(one.hash("phone", "+84901234567"))
                .hasSize(32)
                .isEqualTo(one.hash("phone", "+84901234567"))
                .isNotEqualTo(one.hash("receipt", "+84901234567"))
                .isNotEqualTo(other.hash("phone", "+84901234567"));
        assertThat(KeyedHash.same(one.hash("a", "b"), one.hash("a", "b"))).isTrue();
        assertThat(KeyedHash.same(one.hash("a", "b"), one.hash("a", "c"))).isFalse();
    }
}
