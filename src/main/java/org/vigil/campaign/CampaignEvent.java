package org.vigil.campaign;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.platform.db.Versioned;

/** A campaign event in one language. Never leaves the service: clients see {@link EventViews.Event}. */
@Entity
@Table(name = "campaign_event")
public class CampaignEvent extends Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 80)
    public String slug;

    @Column(nullable = false, length = 12)
    public String lang;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 5000)
    public String description;

    @Column(nullable = false, length = 16)
    public EventStatus status;

    // Bound as a LocalDateTime, not a Timestamp: otherwise hibernate.jdbc.time_zone=UTC shifts the
    // wall-clock time by the JVM's offset, and a server started in another zone would read other times.
    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "local_start", nullable = false)
    public LocalDateTime localStart;

    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "local_end", nullable = false)
    public LocalDateTime localEnd;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String zone;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(length = 200)
    public String venue;

    @Column(length = 300)
    public String address;

    public Double latitude;

    public Double longitude;

    @Column(length = 64)
    public String region;

    @Column(length = 200)
    public String organiser;

    @Convert(converter = Audience.class)
    @Column(nullable = false, length = 500)
    public List<String> audience = List.of();

    @Column(length = 64)
    public String campaign;

    /** Sets the wall-clock times and the UTC instants they stand for, which must never disagree. */
    void schedule(LocalDateTime start, LocalDateTime end, ZoneId zoneId) {
        localStart = start;
        localEnd = end;
        zone = zoneId.getId();
        startsAt = start.atZone(zoneId).toInstant();
        endsAt = end.atZone(zoneId).toInstant();
    }

    // Events stamp themselves (their service never sets the times); the inherited version is also the
    // iCalendar SEQUENCE.
    @PrePersist
    void created() {
        createdAt = now();
        updatedAt = createdAt;
    }

    // Runs only when Hibernate found a change, so an unchanged PUT keeps updatedAt and the version.
    @PreUpdate
    void changed() {
        updatedAt = now();
    }

    /** Audience labels (students, fishermen...) as one comma-separated column; labels never hold commas. */
    @Converter
    public static class Audience implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> labels) {
            return labels == null ? "" : String.join(",", labels);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return column == null || column.isEmpty() ? List.of() : List.of(column.split(","));
        }
    }
}
