package org.vigil.campaign;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.net.URI;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Language;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jboss.logging.Logger;
import org.vigil.platform.config.VigilConfig;

/**
 * The iCalendar (RFC 5545) feed of campaign events, built with ical4j. Its bytes depend only on
 * the events' data (DTSTAMP is the last change, as RFC 5545 asks of a calendar without METHOD),
 * so the feed's ETag can come from the events' versions.
 */
@ApplicationScoped
public class EventCalendar {

    static final String TEXT_CALENDAR = "text/calendar";
    static final String MEDIA_TYPE = TEXT_CALENDAR + ";charset=UTF-8";
    private static final String PRODID = "-//Vigil//Campaign events//EN";
    private static final Logger LOG = Logger.getLogger(EventCalendar.class);

    private final TimeZoneRegistry zones;
    private final CampaignConfig config;
    private final String baseUrl;
    private final String uidHost;
    private final String defaultZone;

    EventCalendar(VigilConfig vigil, CampaignConfig config) {
        // One registry: ical4j parses a zone's VTIMEZONE from its bundled files on first use and keeps it.
        this.zones = TimeZoneRegistryFactory.getInstance().createRegistry();
        this.config = config;
        this.baseUrl = vigil.publicBaseUrl().replaceAll("/+$", "");
        this.uidHost = URI.create(baseUrl).getHost();
        this.defaultZone = vigil.defaultZone();
    }

    /** Pays ical4j's start-up cost (class loading, the default zone's definition) before the first subscriber. */
    void warmUp(@Observes StartupEvent startup) {
        long started = System.nanoTime();
        vTimeZone(defaultZone);
        LOG.debugf("ical4j ready in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** The feed for {@code events} written in {@code lang}, folded for transport. */
    public String render(List<EventViews.Event> events, String lang) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        String name =
                config.calendarName().getOrDefault(lang, config.calendarName().getOrDefault("en", "Vigil"));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-TIMEZONE", defaultZone));
        RefreshInterval refresh =
                new RefreshInterval(new ParameterList(List.of(Value.DURATION)), config.icsRefreshInterval());
        calendar.add(refresh);
        calendar.add(new XProperty("X-PUBLISHED-TTL", refresh.getValue()));

        Map<String, VTimeZone> usedZones = new LinkedHashMap<>();
        List<VEvent> vEvents = events.stream().map(e -> vEvent(e, usedZones)).toList();
        usedZones.values().forEach(calendar::add);
        vEvents.forEach(calendar::add);
        return fold(calendar.toString());
    }

    private VEvent vEvent(EventViews.Event event, Map<String, VTimeZone> usedZones) {
        VEvent vEvent = new VEvent(false);
        vEvent.add(new Uid("event-" + event.id() + "@" + uidHost));
        vEvent.add(new DtStamp(event.updatedAt()));
        Optional<VTimeZone> zone = vTimeZone(event.zone());
        if (zone.isPresent()) {
            // ical4j may know the zone under its canonical id (Asia/Saigon is Asia/Ho_Chi_Minh):
            // DTSTART's TZID must name the VTIMEZONE that is in the feed
            String tzid = zone.get().getTimeZoneId().getValue();
            usedZones.putIfAbsent(tzid, zone.get());
            ZoneId zoneId = ZoneId.of(tzid);
            vEvent.add(new DtStart<>(event.startsAt().atZone(zoneId)));
            vEvent.add(new DtEnd<>(event.endsAt().atZone(zoneId)));
        } else {
            // no VTIMEZONE for this zone in ical4j: UTC times are exact everywhere
            vEvent.add(new DtStart<>(event.startsAt()));
            vEvent.add(new DtEnd<>(event.endsAt()));
        }
        ParameterList language = new ParameterList(List.of(new Language(event.lang())));
        vEvent.add(new Summary(language, event.title()));
        if (event.description() != null) {
            vEvent.add(new Description(language, event.description()));
        }
        String location = String.join(
                ", ",
                Stream.of(event.venue(), event.address())
                        .filter(Objects::nonNull)
                        .toList());
        if (!location.isEmpty()) {
            vEvent.add(new Location(language, location));
        }
        if (event.coordinates() != null) {
            vEvent.add(new Geo(
                    BigDecimal.valueOf(event.coordinates().lat()),
                    BigDecimal.valueOf(event.coordinates().lon())));
        }
        vEvent.add(new Url(URI.create(pageOf(event.slug()))));
        vEvent.add(status(event.status()));
        // the version rises on every change, which is exactly what SEQUENCE must do
        vEvent.add(new Sequence(Math.toIntExact(event.version())));
        vEvent.add(new LastModified(event.updatedAt()));
        return vEvent;
    }

    private String pageOf(String slug) {
        return config.eventPageUrl()
                .map(template -> template.replace("{slug}", slug))
                .orElse(baseUrl + "/api/v1/events/" + slug);
    }

    private static Status status(String code) {
        return switch (EventStatus.parse("status", code)) {
            case SCHEDULED -> ImmutableStatus.VEVENT_CONFIRMED;
            case POSTPONED -> ImmutableStatus.VEVENT_TENTATIVE;
            case CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
        };
    }

    /** ical4j's bundled VTIMEZONE for {@code zoneId}; empty when it has none (then times are written in UTC). */
    private Optional<VTimeZone> vTimeZone(String zoneId) {
        try {
            return Optional.ofNullable(zones.getTimeZone(zoneId))
                    .map(TimeZone::getVTimeZone)
                    .filter(v -> ZoneId.getAvailableZoneIds()
                            .contains(v.getTimeZoneId().getValue()));
        } catch (RuntimeException unknownToIcal4j) {
            // ical4j 4.1 fails with a NullPointerException for ids it has no definition of (SystemV/...)
            return Optional.empty();
        }
    }

    /**
     * RFC 5545 section 3.1 limits lines to 75 octets. ical4j folds at 75 characters, and a line of
     * Vietnamese in UTF-8 is up to three times longer in octets, so the unfolded text is folded here,
     * between code points, never inside one.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 50);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + size > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
