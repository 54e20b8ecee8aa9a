package org.vigil.platform.ratelimit;

/** A limit per calling network (and usually a global one), throwing the 429 problem when exceeded. */
@FunctionalInterface
public interface SourceLimit {
    /** Counts one request from {@code sourceKey}, an ephemeral keyed hash from {@link SourceKeys}, never an address. */
    void acquire(String sourceKey);
}
