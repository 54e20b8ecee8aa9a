package org.vigil.platform.db;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The created/updated times and optimistic-lock version that editable rows share (columns
 * created_at, updated_at, version). Who sets the times stays with the entity or its service: a tip
 * keeps them to the minute for anonymity, an article's publication reuses its update's instant.
 */
@MappedSuperclass
public abstract class Versioned extends PanacheEntityBase {

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock and the editors' ETag: Hibernate raises it on every change it writes. */
    @Version
    @Column(nullable = false)
    public long version;

    /** DATETIME(6) keeps microseconds: truncating keeps the answer after a save equal to a later read. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
