package org.vigil.tip;

import java.time.Instant;

/**
 * Fired synchronously inside the transaction that stores a new tip, so that an observer's writes
 * (the forwarding outbox) commit or roll back with the tip. Carries no tipster content.
 */
public record TipReceived(
        String reference, TipCategory category, boolean inDangerNow, String regionCode, Instant receivedAt) {}
