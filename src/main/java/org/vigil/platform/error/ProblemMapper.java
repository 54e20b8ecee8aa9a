package org.vigil.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigil.platform.crypto.UnreadableValueException;
import org.vigil.platform.web.Coded;

/**
 * The one place where failures become HTTP answers: RFC 9457 problem+json, a 4xx for every
 * client mistake, and nothing internal (stack trace, SQL, class name) in any body.
 */
public class ProblemMapper {

    public static final String VALIDATION_TYPE = "/problems/validation";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** About as long as a database failover or restart takes. */
    static final Duration DATABASE_RETRY = Duration.ofSeconds(5);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response response = respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), e.errors()));
        return e.retryAfter()
                .map(wait -> Response.fromResponse(response)
                        .header("Retry-After", Math.max(1, (wait.toMillis() + 999) / 1000))
                        .build())
                .orElse(response);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        return api(ApiException.invalid(fieldErrors(e.getConstraintViolations())));
    }

    /** Bean Validation's findings as the API reports them (pages show the same, in their words). */
    public static List<Problem.FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .collect(Collectors.toList());
    }

    // MismatchedInputException (unknown property, wrong type) is named so that this mapper, not the
    // more specific one built into quarkus-rest-jackson (plain JSON, not a problem), handles it.
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadableJson(JsonProcessingException e) {
        if (!isSyntaxError(e)
                && e instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            if (e instanceof InvalidFormatException format
                    && format.getTargetType() != null
                    && Coded.class.isAssignableFrom(format.getTargetType())) {
                return api(ApiException.invalid(
                        field,
                        "must be one of " + Coded.codes(format.getTargetType().asSubclass(Coded.class))));
            }
            return api(ApiException.invalid(field, "has the wrong type or format, or is not known"));
        }
        return respond(new Problem(
                "/problems/malformed-json", "Malformed JSON", 400, "The request body is not valid JSON", List.of()));
    }

    private static boolean isSyntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException) {
                return true;
            }
        }
        return false;
    }

    // A checked IOException reaches this mapper only from reading the request (the multipart parser
    // on a truncated or boundary-less body, a client that hung up): our own code wraps its I/O in
    // unchecked exceptions, which stay 500s.
    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        return respond(new Problem(
                "/problems/unreadable-body",
                "Unreadable body",
                400,
                "The request body could not be read as the declared media type",
                List.of()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(respond(forStatus(401)))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(forStatus(403));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentEdit(RuntimeException e) {
        return respond(new Problem(
                "/problems/conflict",
                "Conflict",
                409,
                "Someone else changed this resource at the same time; read it again and retry",
                List.of()));
    }

    /**
     * A stored value that does not decrypt in its place (moved or altered in the database, see
     * org.vigil.platform.crypto.Aad) where the answer cannot do without it, e.g. a file download.
     * Answers that can show the rest name such fields in {@code unreadable} instead.
     */
    @ServerExceptionMapper
    public Response unreadableValue(UnreadableValueException e) {
        LOG.warnf("Answered 409: %s", e.getMessage());
        return respond(new Problem(
                "/problems/unreadable",
                "Stored value cannot be read",
                409,
                "A stored value this answer needs does not decrypt where it is stored (it was altered or moved in the"
                        + " database); it cannot be shown",
                List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof ApiException api) {
            return api(api); // thrown by a parameter converter and wrapped by JAX-RS
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json); // wrapped by the body reader, or by the multipart reader for a JSON part
        }
        return respond(forStatus(status));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // Unwrap failures that are a client's mistake seen through another layer.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api(api);
            }
            if (cause instanceof UnreadableValueException unreadable) {
                return unreadableValue(unreadable);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentEdit((RuntimeException) cause);
            }
        }
        if (isDatabaseUnreachable(e)) {
            // nothing was committed, or the client cannot know: a retry (tips: with the same
            // Idempotency-Key) is the right answer, not a bug report
            LOG.warnf("Database unreachable, answered 503: %s", e.getClass().getSimpleName());
            return api(ApiException.unavailable(
                    "The service cannot reach its database right now; retry shortly (a tip with the same Idempotency-Key)",
                    DATABASE_RETRY));
        }
        LOG.error("Unexpected failure", e);
        return respond(forStatus(500));
    }

    /**
     * A lost or refused connection, or none to be had from the pool in time (Agroal's timeout, as
     * Hibernate words it), anywhere among the causes and suppressed exceptions: a failed commit is a
     * RollbackException with the driver's error suppressed, not as its cause.
     */
    private static boolean isDatabaseUnreachable(Throwable e) {
        Deque<Throwable> pending = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof JDBCException jdbc
                            && String.valueOf(jdbc.getMessage()).startsWith("Unable to acquire JDBC Connection")) {
                return true;
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return false;
    }

    /** The problem for a bare HTTP status, used by the router-level handler too. */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 ->
                new Problem("/problems/bad-request", "Bad request", 400, "The request could not be read", List.of());
            case 401 ->
                new Problem(
                        "/problems/unauthorized", "Unauthorized", 401, "A valid bearer token is required", List.of());
            case 403 ->
                new Problem("/problems/forbidden", "Forbidden", 403, "Your role does not allow this", List.of());
            case 404 ->
                new Problem("/problems/not-found", "Not found", 404, "There is nothing at this address", List.of());
            case 405 ->
                new Problem(
                        "/problems/method-not-allowed",
                        "Method not allowed",
                        405,
                        "This address does not accept this HTTP method",
                        List.of());
            case 406 ->
                new Problem(
                        "/problems/not-acceptable",
                        "Not acceptable",
                        406,
                        "None of the accepted media types can be produced",
                        List.of());
            case 411 ->
                new Problem(
                        "/problems/length-required",
                        "Length required",
                        411,
                        "Send the body with a Content-Length: only file uploads may be sent chunked",
                        List.of());
            case 413 ->
                new Problem(
                        "/problems/payload-too-large",
                        "Payload too large",
                        413,
                        "The request body is larger than this service accepts",
                        List.of());
            case 415 ->
                new Problem(
                        "/problems/unsupported-media-type",
                        "Unsupported media type",
                        415,
                        "The request body's media type is not accepted here",
                        List.of());
            case 500 ->
                new Problem(
                        "/problems/internal",
                        "Internal error",
                        500,
                        "Something went wrong on our side; it has been logged",
                        List.of());
            default ->
                status >= 500
                        ? new Problem(
                                "/problems/unavailable", "Service unavailable", status, "Try again later", List.of())
                        : new Problem(
                                "/problems/http-" + status,
                                "Request refused",
                                status,
                                "The request was refused",
                                List.of());
        };
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .header("Cache-Control", "no-store")
                .build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean afterParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                names.add(node.getName());
                afterParameter = true;
                continue;
            }
            if (afterParameter && names.size() == 1) {
                names.clear(); // a body parameter: report the field inside it, not the Java parameter name
                afterParameter = false;
            }
            if (node.isInIterable() && !names.isEmpty()) {
                // the node is an element of the container named before it: items[2].text
                String key = node.getIndex() != null ? String.valueOf(node.getIndex()) : String.valueOf(node.getKey());
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + key + "]");
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getName());
            }
        }
        return names.stream().filter(n -> !n.isEmpty()).collect(Collectors.joining("."));
    }
}
