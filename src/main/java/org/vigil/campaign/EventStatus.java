package org.vigil.campaign;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.vigil.platform.web.Coded;

/** Where an event stands. Changed only through the editor's postpone / cancel / reschedule actions. */
public enum EventStatus implements Coded {
    SCHEDULED("scheduled"),
    /** Will happen, date not settled: calendars show it as TENTATIVE. */
    POSTPONED("postponed"),
    /** Stays visible (and in the calendar feed as CANCELLED) so that people learn it is off. */
    CANCELLED("cancelled");

    private final String code;

    EventStatus(String code) {
        this.code = code;
    }

    /** The value in JSON, query parameters and the database. */
    @Override
    public String code() {
        return code;
    }

    /** The status named by a query parameter, or a 400 problem on {@code field}. */
    public static EventStatus parse(String field, String value) {
        return Coded.param(EventStatus.class, field, value);
    }

    /** Stores the lower-case code in a VARCHAR (not a native ENUM, so adding a status is one migration). */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<EventStatus, String> {
        @Override
        public String convertToDatabaseColumn(EventStatus status) {
            return status == null ? null : status.code;
        }

        @Override
        public EventStatus convertToEntityAttribute(String code) {
            return Coded.stored(EventStatus.class, code);
        }
    }
}
