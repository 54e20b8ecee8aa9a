package org.vigil.indicator;

import static org.vigil.platform.crypto.SealedColumn.number;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vigil.platform.crypto.SealedColumn;

/** The indicator feature's encrypted columns, for the rewrite of version-1 values. */
@ApplicationScoped
class IndicatorSealedColumns implements SealedColumn.SealedColumns {

    @Override
    public List<SealedColumn> sealedColumns() {
        List<String> disputeRow = List.of("indicator_id", "row_key");
        return List.of(
                new SealedColumn(
                        "indicator",
                        Indicator.VALUE,
                        List.of("row_key"),
                        r -> Indicator.aad(Indicator.VALUE, (byte[]) r[0])),
                new SealedColumn(
                        "indicator",
                        Indicator.EVIDENCE,
                        List.of("row_key"),
                        r -> Indicator.aad(Indicator.EVIDENCE, (byte[]) r[0])),
                new SealedColumn(
                        "indicator_dispute",
                        IndicatorDispute.STATEMENT,
                        disputeRow,
                        r -> IndicatorDispute.aad(IndicatorDispute.STATEMENT, number(r[0]), (byte[]) r[1])),
                new SealedColumn(
                        "indicator_dispute",
                        IndicatorDispute.CONTACT,
                        disputeRow,
                        r -> IndicatorDispute.aad(IndicatorDispute.CONTACT, number(r[0]), (byte[]) r[1])));
    }
}
