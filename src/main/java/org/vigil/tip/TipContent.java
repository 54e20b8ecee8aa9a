package org.vigil.tip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.platform.crypto.FieldCipher;
import org.vigil.platform.crypto.Reading;
import org.vigil.platform.error.ApiException;

/**
 * What the tip feature offers the police side (triage) of the tips it owns: a tip's summary, its
 * content opened, one identifier or file, the status and the police's replies it records, and the
 * erasure retention asks for. Records only: no other feature reads or writes tip's tables through
 * its entities. Who may see which tip, and the audit of each access, stay with the caller; runs in
 * the caller's transaction.
 */
@ApplicationScoped
public class TipContent {

    /** A tip without its content: what the queue and the workflow need. */
    public record Summary(
            long id,
            String reference,
            TipStatus status,
            TipCategory category,
            boolean inDangerNow,
            LocalDate incidentDate,
            String regionCode,
            String language,
            Instant createdAt,
            long version) {}

    /**
     * A tip's content opened; a value that does not decrypt in its place is null and named in
     * {@code unreadable} ("narrative", "messages[1].text"...).
     */
    public record Content(
            Map<String, Object> place,
            String narrative,
            Map<String, Object> contact,
            List<Identifier> identifiers,
            List<Message> messages,
            List<Attachment> attachments,
            List<String> unreadable) {}

    /** {@code lookupHashes}: the keyed hashes under which it can match a listed indicator (none when unreadable). */
    public record Identifier(IdentifierType type, String value, int position, List<byte[]> lookupHashes) {}

    /** {@code from}: "tipster" or "police". */
    public record Message(long id, String from, String text, Instant sentAt) {}

    public record Attachment(long id, String name, String mediaType, long size, String sha256, boolean locationKept) {}

    public record File(String name, String mediaType, byte[] content) {}

    private final IdentifierKeys keys;
    private final FieldCipher cipher;
    private final EntityManager em;

    TipContent(IdentifierKeys keys, FieldCipher cipher, EntityManager em) {
        this.keys = keys;
        this.cipher = cipher;
        this.em = em;
    }

    /** The tip with this reference, as typed (trimmed, any case). */
    public Optional<Summary> find(String reference) {
        String canonical = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        return Tip.byReference(canonical).map(TipContent::summary);
    }

    public Content content(long tipId) {
        Tip tip = tip(tipId);
        Reading reading = new Reading();
        List<TipIdentifier> identifierRows = TipIdentifier.list("tipId = ?1 order by position", tipId);
        List<Identifier> identifiers = new ArrayList<>();
        for (TipIdentifier row : identifierRows) {
            reading.of("identifiers[" + identifiers.size() + "]", row);
            identifiers.add(identifier(row));
        }
        List<Message> messages = new ArrayList<>();
        for (TipMessage m : TipMessage.<TipMessage>list("tipId = ?1 order by id", tipId)) {
            reading.of("messages[" + messages.size() + "]", m);
            messages.add(new Message(m.id, m.author.toLowerCase(Locale.ROOT), m.text, m.createdAt));
        }
        List<Attachment> attachments = new ArrayList<>();
        for (TipAttachment a : TipAttachment.<TipAttachment>list("tipId = ?1 order by id", tipId)) {
            reading.of("attachments[" + attachments.size() + "]", a);
            attachments.add(new Attachment(
                    a.id, a.name, a.mediaType, a.sizeBytes, AttachmentDigests.shown(a.sha256), a.locationKept));
        }
        reading.of("", tip);
        return new Content(
                tip.place, tip.narrative, tip.contact, identifiers, messages, attachments, reading.unreadable());
    }

    /** The identifier at {@code position}; 404 without one, 409 when it does not decrypt in its place. */
    public Identifier identifier(long tipId, int position) {
        TipIdentifier row = TipIdentifier.<TipIdentifier>find("tipId = ?1 and position = ?2", tipId, position)
                .firstResult();
        if (row == null) {
            throw ApiException.notFound("This tip has no identifier at this position");
        }
        row.requireReadable();
        return identifier(row);
    }

    /** One of the tip's files, opened; 404 without it, 409 when it does not decrypt in its place. */
    public File file(long tipId, long attachmentId) {
        TipAttachment file = TipAttachment.<TipAttachment>find("id = ?1 and tipId = ?2", attachmentId, tipId)
                .firstResult();
        if (file == null) {
            throw ApiException.notFound("This tip has no such attachment");
        }
        file.requireReadable();
        return new File(file.name, file.mediaType, file.openContent());
    }

    /** Records the tip's new status (the workflow's rules are the caller's). */
    public Summary moveTo(long tipId, TipStatus status) {
        Tip tip = tip(tipId);
        tip.status = status;
        tip.updatedAt = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        em.flush();
        return summary(tip);
    }

    /**
     * A police reply in the tipster's thread, which the tipster reads with their receipt; minute
     * precision like every time the tipster sees.
     */
    public Message reply(long tipId, String text) {
        Tip tip = tip(tipId);
        TipMessage message = new TipMessage();
        message.tipId = tipId;
        message.author = TipMessage.POLICE;
        message.text = text;
        message.createdAt = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        message.persist();
        tip.updatedAt = message.createdAt;
        return new Message(message.id, "police", text, message.createdAt);
    }

    /**
     * Deletes what the tipster sent (retention): identifiers, messages, files and idempotency records
     * go; the narrative, a required column, becomes an empty value sealed in its place; place and
     * contact go. Category, region, flag and dates stay for statistics.
     */
    public void erase(long tipId, String reference) {
        for (String table : List.of("tip_identifier", "tip_message", "tip_attachment", "tip_idempotency")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE tip_id = ?1")
                    .setParameter(1, tipId)
                    .executeUpdate();
        }
        em.createNativeQuery("UPDATE tip SET narrative_enc = ?1, place_enc = NULL, contact_enc = NULL,"
                        + " version = version + 1 WHERE id = ?2")
                .setParameter(1, cipher.encryptText("", Tip.aad(Tip.NARRATIVE, reference)))
                .setParameter(2, tipId)
                .executeUpdate();
    }

    private Identifier identifier(TipIdentifier row) {
        return new Identifier(
                row.type, row.value, row.position, row.value == null ? List.of() : keys.lookupHashes(row, row.value));
    }

    private static Tip tip(long tipId) {
        Tip tip = Tip.findById(tipId);
        if (tip == null) {
            throw new IllegalArgumentException("No tip " + tipId);
        }
        return tip;
    }

    private static Summary summary(Tip tip) {
        return new Summary(
                tip.id,
                tip.reference,
                tip.status,
                tip.category,
                tip.inDangerNow,
                tip.incidentDate,
                tip.regionCode,
                tip.language,
                tip.createdAt,
                tip.version);
    }
}
