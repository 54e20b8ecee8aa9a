package org.vigil.platform.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * Keys of the statements the service signs for others to check (a tipster's filing proof), published
 * at {@code /.well-known/jwks.json}. Like {@link CryptoConfig}'s, they live in configuration only; the
 * prod profile has none on purpose (ProductionSettings refuses to start without them).
 */
@ConfigMapping(prefix = "vigil.signing")
public interface SigningConfig {

    /** Id (JWS {@code kid}) of the key that signs new statements; older ids stay configured so theirs still verify. */
    Optional<String> activeKeyId();

    /** Base64 Ed25519 private keys (32 random bytes: {@code openssl rand -base64 32}) by id ({@code vigil.signing.keys.<id>}). */
    Map<String, String> keys();
}
