package org.vigil.tip;

import com.fasterxml.jackson.annotation.JsonValue;
import org.vigil.platform.web.Coded;

public enum TipCategory implements Coded {
    HUMAN_TRAFFICKING,
    FORCED_LABOUR,
    ILLEGAL_EXIT,
    KIDNAPPING_RANSOM,
    ONLINE_FRAUD,
    OTHER;

    @JsonValue
    @Override
    public String code() {
        return Coded.super.code();
    }
}
