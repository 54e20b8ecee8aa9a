package org.vigil.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.checklist.ScamType;
import org.vigil.platform.db.Where;
import org.vigil.platform.web.Page;

/**
 * The partner feed (same rows and rules, see {@link PartnerFeed}) as STIX 2.1 indicators, for the
 * tools banks' security teams already run (MISP, OpenCTI, TAXII clients). Each line of an indicator's
 * history that partners see (publication, an urgent one's confirmation, delisting, expiry) is a version
 * of its STIX object, rebuilt from the row as it was then. STIX has no phone, bank account or wallet
 * observable: the pattern names custom observable types, and the value itself is in a property
 * extension, as the JSON feed gives it.
 */
@ApplicationScoped
public class StixFeed {

    /** The key of the property extension carrying the value (a fixed id, so that consumers can map it). */
    public static final String EXTENSION = "extension-definition--6f3b0f6e-58c2-4c55-9b1e-2b7c0f1f9a31";

    public static final String SPEC_VERSION = "2.1";

    /** The media type of the collection's objects (TAXII 2.1's manifest-record media_type). */
    public static final String MEDIA_TYPE = "application/stix+json;version=2.1";

    /** Namespace of the UUIDv5 ids: the same indicator keeps its STIX id across versions. */
    private static final UUID NAMESPACE = UUID.fromString("0d7a4b2e-8f3c-4e55-a1d6-93c2f0e7b845");

    /** STIX's created and modified are to the millisecond (timestamp_millis). */
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final PartnerFeed feed;

    StixFeed(PartnerFeed feed) {
        this.feed = feed;
    }

    /**
     * One page of the {@code types}' indicator versions that {@code match} asks for, added (made)
     * after {@code addedAfter}, in the order they were added; {@code next} is the feed's cursor. Without
     * {@code addedAfter} the indicators listed now, unless {@code match} names ids: an object asked for
     * by id is there in any state. One query serves TAXII's objects, manifest and versions.
     */
    public StixViews.Page page(
            Collection<IndicatorType> types, Instant addedAfter, StixMatch match, String next, int limit) {
        if (match.none()) {
            return new StixViews.Page(List.of(), null);
        }
        // TAXII's added_after is strict, the feed's since inclusive: times are kept to the microsecond
        Instant since = addedAfter == null
                ? null
                : addedAfter.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
        Where where = Where.all();
        if (!match.ids().isEmpty()) {
            where.and("i.stixId in :ids", "ids", match.ids());
        }
        Page<StixViews.Added> page = feed.versions(
                types,
                since,
                match.ids().isEmpty(),
                match.versionCondition(where),
                next,
                limit,
                (i, version) -> new StixViews.Added(indicator(i, version), version.at));
        return new StixViews.Page(page.items(), page.nextCursor());
    }

    /** Whether any version of the objects {@code match} names is in the {@code types}' collection. */
    public boolean exists(Collection<IndicatorType> types, StixMatch match) {
        return !page(types, null, match.anyVersion(), null, 1).items().isEmpty();
    }

    /** The STIX id of the feed's indicator {@code id}: the same across its versions. */
    public static String stixId(long id) {
        return "indicator--" + uuid5("vigil-indicator:" + id);
    }

    /**
     * The indicator as it was in the {@code version} its history line made: revoked from its delisting
     * on; valid until the expiry set then (an urgent publication ran to its confirmation deadline until
     * a second supervisor confirmed it). Its modified is the line's time.
     */
    static StixViews.Indicator indicator(Indicator i, IndicatorEvent version) {
        Instant until = i.urgentConfirmedAt != null && version.at.isBefore(i.urgentConfirmedAt)
                ? (i.urgentExpiresAt.isBefore(i.urgentConfirmBy) ? i.urgentExpiresAt : i.urgentConfirmBy)
                : i.expiresAt;
        return indicator(i, version.at, until, version.action == IndicatorEvent.Action.DELISTED);
    }

    private static StixViews.Indicator indicator(Indicator i, Instant modified, Instant validUntil, boolean revoked) {
        IndicatorViews.Shown shown = IndicatorViews.Shown.of(i.type, i.readableValue());
        return new StixViews.Indicator(
                "indicator",
                SPEC_VERSION,
                stixId(i.id),
                millis(i.publishedAt),
                millis(modified),
                i.type.code() + " " + (shown.bank() != null ? shown.bank() + " " : "")
                        + (shown.provider() != null ? shown.provider() + " " : "") + shown.value(),
                List.of("malicious-activity"),
                pattern(i.type, shown),
                "stix",
                SPEC_VERSION,
                millis(i.publishedAt),
                millis(validUntil),
                revoked,
                i.scamTypes.isEmpty()
                        ? null
                        : i.scamTypes.stream().map(ScamType::code).toList(),
                Map.of(
                        EXTENSION,
                        new StixViews.Value(
                                "property-extension", i.type, shown.value(), shown.bank(), shown.provider(), i.id)));
    }

    /** A STIX pattern matching the value; a listed domain covers its subdomains. */
    static String pattern(IndicatorType type, IndicatorViews.Shown shown) {
        String value = literal(shown.value());
        return switch (type) {
            case PHONE -> "[x-vigil-phone-number:value = " + value + "]";
            case BANK_ACCOUNT ->
                "[x-vigil-bank-account:account_number = " + value + " AND x-vigil-bank-account:bank = "
                        + literal(shown.bank()) + "]";
            case E_WALLET ->
                "[x-vigil-e-wallet:account_id = " + value + " AND x-vigil-e-wallet:provider = "
                        + literal(shown.provider()) + "]";
            case URL ->
                "[domain-name:value = " + value + " OR domain-name:value LIKE " + literal("%." + shown.value()) + "]";
        };
    }

    /** A pattern's string literal: quoted, with quote and backslash escaped. */
    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String millis(Instant instant) {
        return MILLIS.format(instant);
    }

    /** RFC 9562 UUID version 5 (SHA-1 of namespace and name), which java.util.UUID does not make. */
    static UUID uuid5(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer namespace = ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(namespace.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bits.getLong(), bits.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
