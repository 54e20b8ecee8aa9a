package org.vigil.campaign;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the campaign event endpoints. */
public final class EventViews {

    private EventViews() {}

    /** An event as clients see it, public and admin alike. */
    @Schema(name = "Event")
    public record Event(
            @Schema(examples = "42") long id,

            @Schema(examples = "mit-tinh-30-7-2027-phan-rang")
            String slug,

            @Schema(description = "Language the event is written in", examples = "vi")
            String lang,

            @Schema(examples = "Mít tinh hưởng ứng Ngày toàn quốc phòng, chống mua bán người 30/7")
            String title,

            String description,

            @Schema(
                    enumeration = {"scheduled", "postponed", "cancelled"},
                    examples = "scheduled")
            String status,

            @JsonFormat(pattern = LOCAL_FORMAT)
            @Schema(
                    description = "Local start, wall-clock time in `zone`",
                    type = SchemaType.STRING,
                    format = "date-time-local",
                    examples = "2027-07-30T07:30:00")
            LocalDateTime start,

            @JsonFormat(pattern = LOCAL_FORMAT)
            @Schema(
                    description = "Local end, wall-clock time in `zone`",
                    type = SchemaType.STRING,
                    format = "date-time-local",
                    examples = "2027-07-30T09:30:00")
            LocalDateTime end,

            @Schema(description = "IANA time zone of start and end", examples = "Asia/Ho_Chi_Minh")
            String zone,

            @Schema(description = "Start as a UTC instant", examples = "2027-07-30T00:30:00Z")
            Instant startsAt,

            @Schema(description = "End as a UTC instant", examples = "2027-07-30T02:30:00Z")
            Instant endsAt,

            @Schema(examples = "Quảng trường 16 Tháng 4") String venue,
            String address,
            EventRequests.Coordinates coordinates,
            @Schema(examples = "khanh-hoa.phan-rang") String region,
            @Schema(examples = "Công an tỉnh") String organiser,

            @Schema(examples = "[\"students\", \"union-members\"]")
            List<String> audience,

            @Schema(description = "Campaign tag", examples = "july-30-2027")
            String campaign,

            @Schema(examples = "2026-11-29T03:15:00Z") Instant updatedAt,

            @Schema(
                    description = "Raised on every change; also the calendar feed's SEQUENCE and the admin ETag",
                    examples = "3")
            long version) {

        static final String LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

        static EventViews.Event of(CampaignEvent e) {
            EventRequests.Coordinates coordinates =
                    e.latitude == null ? null : new EventRequests.Coordinates(e.latitude, e.longitude);
            return new EventViews.Event(
                    e.id,
                    e.slug,
                    e.lang,
                    e.title,
                    e.description,
                    e.status.code(),
                    e.localStart,
                    e.localEnd,
                    e.zone,
                    e.startsAt,
                    e.endsAt,
                    e.venue,
                    e.address,
                    coordinates,
                    e.region,
                    e.organiser,
                    e.audience,
                    e.campaign,
                    e.updatedAt,
                    e.version);
        }
    }

    /** Documents the list answer; the endpoint returns a {@link Page} of {@link EventViews.Event}. */
    @Schema(name = "EventPage")
    public record EventPage(
            List<EventViews.Event> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor) {}
}
