package org.vigil.forwarding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Forwarding of tip events to the police case system (prefix {@code vigil.forwarding}). */
@ConfigMapping(prefix = "vigil.forwarding")
public interface ForwardingConfig {

    /** Whether this replica runs the relay. Events are written to the outbox either way. */
    @WithDefault("true")
    boolean enabled();

    /** How often the relay looks for due events (read by its @Scheduled expression). */
    @WithDefault("1s")
    String pollEvery();

    /** Events claimed and published per broker round trip. */
    @WithDefault("50")
    int batchSize();

    /**
     * How long a claimed batch is this relay's own: others skip it until then. A relay stops
     * publishing a batch at half of it, so two relays never deliver the same event at once.
     */
    @WithDefault("60s")
    Duration lease();

    /** Failed deliveries are retried after {@code backoff}, doubling up to {@code max-backoff}. */
    @WithDefault("5s")
    Duration backoff();

    @WithDefault("15m")
    Duration maxBackoff();

    /** After this many failed attempts an event is parked: health reports DOWN until an admin requeues it. */
    @WithDefault("12")
    int maxAttempts();

    /** Delivered events are deleted after this long (the case system has them). */
    @WithDefault("7d")
    Duration keepDelivered();

    /** The forwarding health check reports DOWN when a due event has waited longer than this. */
    @WithDefault("5m")
    Duration maxDelay();

    /** How often the forwarding gauges are refreshed (read by ForwardingMonitor's @Scheduled expression). */
    @WithDefault("30s")
    String metricsEvery();

    RabbitMq rabbitmq();

    interface RabbitMq {
        @WithDefault("localhost")
        String host();

        @WithDefault("5672")
        int port();

        @WithDefault("guest")
        String username();

        @WithDefault("guest")
        String password();

        @WithDefault("/")
        String virtualHost();

        @WithDefault("false")
        boolean tls();

        /** A durable queue, declared by the relay. */
        @WithDefault("vigil.tips")
        String queue();

        /** {@code quorum} (replicated across a RabbitMQ cluster) or {@code classic}. */
        @WithDefault("quorum")
        String queueType();

        /** How long the relay waits for the broker's publisher confirms of a batch. */
        @WithDefault("10s")
        Duration confirmTimeout();
    }
}
