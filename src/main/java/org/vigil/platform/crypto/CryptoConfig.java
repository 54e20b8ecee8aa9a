package org.vigil.platform.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * Keys for data at rest. They live in configuration (environment or a secrets file), never in the
 * database, so a stolen database alone reveals neither plaintext nor receipts. The prod profile has
 * none on purpose: {@link CryptoKeys#validate} refuses to start without them.
 */
@ConfigMapping(prefix = "vigil.crypto")
public interface CryptoConfig {

    /** Id of the key that encrypts new values; older ids stay configured to decrypt older rows. */
    Optional<String> activeKeyId();

    /** Base64 256-bit AES keys by id ({@code vigil.crypto.keys.<id>}). */
    Map<String, String> keys();

    /** Base64 secret (at least 256 bits) for keyed hashes: receipts, identifiers, idempotency keys. */
    Optional<String> hashKey();

    /**
     * Whether values written before V13 (version 1, not bound to their place) may still be read, so
     * that {@link UnboundRewrite} can rewrite them. Turn off once its log says none is left.
     */
    @WithDefault("true")
    boolean readUnbound();

    /** How many version-1 values {@link UnboundRewrite} rewrites per transaction. */
    @WithDefault("200")
    int rewriteBatchSize();

    /** How often {@link UnboundRewrite} looks for version-1 values (read by its @Scheduled expression; "off" in tests). */
    @WithDefault("1m")
    String rewriteEvery();
}
