package org.vigil.indicator;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
    @RateLimited(IndicatorLimits.CHECK)
    @NonBlocking // a value that nothing listed can match is answered from memory on the event loop
    public CompletionStage<Response> check(
            @QueryParam("type") @NotNull IndicatorType type,
            @QueryParam("value") @NotBlank @Size(max = 500) String value,
            @QueryParam("bank") @Size(max = 20) String bank,
            @QueryParam("provider") @Size(max = 40) String provider,
            @QueryParam("lang") @Size(max = 12) String lang,
            @Context HttpHeaders headers) {
        return memoryFirst.answer(
                () -> languages
                        .resolveInMemory(lang, headers)
                        .flatMap(language -> check.checkInMemory(type, value, bank, provider, language)
                                .map(result -> answer(result, language))),
                () -> {
                    String language = languages.resolve(lang, headers);
                    return answer(check.check(type, value, bank, provider, language), language);
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
    @RateLimited(IndicatorLimits.DISPUTE)
    public Response dispute(@Valid @NotNull IndicatorRequests.Dispute dispute, @Context HttpHeaders headers) {
        String language = languages.resolve(dispute.lang(), headers);
        return Response.accepted(disputes.dispute(dispute, language)).build();
    }
}
