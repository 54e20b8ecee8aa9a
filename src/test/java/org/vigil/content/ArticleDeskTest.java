package org.vigil.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.vigil.testsupport.ConsoleForms.follow;
import static org.vigil.testsupport.ConsoleForms.press;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.ConsoleLogin;
import org.vigil.testsupport.PageReview;
import org.vigil.testsupport.Tokens;

/**
 * The editors' pages for articles in a real Chromium, logged in as the demo editor through the real
 * Keycloak: write with a preview from the API's sanitiser, publish, and the article is on the home
 * page and in the Atom feed; a save over someone else's newer one, and bad input, come back as the
 * form with the typed text; schedule, reschedule and unschedule; delete, which asks first.
 */
@QuarkusTest
class ArticleDeskTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @TestHTTPResource("/")
    URL base;

    @Test
    void anEditorWritesPreviewsAndPublishesAnArticleThatReachesTheHomePageAndTheFeed() {
        String u = Articles.unique();
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, true)) {
            Page page = ConsoleLogin.open(context.newPage(), base + "console/editor?lang=en", ConsoleLogin.EDITOR);
            assertThat(page.locator("main ul.sections a").allTextContents())
                    .containsExactly("Articles", "Checklists", "Events");
            PageReview.review("desk-editor", page.url(), page.content());

            page.locator("main ul.sections a", new Page.LocatorOptions().setHasText("Articles"))
                    .click();
            page.getByText("Write an article", new Page.GetByTextOptions().setExact(true))
                    .click();
            page.fill("#title", "Fake parcel calls " + u);
            page.fill("#summary", "Callers ask for a fee " + u);
            page.fill("#bodyMarkdown", "## Signs " + u + "\n\n- a fee\n\n<script>alert(1)</script>");
            page.selectOption("#lang", "en");
            page.selectOption("#category", "online-fraud");
            page.fill("#tags", "parcels, t-" + u);
            page.fill("#source", "Provincial Police");
            assertThat(press(page, "Preview")).isEqualTo(200);
            assertThat(page.locator("section.card article.body h2").textContent())
                    .isEqualTo("Signs " + u);
            assertThat(page.locator("section.card article.body script").count()).isZero();
            assertThat(page.inputValue("#title")).isEqualTo("Fake parcel calls " + u);
            PageReview.review("desk-article-preview", page.url(), page.content());

            assertThat(press(page, "Save")).isEqualTo(303);
            assertThat(page.locator("[role=status]").textContent()).contains("Saved.");
            assertThat(page.locator("p.meta").textContent()).contains("Draft");
            PageReview.review("desk-article-draft", page.url(), page.content());
            assertThat(press(page, "Publish now")).isEqualTo(303);
            assertThat(page.locator("[role=status]").textContent()).contains("Published");
            assertThat(page.locator("p.meta").textContent()).contains("Published");

            page.navigate(base + "console/editor/articles?lang=en&status=published");
            assertThat(page.locator("main ul.list").textContent()).contains("Fake parcel calls " + u);
            PageReview.review("desk-articles", page.url(), page.content());
        }
        given().get("/?lang=en").then().statusCode(200).body(containsString("Fake parcel calls " + u));
        given().get("/feeds/articles.atom?lang=en")
                .then()
                .statusCode(200)
                .body(containsString("Fake parcel calls " + u));
    }

    @Test
    void aStaleSecondEditIsRefusedWithTheTextKeptAndBadInputComesBackWithItsErrors() {
        String u = Articles.unique();
        long id = Articles.create(Articles.body("stale-" + u, "en", "t-" + u));
        String address = base + "console/editor/articles/" + id + "?lang=en";
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, true)) {
            Page page = ConsoleLogin.open(context.newPage(), address, ConsoleLogin.EDITOR);
            page.fill("#title", "My title " + u);
            page.fill("#bodyMarkdown", "My text " + u);

            // someone else saves first, through the API
            Map<String, Object> theirs = Articles.body("stale-" + u, "en", "t-" + u);
            theirs.put("title", "Their title " + u);
            Articles.put(id, Articles.current(id), theirs).statusCode(200);

            assertThat(press(page, "Save")).isEqualTo(409);
            assertThat(page.locator("[role=alert]").textContent())
                    .contains("Someone else saved this after you opened it");
            assertThat(page.inputValue("#title")).isEqualTo("My title " + u);
            assertThat(page.inputValue("#bodyMarkdown")).isEqualTo("My text " + u);
            admin(id).body("title", equalTo("Their title " + u));
            PageReview.review("desk-article-stale", address, page.content());

            // the form now carries their version: saving again is a deliberate replacement
            assertThat(press(page, "Save")).isEqualTo(303);
            admin(id).body("title", equalTo("My title " + u)).body("bodyMarkdown", equalTo("My text " + u));

            page.fill("#title", " ");
            page.fill("#tags", "Not A Tag");
            page.fill("#summary", "Kept summary " + u);
            assertThat(press(page, "Save")).isEqualTo(400);
            assertThat(page.locator("[role=alert]").textContent())
                    .contains("Give a title of at most 200 characters.", "Tags are lower-case words");
            assertThat(page.locator("#title").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.inputValue("#summary")).isEqualTo("Kept summary " + u);
            assertThat(page.inputValue("#tags")).isEqualTo("Not A Tag");
            PageReview.review("desk-article-refused", address, page.content());
        }
    }

    @Test
    void anEditorSchedulesReschedulesAndUnschedulesAndOnlyEditorsOpenThePages() {
        String u = Articles.unique();
        long id = Articles.create(Articles.body("desk-sched-" + u, "vi", "t-" + u));
        LocalDateTime tomorrow = LocalDateTime.now(ZONE).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, true)) {
            Page page = ConsoleLogin.open(
                    context.newPage(), base + "console/editor/articles/" + id + "?lang=vi", ConsoleLogin.EDITOR);
            String past = LocalDateTime.now(ZONE)
                    .minusHours(1)
                    .truncatedTo(ChronoUnit.MINUTES)
                    .toString();
            page.fill("#publishAt", past);
            assertThat(press(page, "Hẹn giờ")).isEqualTo(400);
            assertThat(page.locator("[role=alert]").textContent()).contains("Chọn ngày giờ trong tương lai");
            assertThat(page.inputValue("#publishAt")).isEqualTo(past);

            page.fill("#publishAt", tomorrow.toString());
            assertThat(press(page, "Hẹn giờ")).isEqualTo(303);
            assertThat(page.locator("[role=status]").textContent()).contains("Đã hẹn giờ đăng.");
            admin(id)
                    .body("status", equalTo("scheduled"))
                    .body(
                            "publishedAt",
                            equalTo(tomorrow.atZone(ZONE).toInstant().toString()));
            PageReview.review("desk-article-scheduled", page.url(), page.content());

            page.fill("#publishAt", tomorrow.plusHours(2).toString());
            assertThat(press(page, "Dời giờ")).isEqualTo(303);
            admin(id)
                    .body(
                            "publishedAt",
                            equalTo(tomorrow.plusHours(2)
                                    .atZone(ZONE)
                                    .toInstant()
                                    .toString()));

            assertThat(press(page, "Hủy hẹn giờ (trở lại bản nháp)")).isEqualTo(303);
            assertThat(page.locator("p.meta").textContent()).contains("Bản nháp");
            assertThat(page.navigate(base + "console/editor/articles/987654321").status())
                    .isEqualTo(404);
        }
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Page page = ConsoleLogin.open(
                    context.newPage(), base + "console/editor/articles?lang=en", ConsoleLogin.OFFICER_56);
            assertThat(page.locator("h1").textContent()).isEqualTo("Not open to your role");
        }
    }

    @Test
    void aPublishedArticleIsDeletedThroughItsQuestionPageThenGoneForReadersAndAStaleDeleteDeletesNothing() {
        String u = Articles.unique();
        String slug = "desk-del-" + u;
        long id = Articles.createPublished(Articles.body(slug, "en", "t-" + u));
        given().get("/articles/" + slug).then().statusCode(200);
        String address = base + "console/editor/articles/" + id + "?lang=en";
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, true)) {
            Page page = ConsoleLogin.open(context.newPage(), address, ConsoleLogin.EDITOR);
            assertThat(page.locator("form[action*='/delete']").count()).isZero();
            assertThat(follow(page, "Delete…")).isEqualTo(200);
            assertThat(page.locator("h1").textContent())
                    .isEqualTo("Delete the article “Cảnh giác lừa đảo " + slug + "”?");
            assertThat(page.locator("main").textContent())
                    .contains("can never again be edited or published", "gone (410)");
            PageReview.review("desk-article-delete", page.url(), page.content());

            // someone else withdraws it meanwhile: refused, nothing deleted
            Articles.withdraw(id);
            assertThat(press(page, "Delete the article")).isEqualTo(409);
            assertThat(page.locator("[role=alert]").textContent()).contains("Someone else changed this");
            admin(id).body("status", equalTo("withdrawn"));

            APIResponse forged = context.request()
                    .post(
                            base + "console/editor/articles/" + id + "/delete?lang=en",
                            RequestOptions.create()
                                    .setForm(FormData.create()
                                            .set(
                                                    "version",
                                                    admin(id)
                                                            .extract()
                                                            .jsonPath()
                                                            .getString("version"))));
            assertThat(forged.status()).isEqualTo(403);
            admin(id).body("status", equalTo("withdrawn"));

            assertThat(follow(page, "Delete…")).isEqualTo(200);
            assertThat(press(page, "Delete the article")).isEqualTo(303);
            assertThat(page.url()).startsWith(base + "console/editor/articles?");
            assertThat(page.locator("[role=status]").textContent()).contains("Deleted.");
            assertThat(page.locator("main").textContent()).doesNotContain(slug);
            page.navigate(base + "console/editor/articles?lang=en&status=deleted");
            assertThat(page.locator("main ul.list").textContent()).contains(slug);

            // deleted already: the question says it cannot be done, and offers no button
            assertThat(page.navigate(base + "console/editor/articles/" + id + "/delete?lang=en")
                            .status())
                    .isEqualTo(409);
            assertThat(page.locator("[role=alert]").textContent()).contains("cannot be done in its present state");
            assertThat(page.locator("form[action*='/delete']").count()).isZero();
        }
        admin(id).body("status", equalTo("deleted"));
        given().get("/articles/" + slug).then().statusCode(410);
        given().get("/feeds/articles.atom?lang=en").then().statusCode(200).body(not(containsString(slug)));
    }

    @Test
    void aDraftsDeleteQuestionSaysReadersNeverSawIt() {
        String u = Articles.unique();
        long id = Articles.create(Articles.body("desk-draft-del-" + u, "vi", "t-" + u));
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, true)) {
            Page page = ConsoleLogin.open(
                    context.newPage(), base + "console/editor/articles/" + id + "/delete?lang=vi", ConsoleLogin.EDITOR);
            assertThat(page.locator("main").textContent()).contains("Người đọc chưa từng thấy bài này");
            PageReview.review("desk-article-delete-draft", page.url(), page.content());
            assertThat(press(page, "Xóa bài")).isEqualTo(303);
            assertThat(page.locator("[role=status]").textContent()).contains("Đã xóa.");
        }
        admin(id).body("status", equalTo("deleted"));
    }

    private static io.restassured.response.ValidatableResponse admin(long id) {
        return given().header("Authorization", Tokens.editor())
                .get(Articles.ADMIN + "/" + id)
                .then()
                .statusCode(200);
    }
}
