package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vigil.platform.crypto.SealedColumn;

/**
 * The partner feature's encrypted columns, for the rewrite of version-1 values. Not the webhooks'
 * secrets: that table came after version 2 (nothing unbound to rewrite) and is keyed by organisation,
 * not by the numeric id the rewrite pages by.
 */
@ApplicationScoped
class PartnerSealedColumns implements SealedColumn.SealedColumns {

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(new SealedColumn(
                "partner_action",
                PartnerAction.NOTE,
                List.of("row_key"),
                r -> PartnerAction.aad(PartnerAction.NOTE, (byte[]) r[0])));
    }
}
