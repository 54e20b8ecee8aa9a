package org.vigil.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The answers every operation can give, documented where they apply, derived from what each
 * operation is (its method, body media types and answers) rather than from lists of paths, so
 * that generated clients (openapi-generator, see pom.xml) know every status and header:
 * <ul>
 * <li>every error is a problem+json body, except the HTTP codec's bodiless 414 and 431;</li>
 * <li>every secured operation: 401 and 403; every operation: 406, 414, 431, 500 and 503 (every
 * operation reads the database, at least for the enabled languages), with Retry-After on 429 and 503;</li>
 * <li>a conditional read (one with a 304): the If-None-Match parameter, ETag on 200 and 304, and 412;</li>
 * <li>a versioned write (one reading If-Match, see {@link EditVersions}): If-Match required, 412 and 428;</li>
 * <li>a body: 413 and 415 (RouterProblems, the REST layer); a JSON body: 411 (chunked);</li>
 * <li>a 201 whose resource has a GET below the collection: Location;</li>
 * <li>a {@code $ref} stands alone (the annotation scanner adds a type, or the form's parameters, beside
 * it, which generators reject).</li>
 * </ul>
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** Answered by Vert.x's HTTP codec before any request exists, with an empty body. */
    private static final Set<String> BODILESS = Set.of("414", "431");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(ProblemResponsesFilter::loneRefs);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> items = openAPI.getPaths().getPathItems();
        items.forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            if (op.getResponses() != null) {
                document(path, method, op, items);
            }
        }));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation op, Map<String, PathItem> items) {
        APIResponses responses = op.getResponses();
        if (responses.hasAPIResponse("304")) {
            conditionalRead(op, responses);
        }
        if (!method.equals(PathItem.HttpMethod.GET) && op.getParameters() != null) {
            op.getParameters().stream()
                    .filter(p -> "If-Match".equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER)
                    .forEach(p -> versionedWrite(p, responses));
        }
        if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
            // every secured operation refuses a missing or invalid token, and a token without the role
            add(responses, "401", "No valid bearer token");
            add(responses, "403", "The token's roles do not allow this operation");
        }
        Content body = op.getRequestBody() == null ? null : op.getRequestBody().getContent();
        if (body != null && body.getMediaTypes() != null) {
            body.getMediaTypes().values().forEach(media -> {
                if (media.getSchema() != null && media.getSchema().getRef() != null) {
                    // the scanner merges the method's form parameters beside the form's $ref
                    media.setSchema(
                            OASFactory.createSchema().ref(media.getSchema().getRef()));
                }
            });
            // RouterProblems: a declared length over the limit; the REST layer: a type the operation does not consume
            add(responses, "413", "Request body (or a file in it) too large");
            add(responses, "415", "A Content-Type this operation does not consume");
            if (body.hasMediaType("application/json")) {
                // RouterProblems refuses a chunked JSON body: its size could not be checked before reading it
                add(responses, "411", "A JSON body sent chunked, without Content-Length");
            }
        }
        add(responses, "406", "The Accept header names no media type this operation answers with");
        add(responses, "414", "Request line too long (answered by the HTTP codec, with an empty body)");
        add(responses, "431", "Request headers too large (answered by the HTTP codec, with an empty body)");
        add(responses, "500", "Unexpected failure on our side (no internals are disclosed)");
        add(
                responses,
                "503",
                "The database is unreachable for a moment (failover, restart): retry after Retry-After"
                        + " seconds, a POST with the same Idempotency-Key");
        header(responses.getAPIResponse("429"), "Retry-After", retryAfter());
        header(responses.getAPIResponse("503"), "Retry-After", retryAfter());
        if (method == PathItem.HttpMethod.POST && responses.hasAPIResponse("201")) {
            PathItem created = items.entrySet().stream()
                    .filter(e -> e.getKey().matches(java.util.regex.Pattern.quote(path) + "/\\{[^/}]+}"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (created != null && created.getGET() != null) {
                header(
                        responses.getAPIResponse("201"),
                        "Location",
                        OASFactory.createHeader()
                                .description("The created resource's address")
                                .schema(string()));
            }
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            char first = entry.getKey().charAt(0);
            if ((first == '4' || first == '5')
                    && entry.getValue().getContent() == null
                    && !BODILESS.contains(entry.getKey())) {
                entry.getValue()
                        .setContent(OASFactory.createContent()
                                .addMediaType(
                                        "application/problem+json",
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(PROBLEM_REF))));
            }
        }
    }

    /** PublicCaching: If-None-Match answers 304 without a body; If-Match a version other than the current one 412. */
    private static void conditionalRead(Operation op, APIResponses responses) {
        List<Parameter> parameters = op.getParameters();
        if (parameters == null || parameters.stream().noneMatch(p -> "If-None-Match".equalsIgnoreCase(p.getName()))) {
            op.addParameter(OASFactory.createParameter()
                    .name("If-None-Match")
                    .in(Parameter.In.HEADER)
                    .description(
                            "The ETag of the copy the client holds: an unchanged resource answers 304 without a body")
                    .example("\"3\"")
                    .schema(string().maxLength(256)));
        }
        Header etag = OASFactory.createHeader()
                .description("The content's version, to send back in If-None-Match")
                .schema(string());
        header(responses.getAPIResponse("200"), "ETag", etag);
        header(responses.getAPIResponse("304"), "ETag", etag);
        add(responses, "412", "If-Match names a version other than the current one");
    }

    /** EditVersions: one rule for every write that takes a version. */
    private static void versionedWrite(Parameter ifMatch, APIResponses responses) {
        ifMatch.setRequired(true);
        if (ifMatch.getDescription() == null) {
            ifMatch.setDescription("The ETag of the version you read and change");
        }
        if (ifMatch.getExample() == null) {
            ifMatch.setExample("\"3\"");
        }
        add(responses, "412", "If-Match names an older version: read it again and reapply the change");
        add(responses, "428", "If-Match is missing");
    }

    private static Header retryAfter() {
        return OASFactory.createHeader()
                .description("Seconds to wait before retrying")
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)
                        .format("int32")
                        .minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(86_400)));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static void add(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void header(APIResponse response, String name, Header header) {
        if (response != null
                && (response.getHeaders() == null || !response.getHeaders().containsKey(name))) {
            response.addHeader(name, header);
        }
    }

    /** A property that is a $ref gets no type beside it (the referenced schema has it). */
    private static void loneRefs(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            schema.setType(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ProblemResponsesFilter::loneRefs);
        }
        loneRefs(schema.getItems());
    }
}
