-- Events for the police case system (org.vigil.forwarding): written in the transaction that stores
-- the tip, delivered at least once by the relay, each under a stable event id. No tip content here:
-- the payload carries the reference, category, inDangerNow, region and the tip's minute-precision
-- time. No delivery time is kept, so the outbox tells no finer arrival time than the tip does.
CREATE TABLE outbox_event (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id        CHAR(36)     NOT NULL,
    event_type      VARCHAR(40)  NOT NULL,
    payload         TEXT         NOT NULL,
    -- someone in danger now: delivered before every other due event
    urgent          BOOLEAN      NOT NULL,
    -- PENDING (due at next_attempt_at), DELIVERED (broker confirmed), PARKED (gave up; needs an admin)
    state           VARCHAR(10)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    -- also the lease: a relay that claims an event moves this past its delivery deadline
    next_attempt_at DATETIME(6)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    last_error      VARCHAR(300) NULL,
    CONSTRAINT uq_outbox_event_id UNIQUE (event_id),
    -- in the claim's order, so a relay's FOR UPDATE stops after its batch: sorting instead would lock
    -- every pending row it read, and the other replicas' relays would find nothing to take
    INDEX ix_outbox_due (state, urgent DESC, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;
