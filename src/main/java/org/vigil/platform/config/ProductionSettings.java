package org.vigil.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.platform.crypto.CryptoKeys;
import org.vigil.platform.crypto.SignedStatements;

/**
 * What a production start needs before anything else runs: the database, the encryption keys, the
 * JWT verification, the key that signs filing proofs and the console's login provider. Checked in one go so that an operator reads one message naming every missing
 * setting, instead of the first of several unrelated framework errors. It names settings, never values.
 */
public final class ProductionSettings {

    static final String DB_URL = "quarkus.datasource.jdbc.url";
    static final String JWT_ISSUER = "mp.jwt.verify.issuer";
    static final String JWT_AUDIENCE = "mp.jwt.verify.audiences";
    static final String JWT_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String JWT_KEY = "mp.jwt.verify.publickey";
    static final String OIDC_ISSUER = "quarkus.oidc.auth-server-url";
    static final String OIDC_CLIENT_ID = "quarkus.oidc.client-id";
    static final String OIDC_CLIENT_SECRET = "quarkus.oidc.credentials.secret";
    static final String ACTIVE_KEY_ID = "vigil.crypto.active-key-id";
    static final String HASH_KEY = "vigil.crypto.hash-key";
    static final String SIGNING_KEY_ID = "vigil.signing.active-key-id";

    private ProductionSettings() {}

    /** Problems with the settings read through {@code setting}; empty when the service may start. */
    public static List<String> problems(Function<String, Optional<String>> setting) {
        Function<String, Optional<String>> value =
                name -> setting.apply(name).map(String::trim).filter(v -> !v.isEmpty());
        List<String> problems = new ArrayList<>();
        if (value.apply(DB_URL).isEmpty()) {
            problems.add("VIGIL_DB_URL (the MariaDB JDBC URL, credentials included)");
        }
        Optional<String> active = value.apply(ACTIVE_KEY_ID);
        Optional<String> activeKey = active.flatMap(id -> value.apply("vigil.crypto.keys." + id));
        Optional<String> hashKey = value.apply(HASH_KEY);
        if (active.isEmpty()) {
            problems.add("VIGIL_CRYPTO_ACTIVE_KEY_ID (id of the key that encrypts new data)");
        } else if (activeKey.isEmpty()) {
            problems.add(
                    envName("vigil.crypto.keys." + active.get()) + " (the active encryption key, base64 of 256 bits)");
        }
        if (hashKey.isEmpty()) {
            problems.add(
                    "VIGIL_CRYPTO_HASH_KEY (the HMAC key of receipts and identifiers, base64 of at least 256 bits)");
        }
        if (activeKey.isPresent() && hashKey.isPresent()) {
            try {
                CryptoKeys.validate(active, Map.of(active.get(), activeKey.get()), hashKey);
            } catch (IllegalStateException e) {
                // its message names the setting and why, never the value
                problems.add(e.getMessage()
                        .replaceFirst("^Vigil refuses to start without its encryption keys: ", "")
                        .replaceFirst("\\. Generate one with.*$", " (generate one with `openssl rand -base64 32`)"));
            }
        }
        Optional<String> signing = value.apply(SIGNING_KEY_ID);
        if (signing.isEmpty()) {
            problems.add("VIGIL_SIGNING_ACTIVE_KEY_ID (id of the Ed25519 key that signs filing proofs)");
        } else {
            String key = "vigil.signing.keys." + signing.get();
            try {
                SignedStatements.validate(
                        signing,
                        value.apply(key).map(k -> Map.of(signing.get(), k)).orElse(Map.of()));
            } catch (IllegalStateException e) {
                problems.add(envName(key) + " (the active signing key, base64 of 32 random bytes:"
                        + " `openssl rand -base64 32`)");
            }
        }
        if (value.apply(JWT_ISSUER).isEmpty()) {
            problems.add("VIGIL_JWT_ISSUER (issuer of the bearer tokens, e.g. the OIDC realm URL)");
        }
        if (value.apply(JWT_AUDIENCE).isEmpty()) {
            problems.add("VIGIL_JWT_AUDIENCE (this service's client id, required in the aud claim of bearer tokens)");
        }
        if (value.apply(JWT_KEY_LOCATION).isEmpty() && value.apply(JWT_KEY).isEmpty()) {
            problems.add("VIGIL_JWT_PUBLIC_KEY_LOCATION (the issuer's JWKS URL or public key)");
        }
        if (value.apply(OIDC_ISSUER).isEmpty()) {
            problems.add("VIGIL_OIDC_ISSUER (the staff console's login provider, e.g. the OIDC realm URL)");
        }
        if (value.apply(OIDC_CLIENT_ID).isEmpty()) {
            problems.add("VIGIL_OIDC_CLIENT_ID (the console's client id at that provider)");
        }
        if (value.apply(OIDC_CLIENT_SECRET).isEmpty()) {
            problems.add("VIGIL_OIDC_CLIENT_SECRET (the console's client secret, at least 32 characters)");
        } else if (value.apply(OIDC_CLIENT_SECRET).get().length() < 32) {
            // it also encrypts the session cookie and the PKCE verifier: shorter, Quarkus would make a key per replica
            problems.add("VIGIL_OIDC_CLIENT_SECRET is shorter than 32 characters");
        }
        return problems;
    }

    /** The one message an operator sees. */
    public static String message(List<String> problems) {
        return "Vigil cannot start in production, settings missing or invalid: " + String.join("; ", problems)
                + ". Set them in the environment (see the README, \"Deploying\", and k8s/secret.template.yaml).";
    }

    /** SmallRye's environment name of a property: VIGIL_CRYPTO_KEYS_K2027A for vigil.crypto.keys.k2027a. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
