package org.vigil.forwarding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.vigil.platform.security.Roles;
import org.vigil.platform.security.Staff;

/** Admins: the state of forwarding to the case system, and a new start for parked events once the cause is fixed. */
@SecurityRequirement(name = "bearer")
@Path("/api/v1/police/forwarding")
@Tag(name = "Forwarding", description = "Delivery of tip events to the police case system (RabbitMQ)")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ForwardingResource {

    private static final Logger LOG = Logger.getLogger(ForwardingResource.class);

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

    private final Outbox outbox;
    private final ForwardingConfig config;
    private final Staff caller;

    ForwardingResource(Outbox outbox, ForwardingConfig config, Staff caller) {
        this.outbox = outbox;
        this.config = config;
        this.caller = caller;
    }

    @GET
    public Status status() {
        Outbox.Stats stats = outbox.stats();
        return new Status(config.enabled(), stats.pending(), stats.parked(), stats.oldestPendingSeconds());
    }

    @POST
    @Path("parked/requeue")
    public Requeued requeueParked() {
        int requeued = outbox.requeueParked();
        LOG.infof("%s requeued %d parked forwarding events", caller.name(), requeued);
        return new Requeued(requeued);
    }
}
