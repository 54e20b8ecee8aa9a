package org.vigil.triage;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.vigil.tip.TipContent;

/** A tip's file as the police API and the console send it: named, never sniffed into another type. */
public final class TipFileAnswer {

    private TipFileAnswer() {}

    /**
     * {@code inline}: shown in the page (the console's images); otherwise saved (every file on the
     * API, PDFs in the console), so that no document runs in the service's origin.
     */
    public static Response of(TipContent.File file, boolean inline) {
        return Response.ok(file.content(), file.mediaType())
                .header(
                        "Content-Disposition",
                        (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
                                + URLEncoder.encode(file.name(), StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
