package org.vigil.campaign;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** New times for a postponed, cancelled or moved event; it becomes scheduled again. */
@Schema(name = "RescheduleRequest")
public record RescheduleRequest(
        @NotNull @Schema(type = SchemaType.STRING, format = "date-time-local", examples = "2027-08-06T07:30:00")
        LocalDateTime start,

        @NotNull @Schema(type = SchemaType.STRING, format = "date-time-local", examples = "2027-08-06T09:30:00")
        LocalDateTime end,

        @Size(max = 64)
        @Schema(description = "IANA time zone; the event's current zone when absent", examples = "Asia/Ho_Chi_Minh")
        String zone) {}
