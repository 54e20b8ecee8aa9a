package org.vigil.partner;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.platform.web.Coded;

/** What a partner organisation did about an indicator; the last two say it had nothing to act on. */
@Schema(
        name = "PartnerActionKind",
        type = SchemaType.STRING,
        enumeration = {
            "warned-customers",
            "account-frozen",
            "transactions-suspended",
            "account-closed",
            "sim-revoked",
            "subscriber-info-provided",
            "domain-blocked",
            "content-removed",
            "not-our-customer",
            "no-match"
        })
public enum ActionKind implements Coded {
    WARNED_CUSTOMERS,
    ACCOUNT_FROZEN,
    TRANSACTIONS_SUSPENDED,
    ACCOUNT_CLOSED,
    SIM_REVOKED,
    SUBSCRIBER_INFO_PROVIDED,
    DOMAIN_BLOCKED,
    CONTENT_REMOVED,
    NOT_OUR_CUSTOMER,
    NO_MATCH;

    @JsonValue
    @Override
    public String code() {
        return Coded.super.code();
    }

    /** Whether the organisation did something (the statistics' "acted"), not only found nothing. */
    public boolean acted() {
        return this != NOT_OUR_CUSTOMER && this != NO_MATCH;
    }
}
