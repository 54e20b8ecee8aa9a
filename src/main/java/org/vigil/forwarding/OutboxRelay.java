package org.vigil.forwarding;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Delivers due outbox events to the case system at least once. Each replica runs one relay; replicas
 * share the work through the outbox's row claims, so no event is delivered by two at the same time.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String JOB = "forwarding-relay";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final ForwardingConfig config;
    private final RabbitMqSink sink;
    private final Counter delivered;
    private final Counter failures;
    private final Counter parked;
    private volatile boolean stopping;

    OutboxRelay(Outbox outbox, ForwardingConfig config, MeterRegistry registry) {
        this.outbox = outbox;
        this.config = config;
        this.sink = new RabbitMqSink(config.rabbitmq());
        this.delivered = Counter.builder("vigil.forwarding.delivered")
                .description("Events confirmed by the case system's broker")
                .register(registry);
        this.failures = Counter.builder("vigil.forwarding.failures")
                .description("Event deliveries that failed and will be retried or parked")
                .register(registry);
        this.parked = Counter.builder("vigil.forwarding.parked")
                .description("Events parked after their last failed attempt")
                .register(registry);
    }

    @Scheduled(
            every = "${vigil.forwarding.poll-every:1s}",
            identity = JOB,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.enabled() || stopping) {
            return;
        }
        // a full batch means more may be due: drain a burst now rather than one batch per poll
        while (!stopping && relay(sink, config.batchSize()) == config.batchSize()) {
            LOG.debug("Outbox backlog: relaying the next batch");
        }
    }

    /** Claims one batch and delivers it through {@code to}; answers how many events were delivered. */
    int relay(RabbitMqSink to, int batchSize) {
        List<OutboxEvent> batch = outbox.claimDue(batchSize, config.lease());
        if (batch.isEmpty()) {
            return 0;
        }
        // past half the lease another relay may soon take the batch: give up waiting before that
        Duration wait =
                config.rabbitmq().confirmTimeout().compareTo(config.lease().dividedBy(2)) < 0
                        ? config.rabbitmq().confirmTimeout()
                        : config.lease().dividedBy(2);
        try {
            to.publish(batch, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(batch, e);
        } catch (Exception e) {
            return failed(batch, e);
        }
        outbox.delivered(batch);
        delivered.increment(batch.size());
        return batch.size();
    }

    private int failed(List<OutboxEvent> batch, Exception e) {
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        int nowParked = outbox.failed(batch, reason);
        failures.increment(batch.size());
        parked.increment(nowParked);
        LOG.warnf("Forwarding of %d events failed, %d now parked: %s", batch.size(), nowParked, reason);
        return 0;
    }

    /** Claimed events of an interrupted batch are taken again once their lease lapses. */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void stop() {
        sink.close();
    }
}
