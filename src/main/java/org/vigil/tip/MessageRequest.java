package org.vigil.tip;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TipMessageRequest", description = "More information from the tipster")
public record MessageRequest(
        @NotBlank
        @Size(max = 5000)
        @Schema(
                required = true,
                maxLength = 5000,
                examples = "Họ vừa đổi số tài khoản nhận tiền sang 0451 0000 12345 (Vietcombank).")
        String text) {}
