package org.vigil.tip;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.ratelimit.RateLimited;
import org.vigil.platform.ratelimit.SourceKeys;

/**
 * A tipster comes back: reference and receipt typed into a form and POSTed (never in an address),
 * then the status and the thread with the police's replies, and forms to add a message or files.
 * The codes travel in the page's own forms (the page is {@code no-store}); every check goes
 * through {@link TipService}, which counts wrong receipts exactly as for the API.
 */
@Path("/follow-up")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class FollowUpPages {

    @CheckedTemplate(basePath = "tip")
    static class Templates {
        static native TemplateInstance followUp(PageFrame page, Form codes);

        static native TemplateInstance status(
                PageFrame page, TipViews.Status tip, String receipt, Form message, String done, TipPages.Limits limits);
    }

    private final TipService service;
    private final AttachmentFiles files;
    private final SourceKeys sourceKeys;
    private final Pages pages;
    private final TipPages.Limits limits;

    FollowUpPages(TipService service, AttachmentFiles files, SourceKeys sourceKeys, Pages pages, TipConfig config) {
        this.service = service;
        this.files = files;
        this.sourceKeys = sourceKeys;
        this.pages = pages;
        this.limits = TipPages.Limits.of(config);
    }

    @GET
    public Response form(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        return pages.page(Templates.followUp(pages.frame(language, "/follow-up"), Form.empty()), language);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(
            @RestForm String reference,
            @RestForm String receipt,
            @RestForm String lang,
            @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        String language = pages.language(lang, headers);
        PageFrame frame = pages.frame(language, "/follow-up");
        try {
            TipViews.Status tip = service.status(reference, receipt, source(http));
            return status(frame, tip, receipt, newMessage(), null);
        } catch (ApiException e) {
            return codesRefused(frame, reference, receipt, e);
        }
    }

    @POST
    @Path("message")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response message(
            @RestForm String reference,
            @RestForm String receipt,
            @RestForm String text,
            @RestForm String key,
            @RestForm String lang,
            @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        String language = pages.language(lang, headers);
        PageFrame frame = pages.frame(language, "/follow-up");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("key", key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
        typed.put("text", text == null ? "" : text);
        TipRequests.Message request = new TipRequests.Message(text);
        List<Problem.FieldError> findings = pages.check(request);
        String done = null;
        Form form = newMessage();
        if (findings.isEmpty()) {
            try {
                service.addMessage(reference, receipt, request, typed.get("key"), source(http));
                done = frame.t("follow-up.message.sent");
            } catch (ApiException e) {
                if (e.status() == 404 || e.status() == 429) {
                    return codesRefused(frame, reference, receipt, e);
                }
                form = refused(frame, typed, e);
            }
        } else {
            form = Form.refused(typed, findings, "follow-up", frame);
        }
        return statusAgain(frame, reference, receipt, form, done, http);
    }

    @POST
    @Path("files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(TipLimits.SUBMISSION)
    public Response files(
            @RestForm String reference,
            @RestForm String receipt,
            @RestForm String lang,
            @RestForm("files") List<FileUpload> uploads,
            @RestForm boolean keepLocation,
            @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        String language = pages.language(lang, headers);
        PageFrame frame = pages.frame(language, "/follow-up");
        List<FileUpload> chosen = uploads == null
                ? List.of()
                : uploads.stream()
                        .filter(f -> f.size() > 0
                                || (f.fileName() != null && !f.fileName().isBlank()))
                        .toList();
        String done = null;
        Form form = newMessage();
        try {
            files.withMemory(
                    chosen, () -> service.addAttachments(reference, receipt, chosen, keepLocation, source(http)));
            done = frame.t("follow-up.files.sent");
        } catch (ApiException e) {
            if (e.status() == 404 || (e.status() == 429 && e.errors().isEmpty())) {
                return codesRefused(frame, reference, receipt, e);
            }
            form = form.with(
                    "files", frame.t("tip.error.files." + e.status(), limits.maxCount(), limits.maxMegabytes()));
        }
        return statusAgain(frame, reference, receipt, form, done, http);
    }

    /** The status after an addition: read again, so the thread shows it. */
    private Response statusAgain(
            PageFrame frame, String reference, String receipt, Form form, String done, HttpServerRequest http) {
        try {
            return status(frame, service.status(reference, receipt, source(http)), receipt, form, done);
        } catch (ApiException e) {
            return codesRefused(frame, reference, receipt, e);
        }
    }

    private Response status(PageFrame frame, TipViews.Status tip, String receipt, Form message, String done) {
        return pages.page(Templates.status(frame, tip, receipt, message, done, limits), frame.lang());
    }

    /** The codes' form again: a wrong code and an unknown reference get the same words, as on the API. */
    private Response codesRefused(PageFrame frame, String reference, String receipt, ApiException e) {
        if (e.status() != 404 && e.status() != 429 && e.status() != 400) {
            throw e;
        }
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("reference", reference == null ? "" : reference);
        Form codes = Form.of(typed).with("codes", frame.t("follow-up.error." + e.status()));
        return pages.page(e.status(), Templates.followUp(frame, codes), frame.lang());
    }

    private static Form refused(PageFrame frame, Map<String, String> typed, ApiException e) {
        if (e.status() == 409) {
            return Form.of(typed).with("text", frame.t("follow-up.error.closed"));
        }
        if (e.errors().isEmpty()) {
            throw e;
        }
        return Form.refused(typed, e.errors(), "follow-up", frame);
    }

    private static Form newMessage() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("key", UUID.randomUUID().toString());
        return Form.of(values);
    }

    /** The rate-limit key of the caller's address, as the API makes it: an ephemeral hash, never the address. */
    private String source(HttpServerRequest http) {
        return sourceKeys.of(http.remoteAddress().hostAddress());
    }
}
