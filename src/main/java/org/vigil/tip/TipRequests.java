package org.vigil.tip;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Request bodies of the tip endpoints. */
public final class TipRequests {

    private TipRequests() {}

    /** What a citizen sends. Nothing about the sender (address, device) is asked or kept. */
    @Schema(name = "TipRequest", description = "An anonymous tip. Only category and narrative are required.")
    public record Tip(
            @NotNull @Schema(required = true, examples = "human-trafficking")
            TipCategory category,

            @NotBlank
            @Size(max = TipRequests.Tip.MAX_NARRATIVE)
            @Schema(
                    required = true,
                    maxLength = TipRequests.Tip.MAX_NARRATIVE,
                    description = "What happened, in the tipster's own words",
                    examples =
                            "Một người trên Facebook tuyển lao động sang Campuchia, lương 1.500 USD/tháng, bao vé máy bay. Em họ tôi đã đi và nay bị giữ lại, gia đình bị đòi 200 triệu đồng tiền chuộc.")
            String narrative,

            @PastOrPresent
            @Schema(description = "When it happened, if known (not in the future)", examples = "2026-07-12")
            LocalDate incidentDate,

            @Valid Place place,

            @Schema(description = "Someone is in danger now: the police see this tip first", defaultValue = "false")
            Boolean inDangerNow,

            @Size(max = TipRequests.Tip.MAX_IDENTIFIERS)
            @Schema(description = "Phone numbers, accounts, links... used by the suspects (at most 20)")
            List<@NotNull @Valid Identifier> identifiers,

            @Valid @Schema(description = "Only if the tipster chooses to be contacted; leave out to stay anonymous")
            Contact contact,

            @Size(max = 12)
            @Schema(
                    description = "Language of the tip and of the answer; defaults from Accept-Language, then vi",
                    examples = "vi")
            String lang) {

        public static final int MAX_NARRATIVE = 20_000;
        public static final int MAX_IDENTIFIERS = 20;

        @Schema(name = "TipPlace", description = "Where it happened; every part optional, coordinates go together")
        public record Place(
                @Size(max = 500) @Schema(examples = "Xã Nhơn Hải, TP. Quy Nhơn")
                String text,

                @Size(max = 6)
                @Pattern(
                        regexp = "[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?",
                        message = "must be an ISO 3166 code such as VN or VN-31")
                @Schema(description = "ISO 3166-1 or 3166-2 code", examples = "VN-31")
                String regionCode,

                @DecimalMin("-90") @DecimalMax("90") @Schema(examples = "13.7563")
                Double latitude,

                @DecimalMin("-180") @DecimalMax("180") @Schema(examples = "109.2177")
                Double longitude) {}

        @Schema(
                name = "TipIdentifier",
                description = "Something the suspects use. Phone numbers default to Vietnam (+84).")
        public record Identifier(
                @NotNull @Schema(required = true, examples = "phone")
                IdentifierType type,

                @NotBlank @Size(max = 500) @Schema(required = true, examples = "0912 345 678")
                String value,

                @Size(max = 20) @Schema(description = "Bank code, required for bank-account", examples = "VCB")
                String bank,

                @Size(max = 40) @Schema(description = "Wallet provider, required for e-wallet", examples = "MoMo")
                String provider) {}

        @Schema(name = "TipContact", description = "How the police may reach the tipster, if they want to be reached")
        public record Contact(
                @Size(max = 200) @Schema(examples = "Lan") String name,

                @Size(max = 40) @Schema(examples = "+84 912 000 111")
                String phone,

                @Size(max = 200) @Email String email,

                @Size(max = 500) @Schema(examples = "Chỉ gọi sau 18 giờ")
                String note) {}
    }

    @Schema(name = "TipMessageRequest", description = "More information from the tipster")
    public record Message(
            @NotBlank
            @Size(max = 5000)
            @Schema(
                    required = true,
                    maxLength = 5000,
                    examples = "Họ vừa đổi số tài khoản nhận tiền sang 0451 0000 12345 (Vietcombank).")
            String text) {}

    /** Documentation of the multipart creation form. */
    @Schema(name = "TipWithFilesForm")
    public record WithFilesForm(
            @Schema(required = true, description = "The tip, as a JSON part (Content-Type: application/json)")
            TipRequests.Tip tip,

            @Schema(description = "Up to 5 files (JPEG, PNG, WebP, PDF), 10 MB each", maxItems = 5)
            List<FileUpload> files,

            @Schema(
                    description = "Keep the GPS position of JPEG photos (device details are removed anyway)",
                    defaultValue = "false")
            boolean keepLocation) {}

    /** Documentation of the multipart form that adds files to a tip. */
    @Schema(name = "TipAttachmentsForm")
    public record AttachmentsForm(
            @Schema(
                    required = true,
                    description = "1 to 5 files (JPEG, PNG, WebP, PDF), 10 MB each; at most 5 per tip",
                    maxItems = 5)
            List<FileUpload> files,

            @Schema(
                    description = "Keep the GPS position of JPEG photos (device details are removed anyway)",
                    defaultValue = "false")
            boolean keepLocation) {}
}
