package org.vigil.tip;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.Tika;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vigil.platform.db.Columns;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;

/**
 * Checks uploaded files and makes them ready to store, before any transaction starts: size and
 * count limits, the type detected from the bytes (the declared type and name are ignored), and
 * metadata removal. A refused file means nothing of the request is written.
 */
@ApplicationScoped
public class AttachmentFiles {

    static final Set<String> ALLOWED = Set.of("image/jpeg", "image/png", "image/webp", "application/pdf");
    private static final Map<String, String> EXTENSIONS = Map.of(
            "image/jpeg", ".jpg", "image/png", ".png", "image/webp", ".webp", "application/pdf", ".pdf");
    private static final Tika TIKA = new Tika();

    /** A file ready to store: plaintext bytes after metadata removal, with their SHA-256. */
    record Prepared(String name, String mediaType, byte[] content, byte[] sha256, byte[] sentSha256, boolean locationKept) {
    }

    private final TipConfig.Attachments limits;

    AttachmentFiles(TipConfig config) {
        this.limits = config.attachments();
    }

    List<Prepared> prepare(List<FileUpload> uploads, boolean keepLocation, int alreadyAttached) {
        List<FileUpload> files = uploads == null ? List.of() : uploads;
        if (alreadyAttached + files.size() > limits.maxCount()) {
            throw ApiException.invalid("files", "at most " + limits.maxCount() + " files per tip"
                    + (alreadyAttached > 0 ? " (" + alreadyAttached + " already attached)" : ""));
        }
        List<Prepared> prepared = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            prepared.add(prepare("files[" + i + "]", files.get(i), keepLocation));
        }
        return prepared;
    }

    private Prepared prepare(String field, FileUpload upload, boolean keepLocation) {
        if (upload.size() > limits.maxSize().asLongValue()) {
            throw new ApiException(413, "/problems/payload-too-large", "Payload too large", "A file is too large",
                    List.of(new Problem.FieldError(field, "must be at most " + limits.maxSize().asLongValue() + " bytes")));
        }
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
            throw new ApiException(415, "/problems/unsupported-media-type", "Unsupported media type",
                    "Only JPEG, PNG and WebP images and PDF documents are accepted",
                    List.of(new Problem.FieldError(field, "is not a JPEG, PNG, WebP or PDF file")));
        }
        byte[] stored;
        try {
            stored = ImageMetadata.strip(mediaType, sent);
        } catch (ImageMetadata.Unreadable e) {
            throw ApiException.invalid(field, e.getMessage());
        }
        boolean locationKept = false;
        if (keepLocation && mediaType.equals("image/jpeg")) {
            var located = ImageMetadata.withLocationOnly(sent, stored);
            if (located.isPresent()) {
                stored = located.get();
                locationKept = true;
            }
        }
        return new Prepared(safeName(upload.fileName(), mediaType), mediaType, stored, sha256(stored), sha256(sent),
                locationKept);
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
