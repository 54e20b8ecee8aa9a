package org.vigil.forwarding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

    private final Outbox outbox;
    private final ForwardingConfig config;
    private final Staff caller;

    ForwardingResource(Outbox outbox, ForwardingConfig config, Staff caller) {
        this.outbox = outbox;
        this.config = config;
        this.caller = caller;
    }

    @GET
    public ForwardingViews.Status status() {
        Outbox.Stats stats = outbox.stats();
        return new ForwardingViews.Status(
                config.enabled(), stats.pending(), stats.parked(), stats.oldestPendingSeconds());
    }

    @POST
    @Path("parked/requeue")
    public ForwardingViews.Requeued requeueParked() {
        int requeued = outbox.requeueParked();
        LOG.infof("%s requeued %d parked forwarding events", caller.name(), requeued);
        return new ForwardingViews.Requeued(requeued);
    }
}
