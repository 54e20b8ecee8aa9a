package org.vigil.home;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.vigil.campaign.EventFilter;
import org.vigil.campaign.EventService;
import org.vigil.campaign.EventViews;
import org.vigil.checklist.ChecklistViews;
import org.vigil.checklist.PublicChecklists;
import org.vigil.content.ArticleQueries;
import org.vigil.content.ArticleViews.ArticleSummary;
import org.vigil.platform.page.Form;
import org.vigil.platform.page.PageFrame;
import org.vigil.platform.page.Pages;
import org.vigil.platform.web.ReadCache;

/**
 * The citizens' front page: the latest warnings, the check, the way to send a tip, the hotline,
 * the next campaign events and the checklists. It only reads what the features publish, through
 * their public services, and is cached like them (its ETag moves with any of the three).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class HomePage {

    static final int ARTICLES = 5;
    static final int EVENTS = 3;
    static final int CHECKLISTS = 4;

    @CheckedTemplate(basePath = "home")
    static class Templates {
        static native TemplateInstance home(
                PageFrame page,
                List<ArticleSummary> articles,
                List<EventViews.Event> events,
                List<ChecklistViews.Summary> checklists,
                Form check);
    }

    private final ArticleQueries articles;
    private final EventService events;
    private final PublicChecklists checklists;
    private final Pages pages;

    HomePage(ArticleQueries articles, EventService events, PublicChecklists checklists, Pages pages) {
        this.articles = articles;
        this.events = events;
        this.checklists = checklists;
        this.pages = pages;
    }

    @GET
    public Response home(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context Request request) {
        String language = pages.language(lang, headers);
        ArticleQueries.ListQuery latest = ArticleQueries.ListQuery.of(language, null, null, null, null, ARTICLES, null);
        EventFilter upcoming = events.publicFilter(null, null, null, language, null, null);
        PublicChecklists.ListQuery lists = new PublicChecklists.ListQuery(language, null, null, CHECKLISTS);
        return pages.cached(
                request,
                headers,
                ReadCache.topics(
                        ArticleQueries.READ_CACHE_TOPIC,
                        EventService.READ_CACHE_TOPIC,
                        PublicChecklists.READ_CACHE_TOPIC),
                List.of("home", language),
                () -> {
                    EventService.ContentVersion next = events.versionOf(upcoming);
                    return Pages.Versioned.of(
                            language,
                            articles.listEtag(latest).getValue(),
                            next.count(),
                            next.lastUpdate(),
                            next.versionSum(),
                            checklists.listTag(lists).getValue());
                },
                l -> Templates.home(
                        pages.frame(l, "/"),
                        articles.list(latest).items(),
                        events.list(upcoming, null, EVENTS).items(),
                        checklists.list(lists).items(),
                        Form.empty()));
    }
}
