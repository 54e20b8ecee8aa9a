package org.vigil.indicator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The partner feed's indicators as STIX 2.1 objects (OASIS STIX Version 2.1, section 4.7). */
public final class StixViews {

    private StixViews() {}

    @Schema(
            name = "StixIndicator",
            description = "A STIX 2.1 indicator SDO. One per listed value: its id stays the same across versions"
                    + " (modified tells the newest); a delisted value comes as `revoked: true`, an expired one with"
                    + " `valid_until` in the past. The value is in the `extensions` entry of StixFeed.EXTENSION.")
    public record Indicator(
            @Schema(examples = "indicator") String type,

            @JsonProperty("spec_version") @Schema(examples = "2.1")
            String specVersion,

            @Schema(
                    description = "indicator--UUIDv5 of the feed's indicator id: stable across versions",
                    examples = "indicator--3f1c2a55-2a9e-5d0b-9d44-6f2f6f7d0c11")
            String id,

            @Schema(description = "Publication, to the millisecond", examples = "2026-07-30T03:12:44.512Z")
            String created,

            @Schema(description = "This version (the feed's updatedAt), to the millisecond")
            String modified,

            @Schema(examples = "phone +84388123456") String name,

            @JsonProperty("indicator_types") @Schema(examples = "[\"malicious-activity\"]")
            List<String> indicatorTypes,

            @Schema(
                    description = "STIX pattern; phones, accounts and wallets use the custom observable types"
                            + " x-vigil-phone-number, x-vigil-bank-account and x-vigil-e-wallet",
                    examples = "[x-vigil-phone-number:value = '+84388123456']")
            String pattern,

            @JsonProperty("pattern_type") @Schema(examples = "stix")
            String patternType,

            @JsonProperty("pattern_version") @Schema(examples = "2.1")
            String patternVersion,

            @JsonProperty("valid_from") @Schema(description = "Listed since (publication)")
            String validFrom,

            @JsonProperty("valid_until") @Schema(description = "Listed until (exclusive), after valid_from")
            String validUntil,

            @Schema(description = "Delisted by the police: remove it")
            boolean revoked,

            @Schema(
                    description = "The scam types, as the JSON feed's scamTypes",
                    examples = "[\"impersonated-police\"]")
            List<String> labels,

            @Schema(description = "One entry, keyed by StixFeed.EXTENSION: the value as the JSON feed gives it")
            Map<String, Value> extensions) {}

    @Schema(
            name = "StixIndicatorValue",
            description = "Property extension of a Vigil indicator: what to block, as in the JSON feed")
    public record Value(
            @JsonProperty("extension_type") @Schema(examples = "property-extension")
            String extensionType,

            @JsonProperty("indicator_type") IndicatorType indicatorType,

            @Schema(
                    description = "Normalised: E.164 phone, account digits, wallet id, or a domain (covering its"
                            + " subdomains)",
                    examples = "+84388123456")
            String value,

            @Schema(examples = "VCB") String bank,
            @Schema(examples = "MOMO") String provider,

            @Schema(description = "The JSON feed's id of this indicator", examples = "42")
            long id) {}

    /** One version of an indicator, with when it was added to the collection (TAXII's date_added). */
    public record Added(Indicator object, Instant dateAdded) {}

    /** A page of versions in the order they were added; {@code next} is the feed's cursor, null on the last page. */
    public record Page(List<Added> items, String next) {

        /** When the page's first version was added; null when it is empty. */
        public Instant firstAdded() {
            return items.isEmpty() ? null : items.get(0).dateAdded();
        }

        /** When the page's last version was added; null when it is empty. */
        public Instant lastAdded() {
            return items.isEmpty() ? null : items.get(items.size() - 1).dateAdded();
        }
    }
}
