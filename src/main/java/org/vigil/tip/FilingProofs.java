package org.vigil.tip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.platform.crypto.SignedStatements;
import org.vigil.platform.error.ApiException;

/**
 * A tipster's filing proof: a signed statement that "a tip with this reference was received at this
 * minute, naming this identifier", to show a bank when asking it to freeze an account. It says nothing
 * about the tipster (no contact, narrative, place or device), only what the bank needs to match its own
 * records; its times are to the minute, like every time kept about a tipster. A partner asks whether one
 * is genuine and unexpired, and learns nothing else: verifying reads no tip.
 */
@ApplicationScoped
public class FilingProofs {

    /** The JWS {@code typ} of a filing proof: no other kind of statement passes as one. */
    static final String TYPE = "vigil-filing-proof+jwt";

    private final SignedStatements statements;
    private final TipService tips;
    private final TipConfig config;

    FilingProofs(SignedStatements statements, TipService tips, TipConfig config) {
        this.statements = statements;
        this.tips = tips;
        this.config = config;
    }

    /** One proof per identifier the tip names, for the tipster holding its receipt (else the same 404 as status). */
    @Transactional
    public TipViews.FilingProofs issue(String reference, String receipt, String sourceKey) {
        Tip tip = tips.verified(reference, receipt, sourceKey);
        Instant issued = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant expires = issued.plus(config.filingProofValidity());
        List<TipViews.FilingProof> proofs =
                TipIdentifier.<TipIdentifier>list("tipId = ?1 order by position", tip.id).stream()
                        .filter(i -> i.value != null) // one that no longer decrypts in its place is left out
                        .map(i -> {
                            TipViews.ProvenIdentifier named = named(i.type, i.value);
                            return new TipViews.FilingProof(
                                    named, statements.sign(TYPE, claims(tip, named), issued, expires));
                        })
                        .toList();
        return new TipViews.FilingProofs(tip.reference, tip.createdAt, expires, proofs);
    }

    /**
     * Nothing when {@code proof} is a genuine, unexpired filing proof; else a problem: 400 for what is
     * no compact JWS at all, 422 {@code filing-proof-not-genuine} or {@code filing-proof-expired}.
     */
    public void verify(String proof) {
        try {
            statements.verify(TYPE, proof);
        } catch (SignedStatements.RefusedException e) {
            throw switch (e.refusal()) {
                case MALFORMED -> ApiException.invalid("proof", "is not a compact JWS (three base64url parts)");
                case EXPIRED ->
                    new ApiException(
                            422,
                            "/problems/filing-proof-expired",
                            "Filing proof expired",
                            "The proof was genuine but has expired: the tipster can ask for a new one");
                case NOT_GENUINE ->
                    new ApiException(
                            422,
                            "/problems/filing-proof-not-genuine",
                            "Not a genuine filing proof",
                            "The proof is not signed by one of the keys at /.well-known/jwks.json, or was altered");
            };
        }
    }

    private static Map<String, Object> claims(Tip tip, TipViews.ProvenIdentifier named) {
        Map<String, Object> identifier = new LinkedHashMap<>();
        identifier.put("type", named.type().code());
        identifier.put("value", named.value());
        if (named.bank() != null) {
            identifier.put("bank", named.bank());
        }
        if (named.provider() != null) {
            identifier.put("provider", named.provider());
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("reference", tip.reference);
        claims.put("receivedAt", tip.createdAt.truncatedTo(ChronoUnit.MINUTES).toString());
        claims.put("identifier", identifier);
        return claims;
    }

    /** The identifier as normalised (a link as its host: the rest of a link may carry the victim's own data). */
    static TipViews.ProvenIdentifier named(IdentifierType type, String shown) {
        String canonical = IdentifierNormalizer.stored(type, shown).canonical();
        int colon = canonical.indexOf(':');
        return switch (type) {
            case BANK_ACCOUNT ->
                new TipViews.ProvenIdentifier(
                        type, canonical.substring(colon + 1), canonical.substring(0, colon), null);
            case E_WALLET ->
                new TipViews.ProvenIdentifier(
                        type, canonical.substring(colon + 1), null, canonical.substring(0, colon));
            default -> new TipViews.ProvenIdentifier(type, canonical, null, null);
        };
    }
}
