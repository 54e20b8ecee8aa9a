package org.vigil.indicator;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.platform.web.Coded;
import org.vigil.tip.IdentifierType;

/**
 * What can be listed and checked: the identifiers a citizen, a bank or an operator can act on.
 * Each is normalised exactly as the tip identifier of the same type.
 */
@Schema(
        name = "IndicatorType",
        type = SchemaType.STRING,
        enumeration = {"phone", "bank-account", "e-wallet", "url"},
        description = "phone, bank-account (with bank), e-wallet (with provider) or url (a link's domain)")
public enum IndicatorType implements Coded {
    PHONE(IdentifierType.PHONE),
    BANK_ACCOUNT(IdentifierType.BANK_ACCOUNT),
    E_WALLET(IdentifierType.E_WALLET),
    URL(IdentifierType.URL);

    private final IdentifierType identifierType;

    IndicatorType(IdentifierType identifierType) {
        this.identifierType = identifierType;
    }

    @JsonValue
    @Override
    public String code() {
        return identifierType.code();
    }

    public IdentifierType identifierType() {
        return identifierType;
    }

    /** The type named by a parameter or field, or a 400 problem on {@code field}; null when absent. */
    public static IndicatorType param(String field, String code) {
        return Coded.param(IndicatorType.class, field, code);
    }

    public static IndicatorType of(IdentifierType type) {
        return Arrays.stream(values())
                .filter(t -> t.identifierType == type)
                .findFirst()
                .orElse(null);
    }
}
