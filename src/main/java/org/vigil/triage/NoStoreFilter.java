package org.vigil.triage;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Nothing the police read may be kept by a browser or proxy: every /api/v1/police answer, errors too, is no-store. */
@Provider
public class NoStoreFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith(PoliceTipResource.BASE)) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
