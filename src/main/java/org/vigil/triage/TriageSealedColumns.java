package org.vigil.triage;

import static org.vigil.platform.crypto.SealedColumn.number;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vigil.platform.crypto.SealedColumn;

/** The triage feature's encrypted columns, for the rewrite of version-1 values. */
@ApplicationScoped
class TriageSealedColumns implements SealedColumn.SealedColumns {

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(new SealedColumn(
                "tip_note",
                "body_enc",
                List.of("tip_id", "row_key", "author"),
                r -> TipNote.aad(number(r[0]), (byte[]) r[1], (String) r[2])));
    }
}
