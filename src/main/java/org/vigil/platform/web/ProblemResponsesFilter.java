package org.vigil.platform.web;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every error response in the document is a problem+json body; every secured operation documents
 * its 401 and 403, every operation its possible 500, every conditional read (one with a 304) its
 * 412, and every JSON body its 411.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            APIResponses responses = op.getResponses();
            if (responses == null) {
                return;
            }
            if (responses.hasAPIResponse("304") && !responses.hasAPIResponse("412")) {
                // conditional reads (PublicCaching) evaluate If-Match too
                responses.addAPIResponse("412", OASFactory.createAPIResponse()
                        .description("If-Match names a version other than the current one"));
            }
            if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
                // every secured operation refuses a missing or invalid token, and a token without the role
                if (!responses.hasAPIResponse("401")) {
                    responses.addAPIResponse("401", OASFactory.createAPIResponse()
                            .description("No valid bearer token"));
                }
                if (!responses.hasAPIResponse("403")) {
                    responses.addAPIResponse("403", OASFactory.createAPIResponse()
                            .description("The token's roles do not allow this operation"));
                }
            }
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null
                    && op.getRequestBody().getContent().hasMediaType("application/json") && !responses.hasAPIResponse("411")) {
                // RouterProblems refuses a chunked JSON body: its size could not be checked before reading it
                responses.addAPIResponse("411", OASFactory.createAPIResponse()
                        .description("A JSON body sent chunked, without Content-Length"));
            }
            if (!responses.hasAPIResponse("500")) {
                responses.addAPIResponse("500", OASFactory.createAPIResponse()
                        .description("Unexpected failure on our side (no internals are disclosed)"));
            }
            for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
                char first = entry.getKey().charAt(0);
                if ((first == '4' || first == '5') && entry.getValue().getContent() == null) {
                    entry.getValue().setContent(OASFactory.createContent().addMediaType("application/problem+json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
                }
            }
        }));
    }
}
