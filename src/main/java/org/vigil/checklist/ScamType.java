package org.vigil.checklist;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.platform.web.Coded;

/**
 * The scam patterns a checklist can be about. A fixed set (unlike languages) because clients
 * group, filter and pick icons by it; a new pattern is a deliberate API change.
 */
@Schema(
        name = "ScamType",
        type = SchemaType.STRING,
        description = "Scam pattern a checklist is about",
        enumeration = {
            "fake-job-abroad",
            "impersonated-police",
            "investment-fraud",
            "virtual-currency",
            "romance-scam",
            "loan-app",
            "ecommerce-refund",
            "online-task",
            "phishing-link",
            "other"
        })
public enum ScamType implements Coded {
    FAKE_JOB_ABROAD("fake-job-abroad"),
    IMPERSONATED_POLICE("impersonated-police"),
    INVESTMENT_FRAUD("investment-fraud"),
    VIRTUAL_CURRENCY("virtual-currency"),
    ROMANCE_SCAM("romance-scam"),
    LOAN_APP("loan-app"),
    ECOMMERCE_REFUND("ecommerce-refund"),
    ONLINE_TASK("online-task"),
    PHISHING_LINK("phishing-link"),
    OTHER("other");

    /** For error messages; a test keeps it equal to the constants above and the OpenAPI enumeration. */
    public static final String CODES = "fake-job-abroad, impersonated-police, investment-fraud, virtual-currency, "
            + "romance-scam, loan-app, ecommerce-refund, online-task, phishing-link, other";

    private final String code;

    ScamType(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /**
     * Parses a parameter or request field (requests carry the code as a string, so that an unknown
     * one is a 400 naming the field); null when absent.
     */
    public static ScamType param(String field, String code) {
        return Coded.param(ScamType.class, field, code);
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<ScamType, String> {
        @Override
        public String convertToDatabaseColumn(ScamType type) {
            return type == null ? null : type.code;
        }

        @Override
        public ScamType convertToEntityAttribute(String code) {
            return Coded.stored(ScamType.class, code);
        }
    }
}
