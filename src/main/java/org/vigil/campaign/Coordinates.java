package org.vigil.campaign;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** WGS 84 position of the venue; both parts or none (the whole object is optional). */
@Schema(description = "WGS 84 position of the venue")
public record Coordinates(
        @NotNull
        @DecimalMin("-90")
        @DecimalMax("90")
        @Schema(description = "Latitude in degrees", examples = "11.5647", minimum = "-90", maximum = "90")
        Double lat,

        @NotNull
        @DecimalMin("-180")
        @DecimalMax("180")
        @Schema(description = "Longitude in degrees", examples = "108.9886", minimum = "-180", maximum = "180")
        Double lon) {}
