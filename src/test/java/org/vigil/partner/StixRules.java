package org.vigil.partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The STIX 2.1 rules (OASIS STIX Version 2.1: sections 3.2 and 5 for common properties, 4.7 for the
 * indicator, 7.3 for extensions) that the feed's objects use, checked on the JSON a client receives.
 */
final class StixRules {

    private static final Set<String> REQUIRED =
            Set.of("type", "spec_version", "id", "created", "modified", "pattern", "pattern_type", "valid_from");
    /** type--UUID, an RFC 4122 UUID (variant 10xx, any version). */
    private static final Pattern ID =
            Pattern.compile("^indicator--[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

    private static final Pattern EXTENSION_ID = Pattern.compile(
            "^extension-definition--[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    /** RFC 3339 in UTC with "Z"; created and modified to the millisecond exactly (timestamp_millis). */
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$");

    private static final Pattern MILLIS = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$");
    private static final Pattern PROPERTY = Pattern.compile("^[a-z0-9_]+$");
    private static final Set<String> PATTERN_TYPES = Set.of("stix", "pcre", "sigma", "snort", "suricata", "yara");

    private StixRules() {}

    /** What in {@code object} breaks a rule; empty when it keeps them all. */
    static List<String> violations(Map<String, Object> object) {
        List<String> broken = new ArrayList<>();
        REQUIRED.stream().filter(p -> object.get(p) == null).forEach(p -> broken.add("missing " + p));
        object.keySet().stream()
                .filter(p -> !PROPERTY.matcher(p).matches())
                .forEach(p -> broken.add("property name " + p));
        if (!"indicator".equals(object.get("type"))) {
            broken.add("type " + object.get("type"));
        }
        if (!"2.1".equals(object.get("spec_version"))) {
            broken.add("spec_version " + object.get("spec_version"));
        }
        if (!(object.get("id") instanceof String id && ID.matcher(id).matches())) {
            broken.add("id " + object.get("id"));
        }
        for (String p : List.of("created", "modified")) {
            if (!(object.get(p) instanceof String t && MILLIS.matcher(t).matches())) {
                broken.add(p + " not a millisecond timestamp: " + object.get(p));
            }
        }
        for (String p : List.of("valid_from", "valid_until")) {
            if (object.containsKey(p)
                    && !(object.get(p) instanceof String t
                            && TIMESTAMP.matcher(t).matches())) {
                broken.add(p + " not a timestamp: " + object.get(p));
            }
        }
        if (broken.isEmpty() && instant(object, "modified").isBefore(instant(object, "created"))) {
            broken.add("modified before created");
        }
        if (broken.isEmpty()
                && object.containsKey("valid_until")
                && !instant(object, "valid_until").isAfter(instant(object, "valid_from"))) {
            broken.add("valid_until not after valid_from");
        }
        if (!PATTERN_TYPES.contains(object.get("pattern_type"))) {
            broken.add("pattern_type " + object.get("pattern_type"));
        }
        if (!(object.get("pattern") instanceof String p && p.startsWith("[") && p.endsWith("]"))) {
            broken.add("pattern not an observation expression: " + object.get("pattern"));
        }
        for (String list : List.of("indicator_types", "labels")) {
            if (object.containsKey(list) && !(object.get(list) instanceof List<?> l && !l.isEmpty())) {
                broken.add(list + " present but empty");
            }
        }
        if (object.containsKey("revoked") && !(object.get("revoked") instanceof Boolean)) {
            broken.add("revoked not a boolean");
        }
        if (object.get("extensions") instanceof Map<?, ?> extensions) {
            extensions.forEach((key, value) -> {
                if (!EXTENSION_ID.matcher(key.toString()).matches()) {
                    broken.add("extension key " + key);
                }
                if (!(value instanceof Map<?, ?> extension && extension.get("extension_type") != null)) {
                    broken.add("extension without extension_type");
                }
            });
        }
        return broken;
    }

    private static Instant instant(Map<String, Object> object, String property) {
        return Instant.parse((String) object.get(property));
    }
}
