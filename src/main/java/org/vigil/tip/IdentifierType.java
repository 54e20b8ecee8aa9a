package org.vigil.tip;

import com.fasterxml.jackson.annotation.JsonValue;

public enum IdentifierType {
    PHONE, BANK_ACCOUNT, E_WALLET, URL, SOCIAL_ACCOUNT, OTHER;

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
