package org.vigil.platform.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.security.Roles;

/**
 * The console's own pages: the landing page after the login, the police and editors' sections
 * (each linking the pages its features offer, {@link ConsoleEntry}), the page after logout and the
 * page shown while the login provider cannot be reached.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance home(PageFrame page, Shell shell);

        static native TemplateInstance section(PageFrame page, Shell shell, String title, String intro);

        static native TemplateInstance signedOut(PageFrame page);

        static native TemplateInstance unavailable(PageFrame page, boolean dev);
    }

    private final Pages pages;
    private final Console console;

    ConsolePages(Pages pages, Console console) {
        this.pages = pages;
        this.console = console;
    }

    @GET
    @Path("/")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN, Roles.EDITOR})
    public Response home(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        return pages.page(Templates.home(pages.frame(language, "/console/"), console.shell("/console/")), language);
    }

    @GET
    @Path("/police")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    public Response police(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return section(lang, headers, "/console/police", "console.police");
    }

    @GET
    @Path("/editor")
    @RolesAllowed(Roles.EDITOR)
    public Response editor(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return section(lang, headers, "/console/editor", "console.editor");
    }

    private Response section(String lang, HttpHeaders headers, String path, String words) {
        String language = pages.language(lang, headers);
        PageFrame frame = pages.frame(language, path);
        return pages.page(
                Templates.section(frame, console.shell(path), frame.t(words + ".title"), frame.t(words + ".intro")),
                language);
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    public Response signedOut(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        return pages.page(Templates.signedOut(pages.frame(language, "/console/signed-out")), language);
    }

    @GET
    @Path("/unavailable")
    @PermitAll
    public Response unavailable(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        return pages.page(
                503,
                Templates.unavailable(
                        pages.frame(language, "/console/unavailable"), LaunchMode.current() == LaunchMode.DEVELOPMENT),
                language);
    }
}
