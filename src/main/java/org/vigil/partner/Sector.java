package org.vigil.partner;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @JsonValue
    @Override
    public String code() {
        return Coded.super.code();
    }
}
