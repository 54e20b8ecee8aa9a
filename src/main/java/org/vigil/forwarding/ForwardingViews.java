package org.vigil.forwarding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the forwarding endpoints. */
public final class ForwardingViews {

    private ForwardingViews() {}

    @Schema(name = "ForwardingStatus")
    public record Status(
            @Schema(description = "Whether this replica runs the relay")
            boolean relay,

            @Schema(description = "Events waiting for delivery")
            long pending,

            @Schema(description = "Events that gave up after their last attempt")
            long parked,

            @Schema(description = "Age of the oldest waiting event in seconds, 0 if none")
            long oldestPendingSeconds) {}

    @Schema(name = "ForwardingRequeue")
    public record Requeued(
            @Schema(description = "Parked events made due again")
            int requeued) {}
}
