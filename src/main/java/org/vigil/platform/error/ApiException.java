package org.vigil.platform.error;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A client-facing failure with a known status and problem type. Services throw it; the one
 * {@link ProblemMapper} turns it into problem+json. Its message is shown to clients, so it must
 * never carry internals.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Duration retryAfter;

    public ApiException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        this(status, type, title, detail, errors, null);
    }

    private ApiException(
            int status,
            String type,
            String title,
            String detail,
            List<Problem.FieldError> errors,
            Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public ApiException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "/problems/not-found", "Not found", detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "/problems/bad-request", "Bad request", detail);
    }

    /** One invalid query parameter or field, reported like a validation failure. */
    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** Rules checked in code report like Bean Validation: one 400 listing every invalid field. */
    public static ApiException invalid(List<Problem.FieldError> errors) {
        return new ApiException(
                400,
                ProblemMapper.VALIDATION_TYPE,
                "Invalid request",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                errors);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "/problems/conflict", "Conflict", detail);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "/problems/precondition-failed", "Precondition failed", detail);
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(428, "/problems/precondition-required", "Precondition required", detail);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(422, "/problems/unprocessable", "Unprocessable request", detail);
    }

    /** 429 with a {@code Retry-After} header of {@code retryAfter}, rounded up to whole seconds. */
    public static ApiException tooManyRequests(String detail, Duration retryAfter) {
        return new ApiException(429, "/problems/too-many-requests", "Too many requests", detail, List.of(), retryAfter);
    }

    /** 503 with a {@code Retry-After} header: a dependency (the database) is unreachable for a moment. */
    public static ApiException unavailable(String detail, Duration retryAfter) {
        return new ApiException(503, "/problems/unavailable", "Service unavailable", detail, List.of(), retryAfter);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
