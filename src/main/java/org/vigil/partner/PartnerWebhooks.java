package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.vigil.platform.db.Versioned;
import org.vigil.platform.error.ApiException;

/** The admins' registration of an organisation's webhook for urgent pushes; audited under its code. */
@ApplicationScoped
public class PartnerWebhooks {

    private static final String NO_ORGANISATION = "No partner organisation with this code";

    private final PartnerConfig config;
    private final EntityManager em;

    PartnerWebhooks(PartnerConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    /** Registers or replaces the organisation's webhook; true when it had none. */
    @Transactional
    public boolean save(String admin, String code, PartnerRequests.Webhook request) {
        lockOrganisation(code);
        String url = requireUrl(request.url().strip());
        PartnerWebhook earlier = PartnerWebhook.findById(code);
        if (earlier != null) {
            // a sealed secret is written once: a new one is a new row
            earlier.delete();
            em.flush();
        }
        PartnerWebhook webhook = new PartnerWebhook();
        webhook.organisation = code;
        webhook.url = url;
        webhook.secret = request.secret();
        webhook.createdBy = admin;
        webhook.createdAt = Versioned.now();
        webhook.persist();
        PartnerAudit.record(code, admin, PartnerAudit.Action.WEBHOOK_SAVED, url);
        return earlier == null;
    }

    @Transactional
    public PartnerViews.Webhook get(String code) {
        return PartnerViews.Webhook.of(find(code));
    }

    @Transactional
    public void remove(String admin, String code) {
        lockOrganisation(code);
        PartnerWebhook webhook = find(code);
        webhook.delete();
        PartnerAudit.record(code, admin, PartnerAudit.Action.WEBHOOK_REMOVED, webhook.url);
    }

    /**
     * Changes of one organisation's webhook take turns: two admins' replacements at the same moment
     * would otherwise both delete the old row and one would fail; now the later one replaces the first.
     */
    private static void lockOrganisation(String code) {
        if (PartnerOrganisation.findById(code, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ApiException.notFound(NO_ORGANISATION);
        }
    }

    private static PartnerWebhook find(String code) {
        PartnerWebhook webhook = PartnerWebhook.findById(code);
        if (webhook == null) {
            throw ApiException.notFound(
                    PartnerOrganisation.findById(code) == null ? NO_ORGANISATION : "This organisation has no webhook");
        }
        return webhook;
    }

    /** An absolute https URL with a host and no user info (plain http only where push.allow-http says so). */
    private String requireUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.invalid("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = scheme.equals("https")
                || (scheme.equals("http") && config.push().allowHttp());
        if (!allowed || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw ApiException.invalid("url", "must be an https URL with a host, without user info or fragment");
        }
        return url;
    }
}
