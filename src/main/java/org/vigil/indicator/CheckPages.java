package org.vigil.indicator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.ratelimit.RateLimited;

/**
 * The check as a page: a phone number, account, e-wallet or link typed into a form and POSTed (so
 * that it stays out of addresses and histories), answered in plain words with what to do, by the
 * same {@link PublicCheck} as the API: nothing stored or logged, the answer {@code no-store}.
 */
@Path("/check")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class CheckPages {

    /** The topic of this page's cached form: it changes only with the build (see Assets). */
    private static final String FORM_TOPIC = "check-page";

    @CheckedTemplate(basePath = "indicator")
    static class Templates {
        static native TemplateInstance check(PageFrame page, Form check);

        static native TemplateInstance result(PageFrame page, IndicatorViews.CheckResult result, Form check);
    }

    /** The form's fields, bounded as the API bounds its parameters. */
    record Typed(
            @Size(max = 20) String type,
            @Size(max = 500) String value,
            @Size(max = 40) String bank) {}

    private final PublicCheck check;
    private final Pages pages;

    CheckPages(PublicCheck check, Pages pages) {
        this.check = check;
        this.pages = pages;
    }

    @GET
    public Response form(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context Request request) {
        String language = pages.language(lang, headers);
        return pages.cached(
                request,
                headers,
                FORM_TOPIC,
                List.of("check", language),
                () -> Pages.Versioned.of(language),
                l -> Templates.check(pages.frame(l, "/check"), Form.empty()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited(IndicatorLimits.CHECK)
    public Response check(
            @RestForm String type,
            @RestForm String value,
            @RestForm String bank,
            @RestForm String lang,
            @Context HttpHeaders headers) {
        String language = pages.language(lang, headers);
        PageFrame frame = pages.frame(language, "/check");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("type", type == null ? "" : type);
        typed.put("value", value == null ? "" : value);
        typed.put("bank", bank == null ? "" : bank);
        List<Problem.FieldError> findings = new ArrayList<>(pages.check(new Typed(type, value, bank)));
        IndicatorType indicatorType = null;
        try {
            indicatorType = IndicatorType.param("type", type);
        } catch (ApiException e) {
            findings.addAll(e.errors());
        }
        if (indicatorType == null && findings.isEmpty()) {
            findings.add(new Problem.FieldError("type", "is required"));
        }
        if (value == null || value.isBlank()) {
            findings.add(new Problem.FieldError("value", "is required"));
        }
        if (findings.isEmpty()) {
            // the form has one field for the bank of an account and the provider of a wallet
            boolean wallet = indicatorType == IndicatorType.E_WALLET;
            try {
                IndicatorViews.CheckResult result =
                        check.check(indicatorType, value, wallet ? null : bank, wallet ? bank : null, language);
                return pages.page(Templates.result(frame, result, Form.of(typed)), language);
            } catch (ApiException e) {
                if (e.errors().isEmpty()) {
                    throw e;
                }
                e.errors()
                        .forEach(f -> findings.add(new Problem.FieldError(
                                f.field().equals("provider") ? "bank" : f.field(), f.message())));
            }
        }
        return pages.page(400, Templates.check(frame, Form.refused(typed, findings, "check", frame)), language);
    }
}
