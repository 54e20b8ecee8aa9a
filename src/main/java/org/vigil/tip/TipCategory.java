package org.vigil.tip;

import com.fasterxml.jackson.annotation.JsonValue;

public enum TipCategory {
    HUMAN_TRAFFICKING, FORCED_LABOUR, ILLEGAL_EXIT, KIDNAPPING_RANSOM, ONLINE_FRAUD, OTHER;

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
