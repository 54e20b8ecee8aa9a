package org.vigil.deploy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.vigil.testsupport.Tokens;

/**
 * What the prod profile refuses to start without, for the packaged jar under test (the database URL
 * comes from the suite's {@code MariaDbTestResource}, the broker and a queue of this run from its
 * {@code RabbitMqTestResource}): keys made for this run, the test issuer's JWT settings, and limits
 * raised because every request comes from 127.0.0.1.
 */
public class PackagedServiceSettings implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.ofEntries(
                Map.entry("vigil.crypto.active-key-id", "it"),
                Map.entry("vigil.crypto.keys.it", key()),
                Map.entry("vigil.crypto.hash-key", key()),
                Map.entry("vigil.signing.active-key-id", "it"),
                Map.entry("vigil.signing.keys.it", key()),
                Map.entry("mp.jwt.verify.issuer", Tokens.ISSUER),
                Map.entry("mp.jwt.verify.audiences", Tokens.AUDIENCE),
                Map.entry(
                        "mp.jwt.verify.publickey.location",
                        Path.of("config/dev-jwt/publicKey.pem").toAbsolutePath().toString()),
                Map.entry("vigil.tip.limits.submissions-per-source", "100000"),
                Map.entry("vigil.tip.limits.submissions-global", "100000"),
                Map.entry("vigil.indicator.limits.checks-per-source", "100000"),
                Map.entry("vigil.indicator.limits.checks-global", "100000"));
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void stop() {}
}
