package org.vigil.campaign.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.vigil.campaign.EventRequests;
import org.vigil.campaign.EventViews;
import org.vigil.platform.console.Edits;

/**
 * The event form as posted. Its values are keyed by the API's field names ({@code start},
 * {@code coordinates.lat}), so that the API's findings land next to their fields; times are the
 * wall clock of the event's zone, as in the API.
 */
public class EventForm {

    @RestForm
    public String version;

    @RestForm
    public String language;

    @RestForm
    public String slug;

    @RestForm
    public String title;

    @RestForm
    public String description;

    @RestForm
    public String start;

    @RestForm
    public String end;

    @RestForm
    public String zone;

    @RestForm
    public String venue;

    @RestForm
    public String address;

    @RestForm
    public String lat;

    @RestForm
    public String lon;

    @RestForm
    public String region;

    @RestForm
    public String organiser;

    @RestForm
    public String audience;

    @RestForm
    public String campaign;

    /** What was typed, as the form shows it again. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", text(version));
        values.put("lang", text(language));
        values.put("slug", text(slug));
        values.put("title", text(title));
        values.put("description", text(description));
        values.put("start", text(start));
        values.put("end", text(end));
        values.put("zone", text(zone));
        values.put("venue", text(venue));
        values.put("address", text(address));
        values.put("coordinates.lat", text(lat));
        values.put("coordinates.lon", text(lon));
        values.put("region", text(region));
        values.put("organiser", text(organiser));
        values.put("audience", text(audience));
        values.put("campaign", text(campaign));
        return values;
    }

    /** The request the API would get: empty fields absent, the audience split at commas or spaces. */
    EventRequests.Event request() {
        String audiences = text(audience).strip();
        EventRequests.Coordinates coordinates = text(lat).isBlank() && text(lon).isBlank()
                ? null
                : new EventRequests.Coordinates(number(lat), number(lon));
        return new EventRequests.Event(
                optional(slug),
                text(title),
                optional(description),
                Edits.time(start),
                Edits.time(end),
                optional(zone),
                optional(venue),
                optional(address),
                coordinates,
                optional(region),
                optional(organiser),
                audiences.isEmpty() ? null : List.of(audiences.split("[,\\s]+")),
                optional(campaign),
                optional(language));
    }

    /** The form filled with an event as saved. */
    static Map<String, String> values(EventViews.Event e) {
        EventForm form = new EventForm();
        form.version = Long.toString(e.version());
        form.language = e.lang();
        form.slug = e.slug();
        form.title = e.title();
        form.description = e.description();
        form.start = String.valueOf(e.start());
        form.end = String.valueOf(e.end());
        form.zone = e.zone();
        form.venue = e.venue();
        form.address = e.address();
        form.lat =
                e.coordinates() == null ? null : String.valueOf(e.coordinates().lat());
        form.lon =
                e.coordinates() == null ? null : String.valueOf(e.coordinates().lon());
        form.region = e.region();
        form.organiser = e.organiser();
        form.audience = e.audience() == null ? null : String.join(", ", e.audience());
        form.campaign = e.campaign();
        return form.values();
    }

    private static Double number(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Double.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
