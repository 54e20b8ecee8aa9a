package org.vigil.forwarding;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * What alerting needs about forwarding: gauges of waiting and parked events and of the oldest
 * waiting one's age, and a health check (in {@code /q/health} and {@code /q/health/well}, not in
 * readiness: tips must still be accepted while the case system is unreachable) that is DOWN
 * when an event is parked or has waited longer than {@code vigil.forwarding.max-delay}.
 */
@Startup
@ApplicationScoped
@Wellness
public class ForwardingMonitor implements HealthCheck {

    private final Outbox outbox;
    private final ForwardingConfig config;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    ForwardingMonitor(Outbox outbox, ForwardingConfig config, MeterRegistry registry) {
        this.outbox = outbox;
        this.config = config;
        Gauge.builder("vigil.forwarding.pending", pending, AtomicLong::get)
                .description("Events waiting for delivery to the case system")
                .register(registry);
        Gauge.builder("vigil.forwarding.parked.events", parked, AtomicLong::get)
                .description("Events that gave up after their last attempt; an admin must requeue them")
                .register(registry);
        Gauge.builder("vigil.forwarding.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest event waiting for delivery; 0 if none")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(every = "${vigil.forwarding.metrics-every:30s}", identity = "forwarding-metrics")
    void refresh() {
        read();
    }

    @Override
    public HealthCheckResponse call() {
        Outbox.Stats stats = read();
        boolean late = stats.oldestPendingSeconds() > config.maxDelay().toSeconds();
        // a replica without the relay cannot be late, but parked events are everyone's problem
        return HealthCheckResponse.named("forwarding")
                .status(stats.parked() == 0 && !(config.enabled() && late))
                .withData("relay", config.enabled() ? "running" : "off on this replica")
                .withData("pending", stats.pending())
                .withData("parked", stats.parked())
                .withData("oldestPendingSeconds", stats.oldestPendingSeconds())
                .build();
    }

    private Outbox.Stats read() {
        Outbox.Stats stats = outbox.stats();
        pending.set(stats.pending());
        parked.set(stats.parked());
        oldestPendingSeconds.set(stats.oldestPendingSeconds());
        return stats;
    }
}
