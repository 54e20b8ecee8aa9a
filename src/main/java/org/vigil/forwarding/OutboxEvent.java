package org.vigil.forwarding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event for the case system or a partner's webhook, waiting in or delivered from the outbox. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    public enum State {
        PENDING,
        DELIVERED,
        PARKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, length = 36, columnDefinition = "char(36)")
    public String eventId;

    @Column(name = "event_type", nullable = false, length = 40)
    public String type;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    /** Which relay delivers it: {@link Outbox#CASE_SYSTEM} or another feature's (partners' webhooks). */
    @Column(nullable = false, length = 16)
    public String sink;

    /** Where within the sink, e.g. the partner organisation's code; null for the case system. */
    @Column(length = 64)
    public String destination;

    @Column(nullable = false)
    public boolean urgent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public State state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_error", length = 300)
    public String lastError;
}
