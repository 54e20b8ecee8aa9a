package org.vigil.tip;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.ratelimit.RateLimited;
import org.vigil.platform.ratelimit.SourceKeys;
import org.vigil.platform.web.IdempotencyKeys;

/**
 * Anonymous tips. No request detail (address, user agent, headers) is stored or logged: the peer
 * address is used only as an ephemeral in-memory rate-limit key. Every answer is {@code no-store} (PrivateAnswers).
 */
@Path("/api/v1/tips")
@Tag(name = "Tips", description = "Anonymous tips from citizens: no account, a receipt code to follow up")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class TipResource {

    static final String RECEIPT_HEADER = "X-Receipt-Code";

    private final TipService service;
    private final AttachmentFiles files;
    private final SourceKeys sourceKeys;
    private final Languages languages;
    private final FilingProofs proofs;

    TipResource(
            TipService service,
            AttachmentFiles files,
            SourceKeys sourceKeys,
            Languages languages,
            FilingProofs proofs) {
        this.service = service;
        this.proofs = proofs;
        this.files = files;
        this.sourceKeys = sourceKeys;
        this.languages = languages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(TipLimits.SUBMISSION)
    public Response submit(
            @Valid @NotNull TipRequests.Tip tip,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Context HttpHeaders headers) {
        String language = languages.resolve(tip.lang(), headers);
        return created(service.submit(tip, language, List.of(), false, key));
    }

    /**
     * A tip with its files in one request. Its own path, because client generators (openapi-generator)
     * take only the first body type of an operation.
     */
    @POST
    @Path("with-files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(TipLimits.SUBMISSION)
    public Response submitWithFiles(
            @Valid
                    @NotNull(message = "is required: the tip as a JSON part named 'tip'")
                    @RestForm
                    @PartType(MediaType.APPLICATION_JSON)
                    TipRequests.Tip tip,
            @RestForm("files") List<FileUpload> uploads,
            @RestForm boolean keepLocation,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Context HttpHeaders headers) {
        String language = languages.resolve(tip.lang(), headers);
        return created(files.withMemory(
                uploads,
                () -> service.submit(tip, language, files.prepare(uploads, keepLocation, 0), keepLocation, key)));
    }

    @GET
    @Path("{reference}")
    public Response status(
            @PathParam("reference") String reference,
            @HeaderParam(RECEIPT_HEADER) String receipt,
            @Context HttpServerRequest http) {
        return Response.ok(service.status(reference, receipt, source(http))).build();
    }

    @GET
    @Path("{reference}/filing-proofs")
    public Response filingProofs(
            @PathParam("reference") String reference,
            @HeaderParam(RECEIPT_HEADER) String receipt,
            @Context HttpServerRequest http) {
        return Response.ok(proofs.issue(reference, receipt, source(http))).build();
    }

    @POST
    @Path("{reference}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addMessage(
            @PathParam("reference") String reference,
            @HeaderParam(RECEIPT_HEADER) String receipt,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull TipRequests.Message message,
            @Context HttpServerRequest http) {
        return Response.status(Response.Status.CREATED)
                .entity(service.addMessage(reference, receipt, message, key, source(http)))
                .build();
    }

    @POST
    @Path("{reference}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(TipLimits.SUBMISSION)
    public Response addAttachments(
            @PathParam("reference") String reference,
            @HeaderParam(RECEIPT_HEADER) String receipt,
            @RestForm("files") List<FileUpload> uploads,
            @RestForm boolean keepLocation,
            @Context HttpServerRequest http) {
        return Response.status(Response.Status.CREATED)
                .entity(files.withMemory(
                        uploads, () -> service.addAttachments(reference, receipt, uploads, keepLocation, source(http))))
                .build();
    }

    /** The rate-limit key of the caller's address: an ephemeral keyed hash, the address itself is never kept. */
    private String source(HttpServerRequest http) {
        return sourceKeys.of(http.remoteAddress().hostAddress());
    }

    private static Response created(TipViews.Receipt receipt) {
        return Response.created(URI.create("/api/v1/tips/" + receipt.reference()))
                .entity(receipt)
                .build();
    }
}
