package org.vigil.tip;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vigil.platform.crypto.KeyedHash;
import org.vigil.platform.error.ApiException;

/**
 * Tips' identifier normalisation and keyed hashing, for features that match against what tips
 * name (scam indicators): the same canonical form and the same HMAC, so that a hash made here
 * equals {@link TipIdentifier#normalizedHash} of a tip naming the same number, account or link.
 */
@ApplicationScoped
public class IdentifierKeys {

    /**
     * A normalised identifier. {@code value} is the canonical form (E.164 phone, {@code BANK:digits},
     * {@code PROVIDER:id}, lower-case host without www); {@code hash} its keyed hash;
     * {@code lookupHashes} the hashes under which it can match a listed one (for a link: its host and
     * parent domains up to the registrable domain, most specific first). {@code publicSuffix}: a link
     * to a domain nobody owns (com.vn, github.io).
     */
    public record Key(
            IdentifierType type, String value, byte[] hash, List<byte[]> lookupHashes, boolean publicSuffix) {}

    private final KeyedHash hash;

    IdentifierKeys(KeyedHash hash) {
        this.hash = hash;
    }

    /** As a tip's identifier is normalised; a 400 naming {@code fieldPrefix} + value, bank or provider. */
    public Key of(String fieldPrefix, TipRequests.Tip.Identifier identifier) {
        return key(IdentifierNormalizer.normalize(fieldPrefix, identifier));
    }

    /** A tip's identifier as stored (its decrypted value), normalised again. */
    public Key stored(IdentifierType type, String storedValue) {
        return key(IdentifierNormalizer.stored(type, storedValue));
    }

    /**
     * The hashes under which a stored tip identifier can match a listed one; only its stored hash
     * when its value no longer normalises (it always did when the tip came in).
     */
    public List<byte[]> lookupHashes(TipIdentifier identifier, String storedValue) {
        try {
            return stored(identifier.type, storedValue).lookupHashes();
        } catch (ApiException e) {
            return List.of(identifier.normalizedHash);
        }
    }

    private Key key(IdentifierNormalizer.Normalized normalized) {
        List<byte[]> lookups =
                normalized.lookupKeys().stream().map(this::hashOf).toList();
        return new Key(
                normalized.type(),
                normalized.canonical(),
                hashOf(normalized.key()),
                lookups,
                normalized.publicSuffix());
    }

    private byte[] hashOf(String normalizedKey) {
        return hash.hash(TipService.IDENTIFIER_PURPOSE, normalizedKey);
    }
}
