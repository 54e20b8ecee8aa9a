package org.vigil.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.platform.web.Slugs;

/** Request bodies of the campaign event endpoints. */
public final class EventRequests {

    private EventRequests() {}

    /**
     * What an editor sets on an event (create and full replacement). Id, status, version and
     * timestamps are not here: status changes through postpone / cancel / reschedule.
     */
    @Schema(name = "EventRequest", description = "An event as an editor writes it")
    public record Event(
            @Size(max = 80)
            @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters, digits and single hyphens")
            @Schema(
                    description = "Address of the event in URLs. Generated from the title when absent on create; "
                            + "when absent on update the current one is kept",
                    examples = "mit-tinh-30-7-2027-phan-rang")
            String slug,

            @NotBlank
            @Size(max = 200)
            @Schema(examples = "Mít tinh hưởng ứng Ngày toàn quốc phòng, chống mua bán người 30/7")
            String title,

            @Size(max = 5000) @Schema(description = "Plain text")
            String description,

            @NotNull
            @Schema(
                    description = "Local start (wall-clock time in `zone`)",
                    type = SchemaType.STRING,
                    format = "date-time-local",
                    examples = "2027-07-30T07:30:00")
            LocalDateTime start,

            @NotNull
            @Schema(
                    description = "Local end, after start",
                    type = SchemaType.STRING,
                    format = "date-time-local",
                    examples = "2027-07-30T09:30:00")
            LocalDateTime end,

            @Size(max = 64)
            @Schema(
                    description = "IANA time zone of start and end; the service's default zone when absent",
                    examples = "Asia/Ho_Chi_Minh")
            String zone,

            @Size(max = 200) @Schema(examples = "Quảng trường 16 Tháng 4")
            String venue,

            @Size(max = 300) @Schema(examples = "Đường 16 Tháng 4, phường Phan Rang, tỉnh Khánh Hòa")
            String address,

            @Valid EventRequests.Coordinates coordinates,

            @Size(max = 64)
            @Pattern(regexp = EventFilter.REGION_PATTERN, message = "must be letters, digits, hyphens and dots")
            @Schema(
                    description =
                            "Region code, free data; dots nest regions (`khanh-hoa.phan-rang` lies in `khanh-hoa`)",
                    examples = "khanh-hoa.phan-rang")
            String region,

            @Size(max = 200) @Schema(examples = "Công an tỉnh")
            String organiser,

            @Size(max = 10)
            @Schema(description = "Who the event is for", examples = "[\"students\", \"union-members\"]")
            List<
                            @NotNull
                            @Pattern(
                                    regexp = Slugs.PATTERN,
                                    message = "must be lower-case letters, digits and single hyphens")
                            @Size(max = 40) String>
                    audience,

            @Size(max = 64)
            @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters, digits and single hyphens")
            @Schema(description = "Campaign tag", examples = "july-30-2027")
            String campaign,

            @Size(max = 12)
            @Schema(description = "Language the event is written in; the default language when absent", examples = "vi")
            String lang) {}

    /** New times for a postponed, cancelled or moved event; it becomes scheduled again. */
    @Schema(name = "RescheduleRequest")
    public record Reschedule(
            @NotNull @Schema(type = SchemaType.STRING, format = "date-time-local", examples = "2027-08-06T07:30:00")
            LocalDateTime start,

            @NotNull @Schema(type = SchemaType.STRING, format = "date-time-local", examples = "2027-08-06T09:30:00")
            LocalDateTime end,

            @Size(max = 64)
            @Schema(description = "IANA time zone; the event's current zone when absent", examples = "Asia/Ho_Chi_Minh")
            String zone) {}

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
}
