package org.vigil.partner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of partner organisations (prefix {@code vigil.partner}). */
@ConfigMapping(prefix = "vigil.partner")
public interface PartnerConfig {

    /** The claim of a partner token naming its organisation (a code of the admins' list). */
    @WithDefault("organisation")
    String organisationClaim();

    /** The claim naming the organisation's sector; when a token carries it, it must match the list's. */
    @WithDefault("sector")
    String sectorClaim();

    Push push();

    /**
     * Urgent pushes to partners' webhooks (UrgentPush, WebhookRelay). Retries, backoff, parking and
     * the claim's lease are the outbox's (vigil.forwarding.*), shared with tip events.
     */
    interface Push {
        /** Whether this replica runs the webhook relay. Pushes are written to the outbox either way. */
        @WithDefault("true")
        boolean relay();

        /** How often the relay looks for due pushes (read by its @Scheduled expression). */
        @WithDefault("1s")
        String pollEvery();

        /** Pushes claimed at once by a relay, then delivered one after the other. */
        @WithDefault("10")
        int batchSize();

        /** How long a partner's server may take to answer a push (connection included). */
        @WithDefault("10s")
        Duration timeout();

        /** Whether a webhook URL may be plain http: a receiver on the developer's machine or a test's only. */
        @WithDefault("false")
        boolean allowHttp();
    }
}
