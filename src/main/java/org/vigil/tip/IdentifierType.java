package org.vigil.tip;

import com.fasterxml.jackson.annotation.JsonValue;
import org.vigil.platform.web.Coded;

public enum IdentifierType implements Coded {
    PHONE,
    BANK_ACCOUNT,
    E_WALLET,
    URL,
    SOCIAL_ACCOUNT,
    OTHER;

    @JsonValue
    @Override
    public String code() {
        return Coded.super.code();
    }
}
