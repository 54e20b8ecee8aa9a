package org.vigil.tip;

import static org.vigil.platform.crypto.SealedColumn.number;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vigil.platform.crypto.SealedColumn;

/** The tip feature's encrypted columns, for the rewrite of version-1 values. */
@ApplicationScoped
class TipSealedColumns implements SealedColumn.SealedColumns {

    @Override
    public List<SealedColumn> sealedColumns() {
        List<String> reference = List.of("reference");
        List<String> messageRow = List.of("tip_id", "row_key", "author");
        List<String> attachmentRow = List.of("tip_id", "row_key");
        return List.of(
                new SealedColumn("tip", Tip.PLACE, reference, r -> Tip.aad(Tip.PLACE, (String) r[0])),
                new SealedColumn("tip", Tip.NARRATIVE, reference, r -> Tip.aad(Tip.NARRATIVE, (String) r[0])),
                new SealedColumn("tip", Tip.CONTACT, reference, r -> Tip.aad(Tip.CONTACT, (String) r[0])),
                new SealedColumn(
                        "tip_identifier",
                        "value_enc",
                        List.of("tip_id", "position"),
                        r -> TipIdentifier.aad(number(r[0]), (int) number(r[1]))),
                new SealedColumn(
                        "tip_message",
                        "body_enc",
                        messageRow,
                        r -> TipMessage.aad(number(r[0]), (byte[]) r[1], (String) r[2])),
                new SealedColumn(
                        "tip_attachment",
                        TipAttachment.NAME,
                        attachmentRow,
                        r -> TipAttachment.aad(TipAttachment.NAME, number(r[0]), (byte[]) r[1])),
                SealedColumn.large(
                        "tip_attachment",
                        TipAttachment.CONTENT,
                        attachmentRow,
                        r -> TipAttachment.aad(TipAttachment.CONTENT, number(r[0]), (byte[]) r[1])));
    }
}
