package org.vigil.tip;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the tip endpoints. */
public final class TipViews {

    private TipViews() {}

    @Schema(
            name = "TipReceipt",
            description = "The answer to an accepted tip. The receipt is shown this once: keep it.")
    public record Receipt(
            @Schema(description = "Public reference of the tip", examples = "7KQM2XHD9PA")
            String reference,

            @Schema(
                    description = "Secret receipt code, shown only now; send it in X-Receipt-Code to follow up",
                    examples = "4HX9-TQ2M-8B7C-KZ3P-W6RD-1NVE-5GJA")
            String receipt,

            @Schema(
                    examples = "received",
                    enumeration = {"received", "being-reviewed", "closed"})
            String status,

            @Schema(description = "Day the tip was received (Asia/Ho_Chi_Minh)", examples = "2026-07-30")
            LocalDate receivedOn,

            @Schema(examples = "Công an tỉnh đã nhận tin báo của bạn. ...")
            String whatHappensNext,

            List<Attachment> attachments) {}

    @Schema(name = "TipStatusView", description = "What a tipster sees when following up")
    public record Status(
            @Schema(examples = "7KQM2XHD9PA") String reference,

            @Schema(
                    examples = "being-reviewed",
                    enumeration = {"received", "being-reviewed", "closed"})
            String status,

            @Schema(examples = "2026-07-30") LocalDate receivedOn,

            @Schema(description = "The anonymous conversation, oldest first")
            List<Message> messages,

            List<Attachment> attachments) {}

    @Schema(name = "TipMessage")
    public record Message(
            @Schema(
                    examples = "tipster",
                    enumeration = {"tipster", "police"})
            String from,

            @Schema(examples = "Số điện thoại của người tuyển dụng mới đổi thành 0987 654 321.")
            String text,

            @Schema(examples = "2026-07-31") LocalDate sentOn) {}

    @Schema(name = "TipAttachment")
    public record Attachment(
            @Schema(examples = "chuyen-khoan.jpg") String name,
            @Schema(examples = "image/jpeg") String mediaType,

            @Schema(description = "Bytes stored (after metadata removal)", examples = "184233")
            long size,

            @Schema(
                    description = "SHA-256 (hex) of the stored file",
                    examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String sha256,

            @Schema(description = "Whether the photo's GPS position was kept, as the tipster asked")
            boolean locationKept) {}

    @Schema(
            name = "TipFilingProofs",
            description = "Signed statements that this tip was received, one per identifier it names, to show a"
                    + " bank or an operator. They say nothing about the tipster.")
    public record FilingProofs(
            @Schema(examples = "7KQM2XHD9PA") String reference,

            @Schema(description = "When the tip was received, to the minute", examples = "2026-07-30T03:12:00Z")
            Instant receivedAt,

            @Schema(description = "The proofs are valid until then", examples = "2026-10-28T09:41:00Z")
            Instant expiresAt,

            @Schema(description = "Empty when the tip names no identifier")
            List<FilingProof> proofs) {}

    @Schema(name = "TipFilingProof")
    public record FilingProof(
            ProvenIdentifier identifier,

            @Schema(
                    description = "Compact JWS (EdDSA, Ed25519; typ vigil-filing-proof+jwt), keys at"
                            + " /.well-known/jwks.json. Claims: reference, receivedAt, identifier, iat, exp",
                    examples =
                            "eyJ0eXAiOiJ2aWdpbC1maWxpbmctcHJvb2Yrand0Iiwia2lkIjoiczIwMjdhIiwiYWxnIjoiRWREU0EifQ.eyJ...")
            String proof) {}

    @Schema(name = "TipFilingProofIdentifier", description = "The identifier as normalised; a link as its host name")
    public record ProvenIdentifier(
            @Schema(examples = "bank-account") IdentifierType type,
            @Schema(examples = "0451000012345") String value,
            @Schema(examples = "VCB") String bank,
            @Schema(examples = "MOMO") String provider) {}
}
