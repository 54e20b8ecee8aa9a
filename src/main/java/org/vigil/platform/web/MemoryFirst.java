package org.vigil.platform.web;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Computed answers on the event loop, where the health check runs, for endpoints marked
 * {@code @NonBlocking}: an answer that memory alone gives is sent from there, and only a request that
 * needs the database goes to a worker thread. The hop to a worker was most of the cost of such an
 * answer (bench/RESULTS.md). What runs in {@code fromMemory} must not block: no query, no file.
 */
@ApplicationScoped
public class MemoryFirst {

    private final Vertx vertx;

    MemoryFirst(Vertx vertx) {
        this.vertx = vertx;
    }

    /** {@code fromMemory}'s answer, or else {@code blocking}'s, run on a worker thread. */
    public <T> CompletionStage<T> answer(Supplier<Optional<T>> fromMemory, Supplier<T> blocking) {
        Optional<T> answer = fromMemory.get();
        if (answer.isPresent()) {
            return CompletableFuture.completedFuture(answer.get());
        }
        return vertx.executeBlocking(blocking::get, false).toCompletionStage();
    }
}
