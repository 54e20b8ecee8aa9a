package org.vigil.platform.web;

import java.time.Instant;
import java.util.Optional;

/**
 * A {@link ReadCache} topic whose public content changes by itself at moments written in the
 * database (an article scheduled to appear), without a write that would report the change. Every
 * replica asks before it loads an entry of the topic, and the entry is not served from that moment.
 */
public interface TimedContent {

    /** The topic whose entries this bounds. */
    String topic();

    /** The next moment after {@code now} at which the topic's public content changes, if one is known. */
    Optional<Instant> nextChangeAfter(Instant now);
}
