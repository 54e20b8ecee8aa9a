package org.vigil.indicator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.checklist.ScamType;

/** Request bodies of the indicator endpoints. Status, actors and times are never set by a client. */
public final class IndicatorRequests {

    static final int MAX_SCAM_TYPES = 10;
    static final String SCAM_TYPES_DOC = "Scam patterns the value is used for (ScamType codes), at least one";

    private IndicatorRequests() {}

    @Schema(name = "IndicatorProposal", description = "An indicator entered by hand, with the evidence for it")
    public record Proposal(
            @NotNull @Schema(required = true, examples = "phone")
            IndicatorType type,

            @NotBlank
            @Size(max = 500)
            @Schema(
                    required = true,
                    description =
                            "As written anywhere: it is normalised (E.164 phone, account digits," + " a link's host)",
                    examples = "0388 123 456")
            String value,

            @Size(max = 20) @Schema(description = "Bank code, required for bank-account", examples = "VCB")
            String bank,

            @Size(max = 40) @Schema(description = "Wallet provider, required for e-wallet", examples = "MOMO")
            String provider,

            @NotNull
            @Size(min = 1, max = MAX_SCAM_TYPES)
            @Schema(
                    required = true,
                    type = SchemaType.ARRAY,
                    implementation = ScamType.class,
                    description = SCAM_TYPES_DOC,
                    examples = "[\"fake-job-abroad\"]")
            List<@NotNull @Size(max = 40) String> scamTypes,

            @NotBlank
            @Size(max = 4000)
            @Schema(
                    required = true,
                    description = "What shows that the value is used by fraudsters (encrypted at rest)",
                    examples = "Số này gọi cho 14 người dân trong tháng 7, tự xưng là công an, yêu cầu chuyển tiền.")
            String evidence) {}

    @Schema(name = "IndicatorProposalFromTip", description = "Propose a tip's identifier; the tip is the evidence")
    public record FromTip(
            @NotNull
            @Size(min = 1, max = MAX_SCAM_TYPES)
            @Schema(
                    required = true,
                    type = SchemaType.ARRAY,
                    implementation = ScamType.class,
                    description = SCAM_TYPES_DOC,
                    examples = "[\"fake-job-abroad\"]")
            List<@NotNull @Size(max = 40) String> scamTypes,

            @Size(max = 4000)
            @Schema(
                    description = "Further evidence (encrypted at rest)",
                    examples = "Cùng số này xuất hiện trong 3 tin báo khác.")
            String note) {}

    @Schema(
            name = "IndicatorPublication",
            description = "A supervisor's verification: the indicator is listed until the"
                    + " end of expiresOn (in the service's zone)")
    public record Publication(
            @NotNull
            @Schema(
                    required = true,
                    description = "Last day listed; not in the past, at most 730 days ahead"
                            + " (vigil.indicator.max-validity-days)",
                    examples = "2027-07-30")
            LocalDate expiresOn) {}

    @Schema(
            name = "IndicatorUrgentPublication",
            description = "A supervisor publishes a tip-in-danger's identifier at once; a second supervisor confirms it"
                    + " within vigil.indicator.urgent.confirm-within or it lapses")
    public record UrgentPublication(
            @NotNull
            @Schema(
                    required = true,
                    description = "Last day listed once confirmed; not in the past, at most 14 days ahead",
                    examples = "2026-08-06")
            LocalDate expiresOn,

            @NotBlank
            @Size(max = 500)
            @Schema(
                    required = true,
                    description = "Why it cannot wait (kept in its history)",
                    examples = "Gia đình đang bị đòi tiền chuộc, chuyển khoản hạn chót tối nay.")
            String reason) {}

    @Schema(name = "IndicatorReason", description = "Why an indicator is rejected or delisted (kept in its history)")
    public record Reason(
            @NotBlank @Size(max = 500) @Schema(required = true, examples = "Số đã được cấp lại cho thuê bao khác.")
            String reason) {}

    @Schema(
            name = "IndicatorDisputeRequest",
            description = "The holder of a listed number, account, wallet or site"
                    + " contests the listing. Anonymous unless a contact is given.")
    public record Dispute(
            @NotNull @Schema(required = true, examples = "phone")
            IndicatorType type,

            @NotBlank @Size(max = 500) @Schema(required = true, examples = "0388 123 456")
            String value,

            @Size(max = 20) @Schema(description = "Bank code, required for bank-account", examples = "VCB")
            String bank,

            @Size(max = 40) @Schema(description = "Wallet provider, required for e-wallet", examples = "MOMO")
            String provider,

            @NotBlank
            @Size(max = 4000)
            @Schema(
                    required = true,
                    description = "Why the listing is wrong",
                    examples =
                            "Đây là số điện thoại của cửa hàng tôi từ năm 2019, chúng tôi chưa từng gọi cho ai đòi tiền.")
            String statement,

            @Valid @Schema(description = "Only if the police may reach you about it")
            Contact contact,

            @Size(max = 12)
            @Schema(description = "Language of the statement; defaults from Accept-Language, then vi", examples = "vi")
            String lang) {}

    @Schema(name = "IndicatorDisputeContact")
    public record Contact(
            @Size(max = 200) @Schema(examples = "Cửa hàng Minh Anh")
            String name,

            @Size(max = 40) @Schema(examples = "+84 912 000 222")
            String phone,

            @Size(max = 200) @Email String email) {}

    @Schema(
            name = "IndicatorDisputeDecision",
            description = "A supervisor's decision; an upheld dispute delists the indicator")
    public record Decision(
            @NotNull @Schema(required = true, examples = "true")
            Boolean upheld,

            @NotBlank @Size(max = 500) @Schema(required = true, examples = "Chủ thuê bao chứng minh số thuộc cửa hàng.")
            String reason) {}
}
