package org.vigil.partner;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.indicator.IndicatorType;
import org.vigil.platform.web.Coded;

/** What kind of organisation a partner is: it decides which urgent pushes and statistics it belongs to. */
@Schema(
        name = "PartnerSector",
        type = SchemaType.STRING,
        enumeration = {"bank", "telecom", "platform", "registrar"})
public enum Sector implements Coded {
    BANK,
    TELECOM,
    PLATFORM,
    REGISTRAR;

    /**
     * The sectors that can act at once on an urgent indicator of this type: operators on a number (and
     * banks, whose customers it calls), banks and wallet providers on an account or wallet, registrars
     * and platforms on a link's domain.
     */
    static Set<Sector> actingOn(IndicatorType type) {
        return switch (type) {
            case PHONE -> Set.of(TELECOM, BANK);
            case BANK_ACCOUNT, E_WALLET -> Set.of(BANK);
            case URL -> Set.of(REGISTRAR, PLATFORM);
        };
    }

    @JsonValue
    @Override
    public String code() {
        return Coded.super.code();
    }
}
