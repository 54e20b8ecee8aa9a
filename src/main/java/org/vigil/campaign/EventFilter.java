package org.vigil.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import org.vigil.platform.error.ApiException;

/**
 * Which events a list or feed shows: those overlapping [{@code endsAfter}, {@code startsBefore}),
 * optionally narrowed by region (with its sub-regions), language, campaign and status.
 * Null means "no restriction".
 */
public record EventFilter(
        Instant endsAfter, Instant startsBefore, String region, String lang, String campaign, EventStatus status) {

    /** Region codes: "khanh-hoa", "khanh-hoa.phan-rang". */
    static final String REGION_PATTERN = "^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*$";

    private static final DateTimeFormatter DATE_OR_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffsetId()
            .optionalEnd()
            .optionalEnd()
            .toFormatter()
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String TIME_FORMATS =
            "must be an ISO date (2027-07-30) or date-time (2027-07-30T07:30:00, 2027-07-30T00:30:00Z)";

    /**
     * {@code from} and {@code to} are read as instants. A date or a date-time without offset is a
     * wall-clock time in {@code zone} (the service's default zone, where the province is); a date in
     * {@code to} includes that whole day, so from=2027-07-30&to=2027-07-30 is July 30.
     */
    static EventFilter of(
            String from,
            String to,
            Instant defaultFrom,
            String region,
            String lang,
            String campaign,
            String status,
            ZoneId zone) {
        Instant start = from == null || from.isBlank() ? defaultFrom : instant("from", from.trim(), zone, false);
        Instant end = to == null || to.isBlank() ? null : instant("to", to.trim(), zone, true);
        // a date in to means its whole day, so from=2027-03-06&to=2027-03-05 meets here as equal instants
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.invalid("from", "must be before to");
        }
        return new EventFilter(
                start,
                end,
                region(region),
                lang,
                blankToNull(campaign),
                status == null || status.isBlank() ? null : EventStatus.parse("status", status));
    }

    private static Instant instant(String field, String value, ZoneId zone, boolean endOfDay) {
        // an unencoded '+' of an offset arrives as a space in a query string
        String text = value.replace(' ', '+');
        try {
            TemporalAccessor parsed =
                    DATE_OR_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof OffsetDateTime instant) {
                return instant.toInstant();
            }
            if (parsed instanceof LocalDateTime local) {
                return local.atZone(zone).toInstant();
            }
            LocalDate day = (LocalDate) parsed;
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, TIME_FORMATS);
        }
    }

    /** A region code to filter by (null for none); a 400 problem when it could not be one. */
    static String region(String value) {
        String region = blankToNull(value);
        if (region != null && (region.length() > 64 || !region.matches(REGION_PATTERN))) {
            throw ApiException.invalid("region", "must be letters, digits, hyphens and dots");
        }
        return region;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
