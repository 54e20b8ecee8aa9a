package org.vigil.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.checklist.ScamType;
import org.vigil.platform.error.ApiException;
import org.vigil.tip.IdentifierKeys;
import org.vigil.tip.TipRequests;

/** Look-ups of listed indicators: by value for the check and disputes, by a tip's identifiers for triage. */
@ApplicationScoped
public class IndicatorLookups {

    /** The scam type codes a proposal may name, in their order: what a form offers to tick. */
    public static List<String> scamTypeCodes() {
        return Arrays.stream(ScamType.values()).map(ScamType::code).toList();
    }

    private final IdentifierKeys keys;
    private final EntityManager em;

    IndicatorLookups(IdentifierKeys keys, EntityManager em) {
        this.keys = keys;
        this.em = em;
    }

    /**
     * For each identifier (given by its lookup hashes, most specific first) the listed indicator
     * it matches, or null. One query for all of them.
     */
    @Transactional
    public List<IndicatorViews.Mark> marks(List<List<byte[]>> lookupHashes) {
        List<byte[]> all = lookupHashes.stream().flatMap(List::stream).toList();
        Map<String, Indicator> listed = new LinkedHashMap<>();
        if (!all.isEmpty()) {
            listedAmong(all, Indicator.now()).forEach(i -> listed.putIfAbsent(hex(i.valueHash), i));
        }
        List<IndicatorViews.Mark> marks = new ArrayList<>();
        for (List<byte[]> hashes : lookupHashes) {
            Indicator match = hashes.stream()
                    .map(h -> listed.get(hex(h)))
                    .filter(i -> i != null)
                    .findFirst()
                    .orElse(null);
            marks.add(
                    match == null
                            ? null
                            : new IndicatorViews.Mark(match.id, match.publishedAt, match.expiresAt, match.scamTypes));
        }
        return marks;
    }

    /** The listed indicator matching the first (most specific) of {@code hashes} that matches any. */
    Optional<Indicator> listedMatch(List<byte[]> hashes, Instant now) {
        List<Indicator> found = listedAmong(hashes, now);
        for (byte[] hash : hashes) {
            String wanted = hex(hash);
            for (Indicator indicator : found) {
                if (hex(indicator.valueHash).equals(wanted)) {
                    return Optional.of(indicator);
                }
            }
        }
        return Optional.empty();
    }

    private List<Indicator> listedAmong(List<byte[]> hashes, Instant now) {
        return em.createQuery(
                        "select i from Indicator i where i.valueHash in :hashes and i.status = :published"
                                + " and i.expiresAt > :now",
                        Indicator.class)
                .setParameter("hashes", hashes)
                .setParameter("published", Indicator.Status.PUBLISHED)
                .setParameter("now", now)
                .getResultList();
    }

    IdentifierKeys.Key normalize(IndicatorType type, String value, String bank, String provider) {
        IdentifierKeys.Key key =
                keys.of("", new TipRequests.Tip.Identifier(type.identifierType(), value, bank, provider));
        requireListable(key, "value");
        return key;
    }

    static void requireListable(IdentifierKeys.Key key, String field) {
        if (key.publicSuffix()) {
            throw ApiException.invalid(
                    field, "is a domain nobody owns (a public suffix such as com.vn): name the site's" + " own domain");
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
