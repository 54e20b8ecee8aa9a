package org.vigil.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On a real Vert.x event loop: what memory answers stays there, the rest goes to a worker thread. */
class MemoryFirstTest {

    private static Vertx vertx;
    private static MemoryFirst memoryFirst;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        memoryFirst = new MemoryFirst(vertx);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAnswerFromMemoryIsSentOnTheEventLoopWithoutAWorker() throws Exception {
        AtomicBoolean blockingRan = new AtomicBoolean();
        CompletableFuture<String> seen = new CompletableFuture<>();
        vertx.runOnContext(ignored -> memoryFirst
                .answer(() -> Optional.of("from memory on " + where()), () -> {
                    blockingRan.set(true);
                    return "from the worker";
                })
                .thenAccept(answer -> seen.complete(answer + ", sent on " + where())));
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("from memory on event loop, sent on event loop");
        assertThat(blockingRan).as("the blocking path was not taken").isFalse();
    }

    @Test
    void whatMemoryCannotAnswerRunsOnAWorkerThread() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        vertx.runOnContext(ignored -> memoryFirst
                .answer(Optional::<String>empty, () -> "computed on " + where())
                .whenComplete((answer, failure) -> seen.complete(failure == null ? answer : failure.toString())));
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("computed on worker");
    }

    @Test
    void aFailureOnTheWorkerFailsTheAnswer() throws Exception {
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        vertx.runOnContext(ignored -> memoryFirst
                .answer(Optional::<String>empty, () -> {
                    throw new IllegalArgumentException("a 4xx from the service");
                })
                .whenComplete((answer, failure) -> seen.complete(failure)));
        Throwable failure = seen.get(10, TimeUnit.SECONDS);
        assertThat(failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a 4xx from the service");
    }

    private static String where() {
        return Context.isOnEventLoopThread() ? "event loop" : Context.isOnWorkerThread() ? "worker" : "other";
    }
}
