package org.vigil.checklist;

import java.util.List;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.error.ProblemMapper;

/** Rules checked in code report like Bean Validation: one 400 listing every invalid field. */
final class FieldErrors {

    private FieldErrors() {
    }

    static ApiException invalid(List<Problem.FieldError> errors) {
        return new ApiException(400, ProblemMapper.VALIDATION_TYPE, "Invalid request",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors);
    }
}
