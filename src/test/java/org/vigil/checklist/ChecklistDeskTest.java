package org.vigil.checklist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vigil.testsupport.ConsoleForms.follow;
import static org.vigil.testsupport.ConsoleForms.press;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.ConsoleLogin;
import org.vigil.testsupport.PageReview;
import org.vigil.testsupport.Tokens;

/**
 * The editors' page for checklists in a real Chromium, logged in as the demo editor: bad input
 * comes back with the typed questions, a checklist is saved and published (citizens see it), a save
 * over someone else's newer one is refused with the typed text kept, and it is withdrawn; deleting
 * asks first, and a stale or token-less delete deletes nothing.
 */
@QuarkusTest
class ChecklistDeskTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anEditorWritesPublishesAndWithdrawsAChecklistAndAStaleSaveIsRefused() {
        String u = ChecklistFixtures.unique("desk");
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, true)) {
            Page page = ConsoleLogin.open(
                    context.newPage(), base + "console/editor/checklists/new?lang=en", ConsoleLogin.EDITOR);
            page.fill("#title", "Is this job offer a trap " + u);
            page.selectOption("#scamType", "fake-job-abroad");
            page.fill("#introduction", "Answer honestly " + u);
            page.fill("#item-0-text", "Were you asked to pay a fee first?");
            page.fill("#item-0-weight", "8");
            page.fill("#item-1-text", "Is the salary far above the usual?");
            page.fill("#item-1-weight", "11");
            page.fill("#lowAdvice", "Probably fine.");
            page.fill("#mediumAdvice", "Ask the labour office.");
            page.fill("#highAdvice", "Do not go; call 113.");
            assertThat(press(page, "Save")).isEqualTo(400);
            assertThat(page.locator("#item-1-weight").getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(page.locator("[role=alert]").textContent()).contains("Give a weight from 1 to 10.");
            assertThat(page.inputValue("#item-1-text")).isEqualTo("Is the salary far above the usual?");
            assertThat(page.inputValue("#item-1-weight")).isEqualTo("11");
            assertThat(page.inputValue("#introduction")).isEqualTo("Answer honestly " + u);
            PageReview.review("desk-checklist-refused", base + "console/editor/checklists?lang=en", page.content());

            page.fill("#item-1-weight", "5");
            assertThat(press(page, "Save")).isEqualTo(303);
            assertThat(page.locator("[role=status]").textContent()).contains("Saved.");
            long id = Long.parseLong(page.url().replaceAll(".*/checklists/(\\d+)\\?.*", "$1"));
            admin(id).body("items.weight", equalTo(java.util.List.of(8, 5))).body("status", equalTo("DRAFT"));
            PageReview.review("desk-checklist", page.url(), page.content());

            assertThat(press(page, "Publish now")).isEqualTo(303);
            assertThat(page.locator("p.meta").textContent()).contains("Published");
            page.getByText("see it as citizens do").click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Is this job offer a trap " + u);
            page.goBack();

            // someone else saves first, through the API
            page.fill("#title", "My title " + u);
            Map<String, Object> theirs = ChecklistFixtures.checklist(u);
            theirs.put("title", "Their title " + u);
            given().header("Authorization", Tokens.editor())
                    .header("If-Match", ChecklistFixtures.etag(id))
                    .contentType(ContentType.JSON)
                    .body(theirs)
                    .put(ChecklistFixtures.ADMIN + "/" + id)
                    .then()
                    .statusCode(200);
            assertThat(press(page, "Save")).isEqualTo(409);
            assertThat(page.locator("[role=alert]").textContent())
                    .contains("Someone else saved this after you opened it");
            assertThat(page.inputValue("#title")).isEqualTo("My title " + u);
            admin(id).body("title", equalTo("Their title " + u));
            PageReview.review("desk-checklist-stale", base + "console/editor/checklists?lang=en", page.content());

            assertThat(press(page, "Withdraw")).isEqualTo(303);
            admin(id).body("status", equalTo("WITHDRAWN"));
            page.navigate(base + "console/editor/checklists?lang=en&status=withdrawn");
            assertThat(page.locator("main ul.list").textContent()).contains("Their title " + u);
            PageReview.review("desk-checklists", page.url(), page.content());
        }
    }

    @Test
    void aPublishedChecklistIsDeletedOnlyThroughItsQuestionPageAndNotAtAStaleVersionOrWithoutTheFormToken() {
        String u = ChecklistFixtures.unique("desk-del");
        long id = ChecklistFixtures.createPublished(ChecklistFixtures.checklist(u));
        given().get("/checklists/" + u).then().statusCode(200);
        String address = base + "console/editor/checklists/" + id + "?lang=vi";
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, true)) {
            Page page = ConsoleLogin.open(context.newPage(), address, ConsoleLogin.EDITOR);
            assertThat(page.locator("form[action*='/delete']").count()).isZero();
            assertThat(follow(page, "Xóa…")).isEqualTo(200);
            assertThat(page.locator("h1").textContent()).isEqualTo("Xóa bảng kiểm “Title of " + u + "”?");
            assertThat(page.locator("main").textContent())
                    .contains("không thể hoàn tác", "người dân sẽ không còn thấy nó");
            PageReview.review("desk-checklist-delete", page.url(), page.content());

            // without the form token: refused, nothing deleted
            String version = page.locator("input[name=version]").inputValue();
            APIResponse forged = context.request()
                    .post(
                            base + "console/editor/checklists/" + id + "/delete?lang=vi",
                            RequestOptions.create().setForm(FormData.create().set("version", version)));
            assertThat(forged.status()).isEqualTo(403);
            admin(id).body("status", equalTo("PUBLISHED"));

            // someone else changes it meanwhile: refused, nothing deleted, the page shows it as it is now
            Map<String, Object> theirs = ChecklistFixtures.checklist(u);
            theirs.put("title", "Their title " + u);
            given().header("Authorization", Tokens.editor())
                    .header("If-Match", ChecklistFixtures.etag(id))
                    .contentType(ContentType.JSON)
                    .body(theirs)
                    .put(ChecklistFixtures.ADMIN + "/" + id)
                    .then()
                    .statusCode(200);
            assertThat(press(page, "Xóa bảng kiểm")).isEqualTo(409);
            assertThat(page.locator("[role=alert]").textContent()).contains("Người khác đã sửa mục này");
            assertThat(page.inputValue("#title")).isEqualTo("Their title " + u);
            admin(id).body("title", equalTo("Their title " + u));

            assertThat(follow(page, "Xóa…")).isEqualTo(200);
            assertThat(follow(page, "Giữ lại")).isEqualTo(200);
            admin(id).body("status", equalTo("PUBLISHED"));
            assertThat(follow(page, "Xóa…")).isEqualTo(200);
            assertThat(press(page, "Xóa bảng kiểm")).isEqualTo(303);
            assertThat(page.url()).startsWith(base + "console/editor/checklists?");
            assertThat(page.locator("[role=status]").textContent()).contains("Đã xóa.");
            assertThat(page.locator("main").textContent()).doesNotContain("Their title " + u);
            PageReview.review("desk-checklists-deleted", page.url(), page.content());
        }
        given().header("Authorization", Tokens.editor())
                .get(ChecklistFixtures.ADMIN + "/" + id)
                .then()
                .statusCode(404);
        given().get("/checklists/" + u).then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse admin(long id) {
        return given().header("Authorization", Tokens.editor())
                .get(ChecklistFixtures.ADMIN + "/" + id)
                .then()
                .statusCode(200);
    }
}
