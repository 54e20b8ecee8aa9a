package org.vigil.tip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.crypto.Aad;
import org.vigil.platform.crypto.FieldCipher;
import org.vigil.platform.crypto.KeyedHash;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.locale.Words;
import org.vigil.platform.web.IdempotencyKeys;

/**
 * Tip intake and the tipster's follow-up. A 201 is sent only after the tip (status NEW, which puts
 * it in the police queue), its identifiers, files and idempotency record are committed together.
 *
 * <p>Receipts are stored as HMAC-SHA256 under {@code vigil.crypto.hash-key}, a secret outside the
 * database, over the reference and the receipt's 140 random bits. A slow salted hash (Argon2,
 * bcrypt) is not needed: with 140 bits of entropy nothing can be guessed even with the key, and
 * without the key a stolen database cannot test a single guess. The cost is one HMAC per tip and
 * per follow-up: 3-4 µs each (measured on the 2-core build machine, Mac.getInstance + init +
 * doFinal), against ~100 ms and tens of MB for a typical Argon2id setting, which would also make
 * every wrong receipt an easy way to load the server.
 */
@ApplicationScoped
public class TipService {

    static final String RECEIPT_PURPOSE = "tip-receipt";
    static final String IDENTIFIER_PURPOSE = "tip-identifier";
    private static final String IDEMPOTENCY_KEY_PURPOSE = "tip-idempotency-key";
    private static final String MESSAGE_KEY_PURPOSE = "tip-message-idempotency-key";
    private static final String REQUEST_PURPOSE = "tip-request";
    private static final byte[] NO_TIP = new byte[32];

    private final FieldCipher cipher;
    private final KeyedHash hash;
    private final TipConfig config;
    private final TipLimits limits;
    private final AttachmentFiles files;
    private final AttachmentDigests digests;
    private final ObjectMapper json;
    private final EntityManager em;
    private final Words words;
    private final ZoneId zone;
    private final Event<TipReceived> received;

    TipService(
            FieldCipher cipher,
            KeyedHash hash,
            TipConfig config,
            TipLimits limits,
            AttachmentFiles files,
            AttachmentDigests digests,
            ObjectMapper json,
            EntityManager em,
            VigilConfig vigil,
            Event<TipReceived> received,
            Words words) {
        this.cipher = cipher;
        this.hash = hash;
        this.config = config;
        this.limits = limits;
        this.files = files;
        this.digests = digests;
        this.json = json;
        this.em = em;
        this.zone = ZoneId.of(vigil.defaultZone());
        this.received = received;
        this.words = words;
    }

    /**
     * Accepts a tip, or with a known {@code idempotencyKey} answers as the first time. The
     * language is already resolved; files are already checked by {@link AttachmentFiles}.
     */
    @Transactional
    public TipViews.Receipt submit(
            TipRequests.Tip request,
            String language,
            List<AttachmentFiles.Prepared> attachments,
            boolean keepLocation,
            String idempotencyKey) {
        List<IdentifierNormalizer.Normalized> identifiers = normalizedIdentifiers(request);
        requireCoordinatesTogether(request.place());

        String keyHash = null;
        byte[] requestHash = null;
        if (idempotencyKey != null) {
            keyHash = HexFormat.of()
                    .formatHex(hash.hash(IDEMPOTENCY_KEY_PURPOSE, IdempotencyKeys.optional(idempotencyKey)));
            requestHash = requestHash(request, language, attachments, keepLocation);
            TipIdempotency earlier = TipIdempotency.findById(keyHash);
            if (earlier != null && earlier.expiresAt.isAfter(Instant.now())) {
                if (!KeyedHash.same(earlier.requestHash, requestHash)) {
                    throw ApiException.unprocessable(
                            "This Idempotency-Key was already used for a different tip; use a new key for a new tip");
                }
                Tip tip = Tip.findById(earlier.tipId);
                byte[] receipt = cipher.decryptUnder(
                        idempotencyKey.getBytes(StandardCharsets.US_ASCII),
                        earlier.receiptSalt,
                        earlier.receiptEnc,
                        earlier.aad());
                return receipt(tip, new String(receipt, StandardCharsets.US_ASCII), attachments(tip.id));
            }
            if (earlier != null) {
                earlier.delete();
                em.flush();
            }
        }

        Tip tip = new Tip();
        // 50 random bits, not checked with a query first: uk_tip_reference refuses the clash that will not
        // happen (one in 10^8 with ten million tips), and the client's retry then gets a new reference
        tip.reference = TipCodes.newReference();
        String receipt = TipCodes.newReceipt();
        tip.receiptHash = receiptHash(tip.reference, TipCodes.receipt(receipt).orElseThrow());
        tip.status = TipStatus.NEW;
        tip.category = request.category();
        tip.inDangerNow = Boolean.TRUE.equals(request.inDangerNow());
        tip.incidentDate = request.incidentDate();
        tip.regionCode = request.place() == null || request.place().regionCode() == null
                ? null
                : request.place().regionCode().toUpperCase(Locale.ROOT);
        tip.place = place(request.place());
        tip.narrative = request.narrative().strip();
        tip.contact = contact(request.contact());
        tip.language = language;
        tip.createdAt = minuteNow();
        tip.updatedAt = tip.createdAt;
        tip.persist();

        for (int i = 0; i < identifiers.size(); i++) {
            TipIdentifier row = new TipIdentifier();
            row.tipId = tip.id;
            row.position = i;
            row.type = identifiers.get(i).type();
            row.value = identifiers.get(i).shown();
            row.normalizedHash = identifierHash(identifiers.get(i).key());
            row.persist();
        }
        store(tip, attachments);
        received.fire(new TipReceived(tip.reference, tip.category, tip.inDangerNow, tip.regionCode, tip.createdAt));

        if (keyHash != null) {
            TipIdempotency record = new TipIdempotency();
            record.keyHash = keyHash;
            record.requestHash = requestHash;
            record.tipId = tip.id;
            // under a key only a retry sending the same Idempotency-Key can derive again
            record.receiptSalt = Aad.newRowKey();
            record.receiptEnc = cipher.encryptUnder(
                    idempotencyKey.getBytes(StandardCharsets.US_ASCII),
                    record.receiptSalt,
                    receipt.getBytes(StandardCharsets.US_ASCII),
                    record.aad());
            record.expiresAt = tip.createdAt.plus(config.idempotencyTtl());
            record.persist();
            try {
                em.flush();
            } catch (ConstraintViolationException e) {
                // the same key is being used by a request that committed first (unique key_hash)
                throw ApiException.conflict("A request with this Idempotency-Key is being processed; retry it shortly");
            }
        }
        return receipt(tip, receipt, attachments.stream().map(TipService::view).toList());
    }

    /** The tipster's view; {@code reference} and {@code receipt} are as typed. */
    @Transactional
    public TipViews.Status status(String reference, String receipt, String sourceKey) {
        Tip tip = verified(reference, receipt, sourceKey);
        // a message that does not decrypt in its place (moved or altered in the database) is left out
        List<TipViews.Message> messages = TipMessage.<TipMessage>list("tipId = ?1 order by id", tip.id).stream()
                .filter(m -> m.text != null)
                .map(m -> new TipViews.Message(m.author.toLowerCase(Locale.ROOT), m.text, day(m.createdAt)))
                .toList();
        return new TipViews.Status(
                tip.reference, tip.status.publicStatus(), day(tip.createdAt), messages, attachments(tip.id));
    }

    /** Adds the tipster's message, or with a known {@code idempotencyKey} answers as the first time. */
    @Transactional
    public TipViews.Message addMessage(
            String reference, String receipt, TipRequests.Message request, String idempotencyKey, String sourceKey) {
        Tip tip = followUp(reference, receipt, sourceKey);
        String text = request.text().strip();
        byte[] keyHash = idempotencyKey == null
                ? null
                : hash.hash(MESSAGE_KEY_PURPOSE, IdempotencyKeys.optional(idempotencyKey));
        if (keyHash != null) {
            Optional<TipMessage> earlier = TipMessage.<TipMessage>find(
                            "tipId = ?1 and idempotencyKeyHash = ?2", tip.id, keyHash)
                    .firstResultOptional();
            if (earlier.isPresent()) {
                if (!text.equals(earlier.get().text)) {
                    throw ApiException.unprocessable(
                            "This Idempotency-Key was already used for a different message; use a new key for a new message");
                }
                return new TipViews.Message("tipster", text, day(earlier.get().createdAt));
            }
        }
        TipMessage message = new TipMessage();
        message.tipId = tip.id;
        message.author = TipMessage.TIPSTER;
        message.text = text;
        message.createdAt = minuteNow();
        message.idempotencyKeyHash = keyHash;
        message.persist();
        tip.updatedAt = minuteNow();
        try {
            em.flush();
        } catch (ConstraintViolationException e) {
            // the same key is being used by a request that committed first (uk_tip_message_idempotency)
            throw ApiException.conflict("A request with this Idempotency-Key is being processed; retry it shortly");
        }
        return new TipViews.Message("tipster", text, day(message.createdAt));
    }

    @Transactional
    public List<TipViews.Attachment> addAttachments(
            String reference, String receipt, List<FileUpload> uploads, boolean keepLocation, String sourceKey) {
        Tip tip = followUp(reference, receipt, sourceKey);
        if (uploads == null || uploads.isEmpty()) {
            throw ApiException.invalid("files", "at least one file is required");
        }
        long attached = TipAttachment.count("tipId", tip.id);
        store(tip, files.prepare(uploads, keepLocation, (int) attached));
        tip.updatedAt = minuteNow();
        return attachments(tip.id);
    }

    /** Expired idempotency records go, with the encrypted receipt they hold. */
    @Scheduled(every = "1h", delayed = "1m", identity = "tip-idempotency-purge")
    @Transactional
    public void purgeExpiredIdempotencyKeys() {
        TipIdempotency.delete("expiresAt < ?1", Instant.now());
    }

    /**
     * The keyed hash under which tips naming this identifier are stored, for finding them (police
     * triage); an identifier that cannot be normalised is a 400 naming value, bank or provider.
     */
    public byte[] identifierHash(TipRequests.Tip.Identifier identifier) {
        return identifierHash(IdentifierNormalizer.normalize("", identifier).key());
    }

    byte[] identifierHash(String normalizedKey) {
        return hash.hash(IDENTIFIER_PURPOSE, normalizedKey);
    }

    private Tip followUp(String reference, String receipt, String sourceKey) {
        Tip tip = verified(reference, receipt, sourceKey);
        if (!tip.status.acceptsFollowUp()) {
            throw ApiException.conflict("This tip is closed; please send a new tip");
        }
        return tip;
    }

    /**
     * The tip if the receipt matches, else the same 404 whether the reference exists or not. The
     * HMAC is computed and compared in constant time in both cases, so timing does not tell either.
     */
    Tip verified(String reference, String receipt, String sourceKey) {
        if (receipt == null || receipt.isBlank()) {
            throw ApiException.invalid(
                    TipResource.RECEIPT_HEADER, "is required: the receipt code given with the reference");
        }
        String typed = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        String limitKey = TipCodes.limitKey(typed);
        limits.receiptCheck(limitKey, sourceKey);
        Optional<String> canonical = TipCodes.reference(typed);
        Optional<Tip> tip = canonical.flatMap(Tip::byReference);
        byte[] given =
                receiptHash(canonical.orElse(""), TipCodes.receipt(receipt).orElse(""));
        boolean matches = KeyedHash.same(tip.map(t -> t.receiptHash).orElse(NO_TIP), given);
        if (tip.isEmpty() || !matches) {
            limits.receiptFailed(limitKey, sourceKey);
            throw ApiException.notFound("No tip matches this reference and receipt code");
        }
        return tip.get();
    }

    private byte[] receiptHash(String reference, String canonicalReceipt) {
        return hash.hash(RECEIPT_PURPOSE, reference + ":" + canonicalReceipt);
    }

    private void store(Tip tip, List<AttachmentFiles.Prepared> attachments) {
        Instant now = minuteNow();
        for (AttachmentFiles.Prepared file : attachments) {
            TipAttachment row = new TipAttachment();
            row.tipId = tip.id;
            row.name = file.name();
            row.mediaType = file.mediaType();
            row.sizeBytes = file.content().length;
            digests.fill(row, file.content(), file.sha256());
            row.locationKept = file.locationKept();
            row.content = file.content();
            row.createdAt = now;
            row.persist();
        }
    }

    /** The files' rows without their content, which is loaded only when opened. */
    private List<TipViews.Attachment> attachments(Long tipId) {
        return TipAttachment.<TipAttachment>list("tipId = ?1 order by id", tipId).stream()
                .map(a -> new TipViews.Attachment(
                        a.name, a.mediaType, a.sizeBytes, AttachmentDigests.shown(a.sha256), a.locationKept))
                .toList();
    }

    private static TipViews.Attachment view(AttachmentFiles.Prepared file) {
        return new TipViews.Attachment(
                file.name(),
                file.mediaType(),
                file.content().length,
                HexFormat.of().formatHex(file.sha256()),
                file.locationKept());
    }

    private TipViews.Receipt receipt(Tip tip, String receipt, List<TipViews.Attachment> attachments) {
        String text = words.text(tip.language, "tip.receipt.next-steps")
                + (tip.inDangerNow ? words.text(tip.language, "tip.receipt.in-danger") : "");
        return new TipViews.Receipt(
                tip.reference, receipt, tip.status.publicStatus(), day(tip.createdAt), text, attachments);
    }

    /**
     * Every time stored about a tipster's actions has minute precision: an exact arrival time
     * would help match a tip to a network log kept elsewhere.
     */
    private static Instant minuteNow() {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES);
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private static List<IdentifierNormalizer.Normalized> normalizedIdentifiers(TipRequests.Tip request) {
        List<IdentifierNormalizer.Normalized> out = new ArrayList<>();
        List<TipRequests.Tip.Identifier> given = request.identifiers() == null ? List.of() : request.identifiers();
        for (int i = 0; i < given.size(); i++) {
            out.add(IdentifierNormalizer.normalize(i, given.get(i)));
        }
        return out;
    }

    private static void requireCoordinatesTogether(TipRequests.Tip.Place place) {
        if (place != null && (place.latitude() == null) != (place.longitude() == null)) {
            throw ApiException.invalid(
                    place.latitude() == null ? "place.latitude" : "place.longitude",
                    "latitude and longitude must be given together");
        }
    }

    private byte[] requestHash(
            TipRequests.Tip request,
            String language,
            List<AttachmentFiles.Prepared> attachments,
            boolean keepLocation) {
        try {
            ByteArrayOutputStream canonical = new ByteArrayOutputStream();
            canonical.write(json.writeValueAsBytes(request));
            canonical.write(("\0" + language + "\0" + keepLocation).getBytes(StandardCharsets.UTF_8));
            for (AttachmentFiles.Prepared file : attachments) {
                canonical.write(0);
                canonical.write(file.sentSha256());
            }
            return hash.hash(REQUEST_PURPOSE, canonical.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> place(TipRequests.Tip.Place place) {
        if (place == null || (blank(place.text()) && place.latitude() == null)) {
            return null;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", blank(place.text()) ? null : place.text().strip());
        value.put("latitude", place.latitude());
        value.put("longitude", place.longitude());
        return value;
    }

    private static Map<String, Object> contact(TipRequests.Tip.Contact contact) {
        if (contact == null
                || (blank(contact.name())
                        && blank(contact.phone())
                        && blank(contact.email())
                        && blank(contact.note()))) {
            return null;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", contact.name());
        value.put("phone", contact.phone());
        value.put("email", contact.email());
        value.put("note", contact.note());
        return value;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
