package org.vigil.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.vigil.forwarding.ForwardingConfig;
import org.vigil.forwarding.Outbox;
import org.vigil.forwarding.OutboxEvent;

/**
 * Delivers queued urgent pushes to partners' webhooks at least once, each signed at sending time
 * ({@link WebhookSignature}) and carrying its stable event id. Like the case system's relay, it claims
 * a batch with a lease (the outbox's {@code FOR UPDATE SKIP LOCKED} claim), and starts a request only
 * while the request's timeout ends before half the lease: so a push is never in flight from two
 * relays (replicas) at once. Pushes it did not reach in time are released for the next claim;
 * failed ones back off and park like tip events (vigil.forwarding.*).
 */
@ApplicationScoped
public class WebhookRelay {

    static final String JOB = "partner-webhook-relay";
    private static final Logger LOG = Logger.getLogger(WebhookRelay.class);

    private record Target(String url, String secret) {}

    private final Outbox outbox;
    private final ForwardingConfig outboxRules;
    private final PartnerConfig.Push config;
    private final HttpClient client;
    private volatile boolean stopping;

    WebhookRelay(Outbox outbox, ForwardingConfig outboxRules, PartnerConfig partners) {
        this.outbox = outbox;
        this.outboxRules = outboxRules;
        this.config = partners.push();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(
            every = "${vigil.partner.push.poll-every:1s}",
            identity = JOB,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.relay() || stopping) {
            return;
        }
        while (!stopping && relay(config.batchSize()) == config.batchSize()) {
            LOG.debug("Push backlog: relaying the next batch");
        }
    }

    /** Claims up to {@code batchSize} due pushes and delivers them one by one; answers how many it claimed. */
    int relay(int batchSize) {
        Instant claimedAt = Instant.now();
        List<OutboxEvent> batch = outbox.claimDue(UrgentPush.SINK, batchSize, outboxRules.lease());
        Instant lastStart = claimedAt.plus(outboxRules.lease().dividedBy(2)).minus(timeout());
        for (int i = 0; i < batch.size(); i++) {
            if (stopping || Instant.now().isAfter(lastStart)) {
                outbox.release(batch.subList(i, batch.size()));
                break;
            }
            deliver(batch.get(i));
        }
        return batch.size();
    }

    private void deliver(OutboxEvent event) {
        try {
            send(event);
            outbox.delivered(List.of(event));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(event, e);
        } catch (Exception e) {
            failed(event, e);
        }
    }

    private void send(OutboxEvent event) throws IOException, InterruptedException {
        Target target = QuarkusTransaction.requiringNew().call(() -> target(event.destination));
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Vigil-Webhooks/1")
                .header(WebhookSignature.EVENT_ID_HEADER, event.eventId)
                .header(
                        WebhookSignature.HEADER,
                        WebhookSignature.header(target.secret(), Instant.now().getEpochSecond(), event.payload))
                .POST(HttpRequest.BodyPublishers.ofString(event.payload))
                .build();
        int status =
                client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + status);
        }
    }

    /** The organisation's webhook now: a replaced URL or secret applies to retries too. */
    private static Target target(String organisation) throws IOException {
        PartnerOrganisation o = PartnerOrganisation.findById(organisation);
        PartnerWebhook webhook = PartnerWebhook.findById(organisation);
        if (o == null || !o.enabled || webhook == null) {
            throw new IOException("organisation " + organisation + " is disabled or has no webhook");
        }
        return new Target(webhook.url, webhook.secret);
    }

    private void failed(OutboxEvent event, Exception e) {
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        int parked = outbox.failed(List.of(event), reason);
        LOG.warnf(
                "Push %s to %s failed%s: %s",
                event.eventId,
                event.destination,
                parked > 0 ? " and is parked (requeue: POST /api/v1/police/forwarding/parked/requeue)" : "",
                reason);
    }

    /** At most a quarter of the lease, so that a batch has room for a few pushes before half of it. */
    private Duration timeout() {
        Duration quarter = outboxRules.lease().dividedBy(4);
        return config.timeout().compareTo(quarter) < 0 ? config.timeout() : quarter;
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
