package org.vigil.campaign;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of campaign events and their calendar feed. */
@ConfigMapping(prefix = "vigil.campaign")
public interface CampaignConfig {

    /** Ended events stay in the calendar feed this long, so that a late cancellation still reaches phones. */
    @WithDefault("30")
    int icsPastDays();

    /** Upper bound of events in one feed answer, so that the feed stays a size phones accept. */
    @WithDefault("500")
    int icsMaxEvents();

    /** How often subscribed calendars should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
    @WithDefault("PT6H")
    Duration icsRefreshInterval();

    /** Calendar name per language code (X-WR-CALNAME); a language without one gets the {@code en} name. */
    Map<String, String> calendarName();

    /**
     * Page of an event on the public website, with {@code {slug}} in it, for the calendar's URL property.
     * Without it the URL is the event's address in this API.
     */
    Optional<String> eventPageUrl();
}
