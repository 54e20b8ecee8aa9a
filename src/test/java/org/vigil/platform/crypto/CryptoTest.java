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
    private static final String HASH = Base64.getEncoder().encodeToString("a hash key of at least 32 bytes!".getBytes());

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
        };
    }

    @Test
    void refusesToStartWithoutAnyKey() {
        assertThatThrownBy(() -> CryptoKeys.validate(Optional.empty(), Map.of(), Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to start").hasMessageContaining("vigil.crypto.active-key-id");
    }

    @Test
    void refusesToStartWhenTheActiveKeyIsMissing() {
        assertThatThrownBy(() -> CryptoKeys.validate(Optional.of("k2"), Map.of("k1", K1), Optional.of(HASH)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vigil.crypto.keys.k2");
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
                .hasMessageContaining("not valid base64").hasMessageNotContaining("not base64!");
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
        byte[] stored = before.encryptText("Số tài khoản 0123456789 của kẻ lừa đảo");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("0123456789");
        assertThat(FieldCipher.keyIdOf(stored)).isEqualTo("k1");

        FieldCipher after = new FieldCipher(config("k2", Map.of("k1", K1, "k2", K2), HASH));
        assertThat(after.decryptText(stored)).isEqualTo("Số tài khoản 0123456789 của kẻ lừa đảo");
        assertThat(FieldCipher.keyIdOf(after.encryptText("x"))).isEqualTo("k2");
    }

    @Test
    void sameTextEncryptsDifferentlyEachTime() {
        FieldCipher cipher = new FieldCipher(config("k1", Map.of("k1", K1), HASH));
        assertThat(cipher.encryptText("same")).isNotEqualTo(cipher.encryptText("same"));
    }

    @Test
    void alteredCiphertextOrHeaderIsRejected() {
        FieldCipher cipher = new FieldCipher(config("k1", Map.of("k1", K1, "k2", K2), HASH));
        byte[] stored = cipher.encryptText("narrative");
        byte[] body = stored.clone();
        body[body.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(body)).isInstanceOf(IllegalStateException.class);
        byte[] header = stored.clone();
        header[3] = '2'; // claims key k2
        assertThatThrownBy(() -> cipher.decrypt(header)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyedHashDependsOnKeyAndPurpose() {
        KeyedHash one = new KeyedHash(config("k1", Map.of("k1", K1), HASH));
        KeyedHash other = new KeyedHash(config("k1", Map.of("k1", K1),
                Base64.getEncoder().encodeToString("another hash key of 32 bytes!!!!".getBytes())));
        assertThat(one.hash("phone", "+84901234567")).hasSize(32)
                .isEqualTo(one.hash("phone", "+84901234567"))
                .isNotEqualTo(one.hash("receipt", "+84901234567"))
                .isNotEqualTo(other.hash("phone", "+84901234567"));
        assertThat(KeyedHash.same(one.hash("a", "b"), one.hash("a", "b"))).isTrue();
        assertThat(KeyedHash.same(one.hash("a", "b"), one.hash("a", "c"))).isFalse();
    }
}
