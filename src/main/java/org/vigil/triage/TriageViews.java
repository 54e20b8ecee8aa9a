package org.vigil.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.indicator.IndicatorViews;
import org.vigil.tip.TipCategory;
import org.vigil.tip.TipStatus;

/** Response bodies of the police endpoints. */
public final class TriageViews {

    private TriageViews() {}

    @Schema(name = "PoliceQueueItem", description = "A tip in the police queue (no content: open it to read it)")
    public record QueueItem(
            @Schema(examples = "7KQM2XHD9PA") String reference,
            @Schema(examples = "NEW") TipStatus status,
            @Schema(examples = "kidnapping-ransom") TipCategory category,
            boolean inDangerNow,
            @Schema(examples = "VN-31") String regionCode,
            @Schema(examples = "NORMAL") Priority priority,

            @Schema(
                    description = "The officer working on it (JWT upn); absent when unclaimed",
                    examples = "officer.lan")
            String assignee,

            @Schema(examples = "2026-07-30T02:15:00Z") Instant receivedAt) {}

    @Schema(
            name = "PoliceQueue",
            description = "One page of the queue, with the number of visible tips per status"
                    + " (for the same filters, status aside)")
    public record Queue(
            List<QueueItem> items,

            @Schema(description = "Opaque cursor for the next page; absent on the last page")
            String nextCursor,

            @Schema(examples = "{\"NEW\": 4, \"TRIAGED\": 2}")
            Map<TipStatus, Long> counts) {}

    @Schema(
            name = "PoliceTipDetails",
            description = "A tip decrypted for an officer; reading it is recorded in the audit log")
    public record Details(
            @Schema(examples = "7KQM2XHD9PA") String reference,
            TipStatus status,
            TipCategory category,
            boolean inDangerNow,
            @Schema(examples = "2026-07-12") LocalDate incidentDate,
            @Schema(examples = "VN-31") String regionCode,

            @Schema(description = "Place as the tipster gave it: text, latitude, longitude")
            Map<String, Object> place,

            @Schema(examples = "Em họ tôi bị giữ ở Campuchia, gia đình bị đòi 200 triệu đồng tiền chuộc.")
            String narrative,

            @Schema(description = "How to reach the tipster, only if they chose to be reachable")
            Map<String, Object> contact,

            @Schema(examples = "vi") String language,
            Instant receivedAt,
            Priority priority,
            @Schema(examples = "officer.lan") String assignee,
            List<String> labels,

            @Schema(description = "Why the tip was rejected", examples = "duplicate")
            String rejection,

            @Schema(examples = "4HX9TQ2M8B7") String duplicateOf,
            List<Identifier> identifiers,

            @Schema(description = "The thread with the tipster, oldest first")
            List<Message> messages,

            List<Attachment> attachments,

            @Schema(description = "Internal notes, oldest first; never shown to the tipster")
            List<Note> notes,

            @Schema(description = "Visible tips naming one of the same identifiers")
            List<QueueItem> related,

            @Schema(description = "Kept past the retention period by a supervisor")
            boolean legalHold,

            @Schema(description = "When the content was deleted under the retention rules; absent while kept")
            Instant contentPurgedAt,

            @Schema(description = "Optimistic-lock version of the tip")
            long version,

            @Schema(
                    description = "Fields whose stored value does not decrypt in its place (altered or moved in the"
                            + " database): they are shown as null. Empty when everything could be read",
                    examples = "[\"messages[1].text\"]")
            List<String> unreadable) {}

    @Schema(name = "PoliceTipIdentifier")
    public record Identifier(
            @Schema(examples = "phone") String type,
            @Schema(examples = "+84912345678") String value,

            @Schema(description = "Its position in the tip, for proposing it as an indicator", examples = "0")
            int position,

            @Schema(description = "Present when it matches a police-verified, listed scam indicator")
            IndicatorViews.Mark listedIndicator) {}

    @Schema(name = "PoliceTipMessage")
    public record Message(
            @Schema(
                    examples = "tipster",
                    enumeration = {"tipster", "police"})
            String from,

            @Schema(examples = "Số điện thoại mới của người tuyển dụng là 0987 654 321.")
            String text,

            Instant sentAt) {}

    @Schema(name = "PoliceTipAttachment")
    public record Attachment(
            @Schema(description = "Id for the download endpoint", examples = "42")
            long id,

            @Schema(examples = "chuyen-khoan.jpg") String name,
            @Schema(examples = "image/jpeg") String mediaType,
            @Schema(examples = "184233") long size,

            @Schema(description = "SHA-256 (hex) of the stored file")
            String sha256,

            boolean locationKept) {}

    @Schema(name = "PoliceTipNote")
    public record Note(
            @Schema(examples = "officer.lan") String author,

            @Schema(examples = "Đã đối chiếu số tài khoản với vụ việc tháng 6.")
            String text,

            Instant createdAt) {}

    @Schema(name = "PoliceClaim", description = "Who works on a tip now")
    public record Claim(
            @Schema(examples = "7KQM2XHD9PA") String reference,

            @Schema(description = "Absent when nobody does", examples = "officer.lan")
            String assignee,

            Instant claimedAt) {}

    @Schema(
            name = "PoliceAuditEntry",
            description = "One recorded action of an officer, on a tip or (identifier searches,"
                    + " readings of disputes) on none")
    public record Audit(
            @Schema(description = "The tip; absent for an access that is not to one tip", examples = "7KQM2XHD9PA")
            String reference,

            @Schema(examples = "officer.lan") String actor,
            @Schema(examples = "VIEW") AuditAction action,
            @Schema(examples = "NEW -> TRIAGED") String detail,
            Instant at) {}
}
