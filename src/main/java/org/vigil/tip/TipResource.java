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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vigil.platform.error.Problem;
import org.vigil.platform.locale.Languages;
import org.vigil.platform.ratelimit.RateLimited;
import org.vigil.platform.ratelimit.SourceKeys;

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
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final String RECEIPT_DOC = "The receipt code given when the tip was sent (spaces, dashes and case do"
            + " not matter). A header, never a URL parameter, so that it stays out of logs and histories.";
    private static final String IDEMPOTENCY_DOC = "A fresh random value (e.g. a UUID) per tip, repeated unchanged on"
            + " every retry of that tip: a retry then answers with the same reference and receipt. Kept 24 h.";
    private static final String MESSAGE_IDEMPOTENCY_DOC = "A fresh random value (e.g. a UUID) per message, repeated"
            + " unchanged on every retry of that message: a retry then adds no second message. Kept with the message.";

    private final TipService service;
    private final AttachmentFiles files;
    private final SourceKeys sourceKeys;
    private final Languages languages;

    TipResource(TipService service, AttachmentFiles files, SourceKeys sourceKeys, Languages languages) {
        this.service = service;
        this.files = files;
        this.sourceKeys = sourceKeys;
        this.languages = languages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Send an anonymous tip",
            description = "Creates a tip in the police queue. The answer carries the tip's reference and a receipt code"
                    + " shown only this once. Send an Idempotency-Key so that a retry after a lost answer returns the"
                    + " same reference and receipt instead of a second tip. To send files in the same request, use"
                    + " POST /api/v1/tips/with-files.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TipRequest.class),
                            examples = @ExampleObject(name = "fake-job-abroad", value = TipExamples.TIP)))
    @APIResponse(
            responseCode = "201",
            description = "Tip accepted and committed (also the answer to a retried request)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TipViews.Receipt.class),
                            examples = @ExampleObject(name = "accepted", value = TipExamples.RECEIPT)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid tip; `errors[].field` names the field",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "bad-phone", value = TipExamples.BAD_PHONE)))
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is being processed concurrently; retry")
    @APIResponse(responseCode = "413", description = "Request body too large")
    @APIResponse(responseCode = "415", description = "Not JSON (a tip with files goes to POST /api/v1/tips/with-files)")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different tip")
    @APIResponse(
            responseCode = "429",
            description = "Too many tips; see Retry-After",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "slow-down", value = TipExamples.TOO_MANY)))
    @APIResponse(
            responseCode = "503",
            description = "The database is unreachable; the tip may or may not be stored:"
                    + " retry after Retry-After with the same Idempotency-Key")
    @RateLimited(TipLimits.SUBMISSION)
    public Response submit(
            @Valid @NotNull TipRequest tip,
            @Parameter(
                            in = ParameterIn.HEADER,
                            name = IDEMPOTENCY_HEADER,
                            description = IDEMPOTENCY_DOC,
                            example = "3f2b9c1e-8d4a-4a57-9a53-0c1f5d7e9b21")
                    @HeaderParam(IDEMPOTENCY_HEADER)
                    String key,
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
    @Operation(
            summary = "Send an anonymous tip with photos, screenshots or PDFs in one request",
            description = "The tip of POST /api/v1/tips as a JSON part `tip` (Content-Type: application/json), with up"
                    + " to 5 `files` parts, handled as POST /api/v1/tips/{reference}/attachments handles them. Send an"
                    + " Idempotency-Key so that a retry after a lost answer returns the same reference and receipt.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = TipWithFilesForm.class),
                            encoding = @Encoding(name = "tip", contentType = MediaType.APPLICATION_JSON)))
    @APIResponse(
            responseCode = "201",
            description = "Tip and files accepted and committed (also the answer to a retried request)",
            headers =
                    @Header(
                            name = "Location",
                            description = "The tip's address",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TipViews.Receipt.class),
                            examples = @ExampleObject(name = "accepted", value = TipExamples.RECEIPT)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid tip (`errors[].field` names the field), no `tip` part, too"
                    + " many files, or an unreadable image")
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is being processed concurrently; retry")
    @APIResponse(responseCode = "413", description = "Request body or a file too large")
    @APIResponse(responseCode = "415", description = "A file is not JPEG, PNG, WebP or PDF (detected from its bytes)")
    @APIResponse(
            responseCode = "422",
            description =
                    "This Idempotency-Key was used for a different tip, or a file"
                            + " cannot be cleaned of its metadata (a malformed image or PDF, an encrypted PDF; `errors[].field` names it)")
    @APIResponse(responseCode = "429", description = "Too many tips; see Retry-After")
    @APIResponse(
            responseCode = "503",
            description = "Too many files are being received at once (or the database is"
                    + " unreachable); retry after Retry-After with the same Idempotency-Key")
    @RateLimited(TipLimits.SUBMISSION)
    public Response submitWithFiles(
            @Valid
                    @NotNull(message = "is required: the tip as a JSON part named 'tip'")
                    @RestForm
                    @PartType(MediaType.APPLICATION_JSON)
                    TipRequest tip,
            @RestForm("files") List<FileUpload> uploads,
            @RestForm boolean keepLocation,
            @Parameter(
                            in = ParameterIn.HEADER,
                            name = IDEMPOTENCY_HEADER,
                            description = IDEMPOTENCY_DOC,
                            example = "3f2b9c1e-8d4a-4a57-9a53-0c1f5d7e9b21")
                    @HeaderParam(IDEMPOTENCY_HEADER)
                    String key,
            @Context HttpHeaders headers) {
        String language = languages.resolve(tip.lang(), headers);
        return created(files.withMemory(
                uploads,
                () -> service.submit(tip, language, files.prepare(uploads, keepLocation, 0), keepLocation, key)));
    }

    @GET
    @Path("{reference}")
    @Operation(
            summary = "Follow up a tip: status and messages",
            description = "Needs the receipt code in the X-Receipt-Code header (never in the URL). A wrong receipt and"
                    + " an unknown reference give the same 404; after repeated wrong receipts from one network, or for"
                    + " one reference however it is typed, the answer is 429 for a while.")
    @APIResponse(
            responseCode = "200",
            description = "The tipster's view of the tip",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TipViews.Status.class),
                            examples = @ExampleObject(name = "being-reviewed", value = TipExamples.STATUS)))
    @APIResponse(responseCode = "400", description = "The receipt header is missing")
    @APIResponse(
            responseCode = "404",
            description = "No tip with this reference and receipt",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "no-match", value = TipExamples.NOT_FOUND)))
    @APIResponse(
            responseCode = "429",
            description = "Too many wrong receipts for this reference or from this network; see" + " Retry-After")
    public Response status(
            @Parameter(description = "The tip's reference", example = "7KQM2XHD9PA") @PathParam("reference")
                    String reference,
            @Parameter(
                            in = ParameterIn.HEADER,
                            name = RECEIPT_HEADER,
                            required = true,
                            description = RECEIPT_DOC,
                            example = "4HX9-TQ2M-8B7C-KZ3P-W6RD-1NVE-5GJA")
                    @HeaderParam(RECEIPT_HEADER)
                    String receipt,
            @Context HttpServerRequest http) {
        return Response.ok(service.status(reference, receipt, source(http))).build();
    }

    @POST
    @Path("{reference}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add information to a tip",
            description = "Adds a message from the tipster to the tip's thread."
                    + " Send an Idempotency-Key so that a retry after a lost answer does not add the message twice.")
    @APIResponse(
            responseCode = "201",
            description = "Message added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TipViews.Message.class)))
    @APIResponse(responseCode = "400", description = "Empty or too long text, or no receipt header")
    @APIResponse(responseCode = "404", description = "No tip with this reference and receipt")
    @APIResponse(
            responseCode = "409",
            description = "The tip is closed, or the same Idempotency-Key is being processed concurrently")
    @APIResponse(responseCode = "413", description = "Request body too large")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different message")
    @APIResponse(
            responseCode = "429",
            description = "Too many wrong receipts for this reference or from this network; see" + " Retry-After")
    public Response addMessage(
            @Parameter(description = "The tip's reference", example = "7KQM2XHD9PA") @PathParam("reference")
                    String reference,
            @Parameter(
                            in = ParameterIn.HEADER,
                            name = RECEIPT_HEADER,
                            required = true,
                            description = RECEIPT_DOC,
                            example = "4HX9-TQ2M-8B7C-KZ3P-W6RD-1NVE-5GJA")
                    @HeaderParam(RECEIPT_HEADER)
                    String receipt,
            @Parameter(
                            in = ParameterIn.HEADER,
                            name = IDEMPOTENCY_HEADER,
                            description = MESSAGE_IDEMPOTENCY_DOC,
                            example = "9b1c4e2a-7f3d-4c8e-a1b2-5d6e7f8a9b0c")
                    @HeaderParam(IDEMPOTENCY_HEADER)
                    String key,
            @Valid @NotNull MessageRequest message,
            @Context HttpServerRequest http) {
        return Response.status(Response.Status.CREATED)
                .entity(service.addMessage(reference, receipt, message, key, source(http)))
                .build();
    }

    @POST
    @Path("{reference}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Add photos, screenshots or PDFs to a tip",
            description = "multipart/form-data with one or more `files` parts. The type is detected from the bytes;"
                    + " JPEG, PNG, WebP and PDF are accepted. Location and device metadata (EXIF, GPS, XMP, comments)"
                    + " are removed from images. With `keepLocation=true` a JPEG photo keeps its GPS position as"
                    + " evidence, and nothing else (no camera model or serial). Images keep their pixels only (what"
                    + " follows the end of the image goes too); PDFs keep their content without document information,"
                    + " XMP or ids; encrypted PDFs are refused. Limits: 5 files"
                    + " per tip, 10 MB each (configurable). Answers with all attachments of the tip.")
    @APIResponse(
            responseCode = "201",
            description = "Files stored; all attachments of the tip",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = TipViews.Attachment.class)))
    @APIResponse(responseCode = "400", description = "No file, or too many files")
    @APIResponse(responseCode = "404", description = "No tip with this reference and receipt")
    @APIResponse(responseCode = "409", description = "The tip is closed")
    @APIResponse(responseCode = "413", description = "A file is too large")
    @APIResponse(
            responseCode = "415",
            description = "A file is not JPEG, PNG, WebP or PDF",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "not-allowed", value = TipExamples.UNSUPPORTED)))
    @APIResponse(
            responseCode = "422",
            description = "A file cannot be cleaned of its metadata (a malformed image or"
                    + " PDF, an encrypted PDF); `errors[].field` names it and nothing is stored")
    @APIResponse(
            responseCode = "429",
            description =
                    "Too many uploads, or wrong receipts for this reference or from this" + " network; see Retry-After")
    @APIResponse(
            responseCode = "503",
            description = "Too many files are being received at once (or the database is"
                    + " unreachable); nothing was stored: retry after Retry-After")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = AttachmentsForm.class)))
    @RateLimited(TipLimits.SUBMISSION)
    public Response addAttachments(
            @Parameter(description = "The tip's reference", example = "7KQM2XHD9PA") @PathParam("reference")
                    String reference,
            @Parameter(
                            in = ParameterIn.HEADER,
                            name = RECEIPT_HEADER,
                            required = true,
                            description = RECEIPT_DOC,
                            example = "4HX9-TQ2M-8B7C-KZ3P-W6RD-1NVE-5GJA")
                    @HeaderParam(RECEIPT_HEADER)
                    String receipt,
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

    /** Documentation of the multipart creation form. */
    @Schema(name = "TipWithFilesForm")
    public record TipWithFilesForm(
            @Schema(required = true, description = "The tip, as a JSON part (Content-Type: application/json)")
            TipRequest tip,

            @Schema(description = "Up to 5 files (JPEG, PNG, WebP, PDF), 10 MB each", maxItems = 5)
            List<FileUpload> files,

            @Schema(
                    description = "Keep the GPS position of JPEG photos (device details are removed anyway)",
                    defaultValue = "false")
            boolean keepLocation) {}

    /** Documentation of the multipart form that adds files to a tip. */
    @Schema(name = "TipAttachmentsForm")
    public record AttachmentsForm(
            @Schema(
                    required = true,
                    description = "1 to 5 files (JPEG, PNG, WebP, PDF), 10 MB each; at most 5 per tip",
                    maxItems = 5)
            List<FileUpload> files,

            @Schema(
                    description = "Keep the GPS position of JPEG photos (device details are removed anyway)",
                    defaultValue = "false")
            boolean keepLocation) {}
}
