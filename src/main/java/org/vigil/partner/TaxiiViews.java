package org.vigil.partner;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.indicator.StixFeed;
import org.vigil.indicator.StixViews;

/** TAXII 2.1 resources (OASIS TAXII Version 2.1, sections 4 and 5) of the partner feed. */
public final class TaxiiViews {

    private TaxiiViews() {}

    @Schema(name = "TaxiiDiscovery", description = "TAXII 2.1 discovery resource")
    public record Discovery(
            @Schema(examples = "Vigil partner feed") String title,
            String description,

            @JsonProperty("default") @Schema(examples = "https://vigil.example.gov.vn/taxii2/partner/")
            String defaultRoot,

            @JsonProperty("api_roots") List<String> apiRoots) {}

    @Schema(name = "TaxiiApiRoot", description = "TAXII 2.1 API root resource")
    public record ApiRoot(
            String title,
            String description,

            @Schema(examples = "[\"application/taxii+json;version=2.1\"]")
            List<String> versions,

            @JsonProperty("max_content_length")
            @Schema(description = "0: this root accepts no object (the collection is read-only)")
            long maxContentLength) {}

    @Schema(name = "TaxiiCollections", description = "TAXII 2.1 collections resource")
    public record Collections(List<Collection> collections) {}

    @Schema(name = "TaxiiCollection", description = "TAXII 2.1 collection resource")
    public record Collection(
            @Schema(examples = "5b1e3c0a-7d44-4f0e-9a61-2c8f4e1d7b90")
            String id,

            @Schema(examples = "Verified scam indicators") String title,
            String description,
            @Schema(examples = "[\"partner-feed\"]") List<String> alias,
            @JsonProperty("can_read") boolean canRead,
            @JsonProperty("can_write") boolean canWrite,

            @JsonProperty("media_types") @Schema(examples = "[\"application/stix+json;version=2.1\"]")
            List<String> mediaTypes) {}

    @Schema(name = "TaxiiEnvelope", description = "TAXII 2.1 envelope: one page of STIX objects")
    public record Envelope(
            @Schema(description = "More objects follow: ask again with `next`")
            boolean more,

            @Schema(description = "Opaque; send it as the next parameter; absent on the last page")
            String next,

            List<StixViews.Indicator> objects) {}

    @Schema(
            name = "TaxiiManifest",
            description = "TAXII 2.1 manifest: one page of records, one per object version (no `objects` when none)")
    public record Manifest(
            @Schema(description = "More records follow: ask again with `next`")
            boolean more,

            @Schema(description = "Opaque; send it as the next parameter; absent on the last page")
            String next,

            List<ManifestRecord> objects) {}

    @Schema(name = "TaxiiManifestRecord", description = "TAXII 2.1 manifest-record: one version of an object")
    public record ManifestRecord(
            @Schema(examples = "indicator--0b5c4e1e-5d61-5a8e-9f0a-7c2f3b1d9e44")
            String id,

            @JsonProperty("date_added")
            @Schema(
                    description = "When this version was added to the collection, to the microsecond",
                    examples = "2026-07-30T04:00:02.118204Z")
            String dateAdded,

            @Schema(description = "The version: the object's modified", examples = "2026-07-30T04:00:02.118Z")
            String version,

            @JsonProperty("media_type") @Schema(examples = "application/stix+json;version=2.1")
            String mediaType) {

        static ManifestRecord of(StixViews.Added added) {
            return new ManifestRecord(
                    added.object().id(),
                    added.dateAdded().toString(),
                    added.object().modified(),
                    StixFeed.MEDIA_TYPE);
        }
    }

    @Schema(
            name = "TaxiiVersions",
            description = "TAXII 2.1 versions: an object's versions, oldest first (no `versions` when none)")
    public record Versions(
            @Schema(description = "More versions follow: ask again with `next`")
            boolean more,

            @Schema(description = "Opaque; send it as the next parameter; absent on the last page")
            String next,

            @Schema(examples = "[\"2026-07-30T03:12:44.512Z\", \"2026-07-30T04:00:02.118Z\"]")
            List<String> versions) {}
}
