package org.vigil.indicator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;

/**
 * What a TAXII 2.1 request asks of the collection (OASIS TAXII 2.1, section 3.4.1): {@code match[id]},
 * {@code match[type]}, {@code match[version]} and {@code match[spec_version]}, each a comma-separated
 * list whose values are ORed, the fields ANDed. A malformed value is a 400 naming its parameter.
 *
 * @param ids the STIX ids asked for; empty for any
 * @param none the type or spec version asked for is one this collection has none of (it holds STIX 2.1
 *     indicators only): nothing matches, and nothing is read
 * @param first the earliest version of each object (its publication)
 * @param last the latest version (the default)
 * @param modified versions whose {@code modified} is exactly one of these (STIX keeps it to the millisecond)
 * @param all every version ({@code first}, {@code last} and {@code modified} unused)
 */
public record StixMatch(
        Set<String> ids, boolean none, boolean first, boolean last, List<Instant> modified, boolean all) {

    public static final String ID = "match[id]";
    public static final String TYPE = "match[type]";
    public static final String VERSION = "match[version]";
    public static final String SPEC_VERSION = "match[spec_version]";

    /** Values one request may list in one field. */
    static final int MAX_VALUES = 100;

    /** A STIX identifier: object type, "--", a UUID (STIX 2.1, section 2.9). */
    private static final Pattern STIX_ID = Pattern.compile(
            "^[a-z0-9][a-z0-9-]{0,248}[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /** A STIX object type name (STIX 2.1, section 3.1): lowercase letters, digits and hyphens. */
    private static final Pattern TYPE_NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,248}[a-z0-9]$");

    private static final Pattern SPEC = Pattern.compile("^[0-9]{1,3}\\.[0-9]{1,3}$");
    /** A STIX timestamp: RFC 3339 in UTC, "Z" (STIX 2.1, section 3.2). */
    private static final Pattern TIMESTAMP =
            Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$");

    private static final String INDICATOR = "indicator";

    /** The filters of the objects and manifest endpoints; absent ones ask for everything, in its latest version. */
    public static StixMatch of(String id, String type, String version, String specVersion) {
        boolean indicators = accepts(TYPE, type, TYPE_NAME, "must be STIX object types such as indicator", INDICATOR);
        boolean stix21 = accepts(
                SPEC_VERSION,
                specVersion,
                SPEC,
                "must be STIX specification versions such as 2.1",
                StixFeed.SPEC_VERSION);
        Set<String> ids = new LinkedHashSet<>();
        for (String value : values(ID, id)) {
            if (!STIX_ID.matcher(value).matches()) {
                throw ApiException.invalid(ID, "must be STIX ids such as indicator--<UUID>");
            }
            ids.add(value.toLowerCase(Locale.ROOT));
        }
        return versions(Set.copyOf(ids), !indicators || !stix21, version);
    }

    /**
     * One object's filters (its address): {@code match[version]} and {@code match[spec_version]};
     * null when {@code objectId} cannot be a STIX id (the object is not found).
     */
    public static StixMatch object(String objectId, String version, String specVersion) {
        if (objectId == null || !STIX_ID.matcher(objectId).matches()) {
            return null;
        }
        return of(objectId, null, version, specVersion);
    }

    /** Every version of one object (the versions resource); null when {@code objectId} cannot be a STIX id. */
    public static StixMatch everyVersion(String objectId, String specVersion) {
        StixMatch one = object(objectId, null, specVersion);
        return one == null ? null : new StixMatch(one.ids, one.none, false, false, List.of(), true);
    }

    /** Every version of the objects asked for, whatever the other filters: whether they exist at all. */
    StixMatch anyVersion() {
        return new StixMatch(ids, false, false, false, List.of(), true);
    }

    private static StixMatch versions(Set<String> ids, boolean none, String version) {
        List<String> values = values(VERSION, version);
        if (values.isEmpty()) {
            return new StixMatch(ids, none, false, true, List.of(), false);
        }
        if (values.size() != new LinkedHashSet<>(values).size()) {
            throw ApiException.invalid(VERSION, "must not name a version twice");
        }
        if (values.contains("all")) {
            if (values.size() > 1) {
                throw ApiException.invalid(VERSION, "all must be the only value");
            }
            return new StixMatch(ids, none, false, false, List.of(), true);
        }
        List<Instant> modified = new ArrayList<>();
        for (String value : values) {
            if (!value.equals("first") && !value.equals("last")) {
                modified.add(timestamp(value));
            }
        }
        return new StixMatch(
                ids, none, values.contains("first"), values.contains("last"), List.copyOf(modified), false);
    }

    private static Instant timestamp(String value) {
        String problem = "must be first, last, all, or STIX timestamps such as 2026-07-30T03:12:44.512Z";
        if (!TIMESTAMP.matcher(value).matches()) {
            throw ApiException.invalid(VERSION, problem);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(VERSION, problem);
        }
    }

    /** Whether the field (absent: any value) lets {@code held} through; a value of the wrong form is a 400. */
    private static boolean accepts(String field, String list, Pattern form, String problem, String held) {
        List<String> values = values(field, list);
        for (String value : values) {
            if (!form.matcher(value).matches()) {
                throw ApiException.invalid(field, problem);
            }
        }
        return values.isEmpty() || values.contains(held);
    }

    /** The comma-separated values of a field (given blank: absent, as added_after); an empty value is malformed. */
    private static List<String> values(String field, String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        List<String> values = List.of(list.split(",", -1));
        if (values.size() > MAX_VALUES) {
            throw ApiException.invalid(field, "must list at most " + MAX_VALUES + " values");
        }
        if (values.stream().anyMatch(String::isEmpty)) {
            throw ApiException.invalid(field, "must be comma-separated values without empty ones or spaces");
        }
        return values;
    }

    /**
     * The version filter as a condition on the history line {@code e} that made a version of indicator
     * {@code i}, added to {@code where} (nothing when every version matches). The first version is the publication, the latest the
     * one that set updatedAt; {@code modified} is the line's time to the millisecond.
     */
    Where versionCondition(Where where) {
        if (all) {
            return where;
        }
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (first) {
            any.add("e.at = i.publishedAt");
        }
        if (last) {
            any.add("e.at = i.updatedAt");
        }
        for (Instant version : modified) {
            if (version.getNano() % 1_000_000 != 0) {
                continue; // no modified has digits below the millisecond
            }
            int n = params.size() / 2;
            any.add("(e.at >= :modified" + n + " and e.at < :before" + n + ")");
            params.put("modified" + n, version);
            params.put("before" + n, version.plusMillis(1));
        }
        return where.and(any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")", params);
    }
}
