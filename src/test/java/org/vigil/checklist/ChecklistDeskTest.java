package org.vigil.checklist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vigil.testsupport.ConsoleForms.press;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
 * over someone else's newer one is refused with the typed text kept, and it is withdrawn.
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

    private static io.restassured.response.ValidatableResponse admin(long id) {
        return given().header("Authorization", Tokens.editor())
                .get(ChecklistFixtures.ADMIN + "/" + id)
                .then()
                .statusCode(200);
    }
}
