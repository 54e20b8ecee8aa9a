package org.vigil.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json)")
public record Problem(
        @Schema(description = "URI reference identifying the problem type", examples = "/problems/validation")
        String type,

        @Schema(description = "Short, stable summary of the problem type", examples = "Invalid request")
        String title,

        @Schema(description = "HTTP status code", examples = "400")
        int status,

        @Schema(description = "What went wrong in this occurrence", examples = "2 fields are invalid")
        String detail,

        @Schema(description = "One entry per invalid field, for validation problems")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(
            @Schema(description = "Path of the invalid field or parameter", examples = "title")
            String field,

            @Schema(description = "What is wrong with it", examples = "must not be blank")
            String message) {}
}
