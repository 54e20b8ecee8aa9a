package org.vigil.forwarding.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.vigil.forwarding.ForwardingResource;
import org.vigil.forwarding.ForwardingViews;
import org.vigil.platform.console.Console;
import org.vigil.platform.console.Shell;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.security.Roles;

/**
 * Admins: forwarding to the case system as a page, the same answers and the same requeue as the
 * API's {@link ForwardingResource} (which it calls, so that the log line and the rules are one).
 */
@Path(ForwardingPages.PATH)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class ForwardingPages {

    static final String PATH = "/console/police/forwarding";

    @CheckedTemplate(basePath = "console/police")
    static class Templates {
        static native TemplateInstance forwarding(
                PageFrame page, Shell shell, ForwardingViews.Status status, Long oldestMinutes, Integer requeued);
    }

    private final ForwardingResource forwarding;
    private final Pages pages;
    private final Console console;

    ForwardingPages(ForwardingResource forwarding, Pages pages, Console console) {
        this.forwarding = forwarding;
        this.pages = pages;
        this.console = console;
    }

    @GET
    public Response status(
            @QueryParam("requeued") Integer requeued, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        ForwardingViews.Status status = forwarding.status();
        return pages.page(
                Templates.forwarding(
                        pages.frame(language, PATH),
                        console.shell(PATH),
                        status,
                        // nothing waiting: no age to show
                        status.pending() == 0 ? null : status.oldestPendingSeconds() / 60,
                        requeued),
                language);
    }

    @POST
    @Path("requeue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requeue(@RestForm String lang, @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        int requeued = forwarding.requeueParked().requeued();
        return Response.seeOther(URI.create(Pages.href(PATH, "requeued", Integer.toString(requeued), "lang", language)))
                .build();
    }
}
