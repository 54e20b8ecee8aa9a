package org.vigil.indicator;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.ratelimit.RateLimited;
import org.vigil.platform.web.MemoryFirst;

/**
 * Citizens' side of scam indicators: the check and disputes. Like tips, no request detail is stored
 * or logged; the peer address is only an ephemeral in-memory rate-limit key. Every answer is
 * {@code no-store} (PrivateAnswers): a checked value must not stay in a shared cache either.
 */
@Path("/api/v1/indicators")
@Tag(
        name = "Scam check",
        description = "Check a phone number, bank account, e-wallet or link against the indicators the"
                + " police have verified; contest a listing")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class IndicatorResource {

    private final PublicCheck check;
    private final IndicatorDisputes disputes;
    private final Languages languages;
    private final MemoryFirst memoryFirst;

    IndicatorResource(PublicCheck check, IndicatorDisputes disputes, Languages languages, MemoryFirst memoryFirst) {
        this.check = check;
        this.disputes = disputes;
        this.languages = languages;
        this.memoryFirst = memoryFirst;
    }

    @GET
    @Path("check")
    @Operation(
            summary = "Check a phone number, bank account, e-wallet or link before you pay",
            description = "The value is normalised like a tip identifier (phone numbers to E.164 with Vietnam as the"
                    + " default, accounts to bank + digits, links to their host) and compared by keyed hash with the"
                    + " indicators the police have verified and published and that have not expired. A link matches a"
                    + " listed domain and its subdomains. Values that only tips name are never reported. The value is"
                    + " not stored or logged, and the answer is not cacheable (`no-store`). Rate-limited per network"
                    + " and overall.")
    @APIResponse(
            responseCode = "200",
            description = "The answer, listed or not, with what to do",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorViews.CheckResult.class),
                            examples = {
                                @ExampleObject(name = "listed", value = IndicatorExamples.CHECK_LISTED),
                                @ExampleObject(name = "not-listed", value = IndicatorExamples.CHECK_NOT_LISTED)
                            }))
    @APIResponse(
            responseCode = "400",
            description = "Missing or unknown type, a value that cannot be normalised, or a"
                    + " missing bank (bank-account) or provider (e-wallet); `errors[].field` names it")
    @APIResponse(responseCode = "429", description = "Too many checks; see Retry-After")
    @RateLimited(IndicatorLimits.CHECK)
    @NonBlocking // a value that nothing listed can match is answered from memory on the event loop
    public CompletionStage<Response> check(
            @Parameter(
                            description = IndicatorType.CODES,
                            required = true,
                            example = "phone",
                            schema = @Schema(implementation = IndicatorType.class))
                    @QueryParam("type")
                    @Size(max = 20)
                    String type,
            @Parameter(
                            description = "The number, account or link as written anywhere",
                            required = true,
                            example = "0388 123 456")
                    @QueryParam("value")
                    @Size(max = 500)
                    String value,
            @Parameter(description = "Bank code, for bank-account", example = "VCB") @QueryParam("bank") @Size(max = 20)
                    String bank,
            @Parameter(description = "Wallet provider, for e-wallet", example = "MOMO")
                    @QueryParam("provider")
                    @Size(max = 40)
                    String provider,
            @Parameter(description = "Language of the advice; wins over Accept-Language", example = "vi")
                    @QueryParam("lang")
                    @Size(max = 12)
                    String lang,
            @Context HttpHeaders headers) {
        IndicatorType indicatorType = IndicatorType.param("type", type);
        if (indicatorType == null) {
            throw ApiException.invalid("type", "is required: one of " + IndicatorType.CODES);
        }
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("value", "is required");
        }
        return memoryFirst.answer(
                () -> languages
                        .resolveInMemory(lang, headers)
                        .flatMap(language -> check.checkInMemory(indicatorType, value, bank, provider, language)
                                .map(result -> answer(result, language))),
                () -> {
                    String language = languages.resolve(lang, headers);
                    return answer(check.check(indicatorType, value, bank, provider, language), language);
                });
    }

    private static Response answer(IndicatorViews.CheckResult result, String language) {
        return Response.ok(result)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .build();
    }

    @POST
    @Path("disputes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Contest a listed phone number, account, e-wallet or site",
            description = "For the holder of a listed value who believes it is listed wrongly. Anonymous like a tip:"
                    + " nothing about the sender's network or device is stored; give a contact only if the police may"
                    + " reach you. The dispute goes to the police; if a supervisor upholds it, the value is delisted and"
                    + " leaves the check and the partner feed. A value that is not listed cannot be contested (422).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorRequests.Dispute.class),
                            examples = @ExampleObject(name = "my-shop", value = IndicatorExamples.DISPUTE)))
    @APIResponse(
            responseCode = "202",
            description = "Received; the police will decide",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorViews.DisputeReceipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid dispute; `errors[].field` names the field")
    @APIResponse(responseCode = "422", description = "No listed indicator matches this value")
    @APIResponse(responseCode = "429", description = "Too many disputes; see Retry-After")
    @RateLimited(IndicatorLimits.DISPUTE)
    public Response dispute(@Valid @NotNull IndicatorRequests.Dispute dispute, @Context HttpHeaders headers) {
        String language = languages.resolve(dispute.lang(), headers);
        return Response.accepted(disputes.dispute(dispute, language)).build();
    }
}
