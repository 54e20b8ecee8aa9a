package org.vigil.platform.locale;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/languages")
@Tag(name = "Languages")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class LanguageResource {

    private final Languages languages;

    LanguageResource(Languages languages) {
        this.languages = languages;
    }

    public record LanguageView(String code, String englishName, String nativeName) {}

    @GET
    public List<LanguageView> list() {
        return languages.enabled().stream()
                .map(l -> new LanguageView(l.code, l.englishName, l.nativeName))
                .toList();
    }
}
