package org.vigil.tip;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.tika.Tika;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vigil.platform.db.Columns;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;

/**
 * Checks uploaded files and makes them ready to store, before any transaction starts: size and
 * count limits, the type detected from the bytes (the declared type and name are ignored), and
 * metadata removal (images keep their pixels, PDFs their content). A refused file means nothing of
 * the request is written.
 *
 * <p>Files are read into the heap (and copied: cleaned, encrypted, sent to the database), so the bytes
 * that requests may be working on at once are bounded ({@link #withMemory}): beyond the budget a
 * request waits briefly, then gets a 503 with Retry-After, instead of the pod running out of memory.
 */
@ApplicationScoped
public class AttachmentFiles {

    static final Set<String> ALLOWED = Set.of("image/jpeg", "image/png", "image/webp", "application/pdf");
    private static final Map<String, String> EXTENSIONS =
            Map.of("image/jpeg", ".jpg", "image/png", ".png", "image/webp", ".webp", "application/pdf", ".pdf");
    private static final Tika TIKA = new Tika();

    /** A file ready to store: plaintext bytes after metadata removal, with their SHA-256. */
    record Prepared(
            String name, String mediaType, byte[] content, byte[] sha256, byte[] sentSha256, boolean locationKept) {}

    /** Long enough for the uploads in flight to finish: they take well under a second each. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final TipConfig.Attachments limits;
    private final Semaphore memory;
    private final int budget;

    AttachmentFiles(TipConfig config) {
        this.limits = config.attachments();
        this.budget = (int) Math.min(Integer.MAX_VALUE, limits.memoryBudget().asLongValue());
        this.memory = new Semaphore(budget, true);
    }

    /**
     * Runs {@code work} (which reads, cleans and stores {@code uploads}) once their size fits in the
     * memory budget; a request larger than the whole budget runs alone. Oversized files are refused
     * with 413 first, without waiting.
     */
    <T> T withMemory(List<FileUpload> uploads, Supplier<T> work) {
        List<FileUpload> files = uploads == null ? List.of() : uploads;
        long bytes = 0;
        for (int i = 0; i < files.size(); i++) {
            requireSize("files[" + i + "]", files.get(i));
            bytes += files.get(i).size();
        }
        int permits = (int) Math.min(bytes, budget);
        if (permits == 0) {
            return work.get();
        }
        boolean acquired;
        try {
            acquired = memory.tryAcquire(permits, limits.memoryWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw ApiException.unavailable(
                    "Too many files are being received right now; please retry shortly", RETRY_AFTER);
        }
        try {
            return work.get();
        } finally {
            memory.release(permits);
        }
    }

    List<Prepared> prepare(List<FileUpload> uploads, boolean keepLocation, int alreadyAttached) {
        List<FileUpload> files = uploads == null ? List.of() : uploads;
        if (alreadyAttached + files.size() > limits.maxCount()) {
            throw ApiException.invalid(
                    "files",
                    "at most " + limits.maxCount() + " files per tip"
                            + (alreadyAttached > 0 ? " (" + alreadyAttached + " already attached)" : ""));
        }
        List<Prepared> prepared = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            prepared.add(prepare("files[" + i + "]", files.get(i), keepLocation));
        }
        return prepared;
    }

    private void requireSize(String field, FileUpload upload) {
        if (upload.size() > limits.maxSize().asLongValue()) {
            throw new ApiException(
                    413,
                    "/problems/payload-too-large",
                    "Payload too large",
                    "A file is too large",
                    List.of(new Problem.FieldError(
                            field, "must be at most " + limits.maxSize().asLongValue() + " bytes")));
        }
    }

    private Prepared prepare(String field, FileUpload upload, boolean keepLocation) {
        requireSize(field, upload);
        byte[] sent;
        try {
            sent = Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new IllegalStateException("Uploaded file could not be read", e);
        }
        if (sent.length == 0) {
            throw ApiException.invalid(field, "is empty");
        }
        String mediaType = TIKA.detect(sent);
        if (!ALLOWED.contains(mediaType)) {
            throw new ApiException(
                    415,
                    "/problems/unsupported-media-type",
                    "Unsupported media type",
                    "Only JPEG, PNG and WebP images and PDF documents are accepted",
                    List.of(new Problem.FieldError(field, "is not a JPEG, PNG, WebP or PDF file")));
        }
        byte[] stored;
        try {
            stored = mediaType.equals("application/pdf")
                    ? PdfMetadata.strip(sent)
                    : ImageMetadata.strip(mediaType, sent);
        } catch (ImageMetadata.Unreadable e) {
            throw new ApiException(
                    422,
                    "/problems/unprocessable-file",
                    "File cannot be cleaned",
                    "A file could not be read to remove its metadata, so it was not stored",
                    List.of(new Problem.FieldError(field, e.getMessage())));
        }
        boolean locationKept = false;
        if (keepLocation && mediaType.equals("image/jpeg")) {
            var located = ImageMetadata.withLocationOnly(sent, stored);
            if (located.isPresent()) {
                stored = located.get();
                locationKept = true;
            }
        }
        return new Prepared(
                safeName(upload.fileName(), mediaType), mediaType, stored, sha256(stored), sha256(sent), locationKept);
    }

    /** The last path segment, letters/digits/._- only, at most 100 characters, with the detected type's extension. */
    static String safeName(String declared, String mediaType) {
        String base = declared == null ? "" : declared.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("\\.[^.]*$", "");
        base = base.replaceAll("[^\\p{L}\\p{N}._-]+", "_").replaceAll("^[._]+", "");
        if (base.isEmpty()) {
            base = "attachment";
        }
        base = Columns.fit(base, 100);
        return base + EXTENSIONS.get(mediaType).toLowerCase(Locale.ROOT);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
