package org.vigil.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Statements the service signs for a third party to check: compact JWS (RFC 7515) with EdDSA over
 * Ed25519 (RFC 8037), a JWT claims set with {@code iat} and {@code exp}, and a {@code typ} naming the
 * kind of statement, so that one kind is never accepted as another. Every configured key is
 * published; the active one signs, so a key is rotated by adding a new id, making it active, and
 * removing the old one once its statements have expired.
 */
@ApplicationScoped
public class SignedStatements {

    /** Why a statement is refused. */
    public enum Refusal {
        /** Not a compact JWS at all. */
        MALFORMED,
        /** Not signed by one of our keys, of another kind, or its claims are not ours. */
        NOT_GENUINE,
        /** Genuine, but past its {@code exp}. */
        EXPIRED
    }

    /** A statement refused by {@link #verify}. */
    public static final class RefusedException extends Exception {
        private final Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final String activeKeyId;
    private final Map<String, OctetKeyPairJsonWebKey> keys;

    SignedStatements(SigningConfig config) {
        validate(config.activeKeyId(), config.keys());
        this.activeKeyId = config.activeKeyId().orElseThrow();
        Map<String, OctetKeyPairJsonWebKey> byId = new LinkedHashMap<>();
        config.keys().forEach((id, seed) -> byId.put(id, key(id, seed)));
        this.keys = Map.copyOf(byId);
    }

    /**
     * Refuses keys that cannot sign: no active id, or a key that is not base64 of 32 bytes. The message
     * names the setting, never a value.
     */
    public static void validate(Optional<String> activeKeyId, Map<String, String> keys) {
        if (activeKeyId.isEmpty() || !keys.containsKey(activeKeyId.get())) {
            throw new IllegalStateException("vigil.signing.active-key-id must name one of vigil.signing.keys");
        }
        keys.forEach((id, seed) -> {
            if (seed(seed) == null) {
                throw new IllegalStateException("vigil.signing.keys." + id + " is not base64 of 32 bytes");
            }
        });
    }

    /** A compact JWS of {@code type} over {@code claims}, issued now and valid until {@code expires}. */
    public String sign(String type, Map<String, Object> claims, Instant issued, Instant expires) {
        JwtClaims set = new JwtClaims();
        set.setIssuedAt(NumericDate.fromSeconds(issued.getEpochSecond()));
        set.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.forEach(set::setClaim);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(set.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setKeyIdHeaderValue(activeKeyId);
        jws.setHeader("typ", type);
        jws.setKey(keys.get(activeKeyId).getPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code compact} is a genuine, unexpired statement of {@code type} signed by one of our keys. */
    public void verify(String type, String compact) throws RefusedException {
        if (compact == null || !COMPACT.matcher(compact).matches()) {
            throw new RefusedException(Refusal.MALFORMED);
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireIssuedAt()
                .setRequireExpirationTime()
                .setExpectedType(true, type)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.EDDSA)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(List.<JsonWebKey>copyOf(keys.values())))
                .build();
        try {
            consumer.processToClaims(compact);
        } catch (InvalidJwtException e) {
            // jose4j checks the signature before the claims: an expiry is only reported for a genuine statement
            boolean onlyExpired = e.hasExpired()
                    && e.getErrorDetails().stream().allMatch(d -> d.getErrorCode() == ErrorCodes.EXPIRED);
            throw new RefusedException(onlyExpired ? Refusal.EXPIRED : Refusal.NOT_GENUINE);
        }
    }

    /** The public keys as a JWK Set (RFC 7517), for {@code /.well-known/jwks.json}. */
    public String jwks() {
        return new JsonWebKeySet(List.<JsonWebKey>copyOf(keys.values()))
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static OctetKeyPairJsonWebKey key(String id, String base64Seed) {
        KeyPair pair = ed25519(seed(base64Seed));
        OctetKeyPairJsonWebKey jwk = new OctetKeyPairJsonWebKey(pair.getPublic());
        jwk.setPrivateKey(pair.getPrivate());
        jwk.setKeyId(id);
        jwk.setAlgorithm(AlgorithmIdentifiers.EDDSA);
        jwk.setUse("sig");
        return jwk;
    }

    /**
     * The key pair of a 32-byte Ed25519 private key. The JDK derives a public key only while generating:
     * its generator reads exactly the private key's 32 bytes from the random source (RFC 8032, 5.1.5),
     * so a source giving the configured bytes yields the configured key and its public half.
     */
    static KeyPair ed25519(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
        }
    }

    private static byte[] seed(String base64) {
        try {
            byte[] seed = Base64.getDecoder().decode(base64.strip());
            return seed.length == 32 ? seed : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
