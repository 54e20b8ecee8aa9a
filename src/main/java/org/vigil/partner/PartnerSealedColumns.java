package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vigil.platform.crypto.SealedColumn;

/** The partner feature's encrypted columns, for the rewrite of version-1 values. */
@ApplicationScoped
class PartnerSealedColumns implements SealedColumn.SealedColumns {

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(
                new SealedColumn(
                        "partner_action",
                        PartnerAction.NOTE,
                        List.of("row_key"),
                        r -> PartnerAction.aad(PartnerAction.NOTE, (byte[]) r[0])),
                new SealedColumn(
                        "partner_webhook",
                        PartnerWebhook.SECRET,
                        List.of("row_key"),
                        r -> PartnerWebhook.aad(PartnerWebhook.SECRET, (byte[]) r[0])));
    }
}
