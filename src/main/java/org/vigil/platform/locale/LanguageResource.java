package org.vigil.platform.locale;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(
            summary = "Languages content is published in",
            description = "Clients offer these in their language picker; `?lang=` accepts exactly these codes.")
    @APIResponse(
            responseCode = "200",
            description = "Enabled languages, in display order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LanguageView.class, type = SchemaType.ARRAY),
                            examples =
                                    @ExampleObject(
                                            name = "languages",
                                            value =
                                                    "[{\"code\":\"vi\",\"englishName\":\"Vietnamese\",\"nativeName\":\"Tiếng Việt\"},"
                                                            + "{\"code\":\"en\",\"englishName\":\"English\",\"nativeName\":\"English\"}]")))
    @APIResponse(responseCode = "406", description = "The client accepts no media type this operation produces")
    public List<LanguageView> list() {
        return languages.enabled().stream()
                .map(l -> new LanguageView(l.code, l.englishName, l.nativeName))
                .toList();
    }
}
