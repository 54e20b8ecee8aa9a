package org.vigil.tip;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.ratelimit.RateLimited;
import org.vigil.platform.web.Coded;

/**
 * The tip form, for citizens without the app and for the safest tipsters (Tor Browser, JavaScript
 * off): a plain multipart form, checked by the API's validation and sent through the same
 * {@link TipService} and {@link AttachmentFiles}, so a page tip is an API tip. The form carries an
 * Idempotency-Key made when it is shown, so a double tap or a resent form gives one tip; the answer
 * shows the reference and receipt once. Every answer is {@code no-store} (PrivateAnswers), and
 * nothing of the request but the form's fields reaches the service.
 */
@Path("/tip")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class TipPages {

    /** Identifier rows shown on a new form; "add another" adds one, up to the API's limit. */
    static final int FIRST_ROWS = 2;
    /** A second submit of the same form waits this long for the first to commit, a few times. */
    private static final long SAME_KEY_WAIT_MS = 300;

    private static final int SAME_KEY_TRIES = 10;

    @CheckedTemplate(basePath = "tip")
    static class Templates {
        static native TemplateInstance tip(
                PageFrame page,
                Form tip,
                int rows,
                List<TipCategory> categories,
                List<IdentifierType> types,
                List<String> regions,
                Limits limits);

        static native TemplateInstance receipt(PageFrame page, TipViews.Receipt receipt, boolean inDangerNow);
    }

    /** What the form says of files, for people and for the script that checks them before sending. */
    public record Limits(int maxCount, long maxBytes, long maxMegabytes) {

        static Limits of(TipConfig config) {
            long maxBytes = config.attachments().maxSize().asLongValue();
            return new Limits(config.attachments().maxCount(), maxBytes, maxBytes / (1024 * 1024));
        }
    }

    /** The files chosen: a file field left empty sends a nameless empty part, which is none. */
    static List<FileUpload> chosen(List<FileUpload> uploads) {
        return uploads == null
                ? List.of()
                : uploads.stream()
                        .filter(f -> f.size() > 0
                                || (f.fileName() != null && !f.fileName().isBlank()))
                        .toList();
    }

    private final TipService service;
    private final AttachmentFiles files;
    private final Pages pages;
    private final Limits limits;
    private final List<String> regions;

    TipPages(TipService service, AttachmentFiles files, Pages pages, TipConfig config) {
        this.service = service;
        this.files = files;
        this.pages = pages;
        this.limits = Limits.of(config);
        this.regions = List.copyOf(config.formRegions());
    }

    @GET
    public Response form(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("key", UUID.randomUUID().toString());
        return render(200, language, Form.of(values), FIRST_ROWS);
    }

    /** The form again with one more identifier row: nothing is sent (no tip, no rate limit spent). */
    @POST
    @Path("rows")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response moreRows(@BeanParam Fields fields, @Context HttpHeaders headers) {
        String language = pages.language(fields.lang, headers);
        return render(
                200, language, Form.of(fields.typed()), Math.min(fields.rows() + 1, TipRequests.Tip.MAX_IDENTIFIERS));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(TipLimits.SUBMISSION)
    public Response send(@BeanParam Fields fields, @Context HttpHeaders headers) {
        String language = pages.language(fields.lang, headers);
        PageFrame frame = pages.frame(language, "/tip");
        List<Problem.FieldError> findings = new ArrayList<>();
        TipRequests.Tip request = fields.request(language, findings);
        findings.addAll(fields.rowNames(pages.check(request)));
        List<FileUpload> uploads = chosen(fields.files);
        if (findings.isEmpty()) {
            try {
                TipViews.Receipt receipt = submit(request, language, uploads, fields);
                return pages.page(Templates.receipt(frame, receipt, request.inDangerNow()), language);
            } catch (ApiException e) {
                if (e.errors().isEmpty()) {
                    throw e;
                }
                Form refused = Form.refused(fields.typed(), fields.rowNames(withoutFiles(e.errors())), "tip", frame);
                if (refused.errors().size() < e.errors().size()) {
                    refused = refused.with(
                            "files",
                            frame.t("tip.error.files." + e.status(), limits.maxCount(), limits.maxMegabytes()));
                }
                return render(400, language, refused, fields.rows());
            }
        }
        return render(400, language, Form.refused(fields.typed(), findings, "tip", frame), fields.rows());
    }

    /**
     * One tip per form: a second submit racing the first (a double tap) is refused by the database
     * until the first commits, then answered with the first one's receipt.
     */
    private TipViews.Receipt submit(TipRequests.Tip request, String language, List<FileUpload> uploads, Fields fields) {
        for (int attempt = 1; ; attempt++) {
            try {
                return files.withMemory(
                        uploads,
                        () -> service.submit(
                                request,
                                language,
                                files.prepare(uploads, fields.keepLocation, 0),
                                fields.keepLocation,
                                fields.key));
            } catch (ApiException e) {
                if (e.status() != 409 || attempt == SAME_KEY_TRIES) {
                    throw e;
                }
                try {
                    Thread.sleep(SAME_KEY_WAIT_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static List<Problem.FieldError> withoutFiles(List<Problem.FieldError> findings) {
        return findings.stream().filter(f -> !f.field().startsWith("files")).toList();
    }

    private Response render(int status, String language, Form form, int rows) {
        return pages.page(
                status,
                Templates.tip(
                        pages.frame(language, "/tip"),
                        form,
                        Math.max(rows, 1),
                        List.of(TipCategory.values()),
                        List.of(IdentifierType.values()),
                        regions,
                        limits),
                language);
    }

    /** The form's fields as the browser sends them; identifier rows are parallel lists. */
    public static class Fields {
        @RestForm
        public String key;

        @RestForm
        public String lang;

        @RestForm
        public String category;

        @RestForm
        public String narrative;

        @RestForm
        public String inDangerNow;

        @RestForm
        public String incidentDate;

        @RestForm
        public String place;

        @RestForm
        public String region;

        @RestForm("idType")
        public List<String> idTypes = new ArrayList<>();

        @RestForm("idValue")
        public List<String> idValues = new ArrayList<>();

        @RestForm("idBank")
        public List<String> idBanks = new ArrayList<>();

        @RestForm
        public String contactName;

        @RestForm
        public String contactPhone;

        @RestForm
        public String contactEmail;

        @RestForm
        public String contactNote;

        @RestForm("files")
        public List<FileUpload> files = new ArrayList<>();

        @RestForm
        public boolean keepLocation;

        private static final Pattern ROW = Pattern.compile("^identifiers\\[(\\d+)]");

        /** Request index of each identifier → its row on the form (empty rows are left out). */
        private final List<Integer> rowOf = new ArrayList<>();

        int rows() {
            return Math.max(idTypes.size(), idValues.size());
        }

        /** What was typed, under the names the template shows it by. */
        Map<String, String> typed() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("key", key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
            put(values, "category", category);
            put(values, "narrative", narrative);
            put(values, "inDangerNow", inDangerNow);
            put(values, "incidentDate", incidentDate);
            put(values, "place.text", place);
            put(values, "place.regionCode", region);
            put(values, "contact.name", contactName);
            put(values, "contact.phone", contactPhone);
            put(values, "contact.email", contactEmail);
            put(values, "contact.note", contactNote);
            put(values, "keepLocation", keepLocation ? "true" : null);
            for (int row = 0; row < rows(); row++) {
                put(values, "identifiers[" + row + "].type", at(idTypes, row));
                put(values, "identifiers[" + row + "].value", at(idValues, row));
                put(values, "identifiers[" + row + "].bank", at(idBanks, row));
            }
            return values;
        }

        /** The API's request from the form; a field the API would not parse is a finding here. */
        TipRequests.Tip request(String language, List<Problem.FieldError> findings) {
            TipCategory tipCategory = coded(TipCategory.class, "category", category, findings);
            LocalDate day = null;
            if (incidentDate != null && !incidentDate.isBlank()) {
                try {
                    day = LocalDate.parse(incidentDate.strip());
                } catch (DateTimeParseException e) {
                    findings.add(new Problem.FieldError("incidentDate", "must be a date"));
                }
            }
            List<TipRequests.Tip.Identifier> identifiers = new ArrayList<>();
            rowOf.clear();
            for (int row = 0; row < rows(); row++) {
                String value = at(idValues, row);
                if (value == null || value.isBlank()) {
                    continue;
                }
                IdentifierType type =
                        coded(IdentifierType.class, "identifiers[" + row + "].type", at(idTypes, row), findings);
                String bank = at(idBanks, row);
                rowOf.add(row);
                identifiers.add(new TipRequests.Tip.Identifier(
                        type,
                        value,
                        type == IdentifierType.BANK_ACCOUNT ? bank : null,
                        type == IdentifierType.E_WALLET ? bank : null));
            }
            TipRequests.Tip.Contact contact = blank(contactName)
                            && blank(contactPhone)
                            && blank(contactEmail)
                            && blank(contactNote)
                    ? null
                    : new TipRequests.Tip.Contact(
                            orNull(contactName), orNull(contactPhone), orNull(contactEmail), orNull(contactNote));
            return new TipRequests.Tip(
                    tipCategory,
                    narrative,
                    day,
                    blank(place) && blank(region)
                            ? null
                            : new TipRequests.Tip.Place(orNull(place), orNull(region), null, null),
                    "true".equals(inDangerNow),
                    identifiers,
                    contact,
                    language);
        }

        /** Findings named as the form's rows: identifiers[i] of the request is the form's row, and a wallet's provider its bank field. */
        List<Problem.FieldError> rowNames(List<Problem.FieldError> findings) {
            List<Problem.FieldError> named = new ArrayList<>();
            for (Problem.FieldError finding : findings) {
                String field = finding.field();
                Matcher index = ROW.matcher(field);
                if (index.find() && Integer.parseInt(index.group(1)) < rowOf.size()) {
                    field = "identifiers[" + rowOf.get(Integer.parseInt(index.group(1))) + "]"
                            + field.substring(index.end());
                }
                named.add(new Problem.FieldError(field.replace(".provider", ".bank"), finding.message()));
            }
            return named;
        }

        private static <E extends Enum<E> & Coded> E coded(
                Class<E> type, String field, String code, List<Problem.FieldError> findings) {
            try {
                return Coded.param(type, field, code);
            } catch (ApiException e) {
                findings.addAll(e.errors());
                return null;
            }
        }

        private static String at(List<String> list, int index) {
            return index < list.size() ? list.get(index) : null;
        }

        private static void put(Map<String, String> values, String name, String value) {
            if (value != null && !value.isEmpty()) {
                values.put(name, value);
            }
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        private static String orNull(String value) {
            return blank(value) ? null : value.strip();
        }
    }
}
