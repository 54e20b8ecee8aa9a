package org.vigil.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.vigil.content.Articles.ADMIN;
import static org.vigil.content.Articles.unique;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.PageReview;
import org.vigil.testsupport.Tokens;

/**
 * The editors' desk for articles, through the same service as the API: write with a preview from
 * the API's sanitiser, save, publish, schedule; bad input and a stale save come back as the form
 * with the typed text. The caller is an editor's bearer token until the console's login is wired
 * (the role check is the same {@code @RolesAllowed(editor)} either way).
 */
@QuarkusTest
class ArticleDeskTest {

    static final String DESK = "/console/desk/articles";
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @TestHTTPResource("/")
    URL base;

    static RequestSpecification editor() {
        return given().header("Authorization", Tokens.editor())
                .header("Accept", "text/html")
                .redirects()
                .follow(false);
    }

    static Map<String, String> typed(String u) {
        return Map.of(
                "language", "en",
                "category", "online-fraud",
                "title", "Fake parcel calls " + u,
                "summary", "Callers ask for a fee " + u,
                "bodyMarkdown", "## Signs " + u + "\n\n- a fee\n\n<script>alert(1)</script>",
                "tags", "parcels, t-" + u,
                "source", "Provincial Police");
    }

    @Test
    void anEditorPreviewsSavesAndPublishesAnArticleInABrowser() {
        String u = unique();
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, true)) {
            context.setExtraHTTPHeaders(Map.of("Authorization", Tokens.editor()));
            Page page = context.newPage();
            page.navigate(base + "console/desk/articles/new?lang=en");
            page.fill("#title", "Fake parcel calls " + u);
            page.fill("#summary", "Callers ask for a fee " + u);
            page.fill("#bodyMarkdown", "## Signs " + u + "\n\n- a fee\n\n<script>alert(1)</script>");
            page.selectOption("#lang", "en");
            page.fill("#tags", "parcels, t-" + u);
            page.fill("#source", "Provincial Police");
            page.getByText("Preview", new Page.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.locator("section.card article.body h2").textContent())
                    .isEqualTo("Signs " + u);
            assertThat(page.locator("section.card article.body script").count()).isZero();
            assertThat(page.inputValue("#title")).isEqualTo("Fake parcel calls " + u);
            page.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("[role=status]").textContent()).contains("Saved.");
            assertThat(page.locator("p.meta").textContent()).contains("Draft");
            page.getByText("Publish now", new Page.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.locator("p.meta").textContent()).contains("Published");
            PageReview.screenshot(page, "desk-article-published-1280");
        }
        String slug = given().queryParam("lang", "en")
                .queryParam("tag", "t-" + u)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.title", hasItem("Fake parcel calls " + u))
                .extract()
                .path("items[0].slug");
        given().get("/articles/" + slug).then().statusCode(200);
    }

    @Test
    void badInputComesBackAsTheFormWithItsErrorsAndTheTypedText() {
        String u = unique();
        Map<String, String> form = new HashMap<>(typed(u));
        form.put("title", " ");
        form.put("tags", "Not A Tag");
        String html = editor().formParams(form)
                .formParam("action", "save")
                .post(DESK + "?lang=en")
                .then()
                .statusCode(400)
                .header("Cache-Control", "no-store")
                .body(containsString("Give a title of at most 200 characters."))
                .body(containsString("Tags are lower-case words"))
                .body(containsString("Callers ask for a fee " + u))
                .body(containsString("## Signs " + u))
                .extract()
                .asString();
        given().header("Authorization", Tokens.editor())
                .queryParam("limit", 100)
                .get(ADMIN)
                .then()
                .body("items.title", not(hasItem(containsString(u))));
        PageReview.review("desk-article-refused", base + "console/desk/articles?lang=en", html);
    }

    @Test
    void aStaleSaveSaysSoKeepsTheTypedTextAndChangesNothing() {
        String u = unique();
        long id = Articles.create(Articles.body("stale-" + u, "en", "t-" + u));
        String version = Articles.current(id).replace("\"", "");
        // someone else saves first, through the API
        Map<String, Object> theirs = Articles.body("stale-" + u, "en", "t-" + u);
        theirs.put("title", "Their title " + u);
        Articles.put(id, Articles.current(id), theirs).statusCode(200);

        Map<String, String> mine = new HashMap<>(typed(u));
        mine.put("title", "My title " + u);
        String html = editor().formParams(mine)
                .formParam("version", version)
                .formParam("action", "save")
                .post(DESK + "/" + id + "?lang=en")
                .then()
                .statusCode(409)
                .body(containsString("Someone else saved this article after you opened it"))
                .body(containsString("My title " + u))
                .extract()
                .asString();
        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .body("title", equalTo("Their title " + u));
        PageReview.review("desk-article-stale", base + "console/desk/articles/" + id + "?lang=en", html);

        // the form now carries their version: saving again is a deliberate replacement
        String current = Articles.current(id).replace("\"", "");
        assertThat(html).contains("name=\"version\" value=\"" + current + "\"");
        editor().formParams(mine)
                .formParam("version", current)
                .formParam("action", "save")
                .post(DESK + "/" + id + "?lang=en")
                .then()
                .statusCode(303);
        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .body("title", equalTo("My title " + u));
    }

    @Test
    void anEditorSchedulesReschedulesAndCancelsFromTheDesk() {
        String u = unique();
        long id = Articles.create(Articles.body("desk-sched-" + u, "vi", "t-" + u));
        LocalDateTime tomorrow = LocalDateTime.now(ZONE).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        editor().formParam("version", Articles.current(id).replace("\"", ""))
                .formParam("publishAt", tomorrow.toString())
                .post(DESK + "/" + id + "/schedule?lang=vi")
                .then()
                .statusCode(303)
                .header("Location", matchesPattern(".*/console/desk/articles/" + id + "\\?lang=vi&done=schedule"));
        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .body("status", equalTo("scheduled"))
                .body("publishedAt", equalTo(tomorrow.atZone(ZONE).toInstant().toString()));
        String scheduledPage = editor().get(DESK + "/" + id + "?lang=vi&done=schedule")
                .then()
                .statusCode(200)
                .body(containsString("Đã hẹn giờ đăng."))
                .body(containsString("Dời giờ"))
                .body(not(containsString("/withdraw")))
                .extract()
                .asString();
        PageReview.review("desk-article-scheduled", base + "console/desk/articles/" + id + "?lang=vi", scheduledPage);

        // a time in the past: the page again, the typed time kept, nothing changed
        String past = LocalDateTime.now(ZONE)
                .minusHours(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        editor().formParam("version", Articles.current(id).replace("\"", ""))
                .formParam("publishAt", past)
                .post(DESK + "/" + id + "/schedule?lang=vi")
                .then()
                .statusCode(400)
                .body(containsString("Chọn ngày giờ trong tương lai"))
                .body(containsString("value=\"" + past + "\""));
        // a stale version: refused, said so
        editor().formParam("version", "0")
                .post(DESK + "/" + id + "/unschedule?lang=vi")
                .then()
                .statusCode(412)
                .body(containsString("Người khác đã sửa bài này"));

        editor().formParam("version", Articles.current(id).replace("\"", ""))
                .post(DESK + "/" + id + "/unschedule?lang=vi")
                .then()
                .statusCode(303);
        given().header("Authorization", Tokens.editor())
                .get(ADMIN + "/" + id)
                .then()
                .body("status", equalTo("draft"));
    }

    @Test
    void theListShowsEachArticlesStateAndOnlyEditorsOpenTheDesk() {
        String u = unique();
        long id = Articles.create(Articles.body("desk-list-" + u, "vi", "t-" + u));
        Instant at = Instant.now().plus(Duration.ofDays(3));
        ArticleScheduleTest.schedule(id, Articles.current(id), at).statusCode(200);
        ExtractableResponse<Response> list = editor().queryParam("status", "scheduled")
                .get(DESK + "?lang=en")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("desk-list-" + u))
                .body(containsString("Scheduled"))
                .extract();
        PageReview.review("desk-articles", base + "console/desk/articles?lang=en", list.asString());

        given().header("Accept", "text/html").get(DESK).then().statusCode(401);
        given().header("Authorization", Tokens.officer("officer.desk", "VN-56"))
                .header("Accept", "text/html")
                .get(DESK)
                .then()
                .statusCode(403);
        editor().get(DESK + "/987654321").then().statusCode(404);
    }
}
