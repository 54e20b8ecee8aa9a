package org.vigil.checklist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.PageReview;

/** A checklist scored in a real browser without JavaScript: the questions as a form, the band and advice as a page. */
@QuarkusTest
class ChecklistPagesTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCitizenScoresAChecklistAndAnUnansweredQuestionIsShownWithTheAnswersKept() {
        String slug = ChecklistFixtures.unique("page");
        ChecklistFixtures.createPublished(ChecklistFixtures.checklist(slug));
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = context.newPage();
            page.navigate(base + "checklists?lang=en");
            page.getByText("Title of " + slug).click();
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
            // a (4) and b (3) of 10: 70 %, high from 60 %; d left unanswered first
            page.locator("input[name='answers[a]'][value=yes]").check();
            page.locator("input[name='answers[b]'][value=yes]").check();
            page.locator("input[name='answers[c]'][value=no]").check();
            page.getByText("See the result").click();
            assertThat(page.locator("#q-d-error").textContent()).isEqualTo("Choose Yes or No.");
            assertThat(page.locator("#q-a-error").textContent()).isEmpty();
            assertThat(page.locator("input[name='answers[a]'][value=yes]").isChecked())
                    .as("answers kept")
                    .isTrue();
            PageReview.review("checklist-unanswered", page.url(), page.content());
            page.locator("input[name='answers[d]'][value=no]").check();
            page.getByText("See the result").click();
            String result = page.locator("main").textContent();
            assertThat(result).contains("High risk", "Risk score: 7 out of 10.", "high advice");
            PageReview.review("checklist-result", page.url(), page.content());
        }
        given().get("/checklists/" + slug).then().statusCode(200).header("Cache-Control", "public, max-age=60");
        PageReview.review("checklists", base + "checklists?lang=en");
        PageReview.review("checklist", base + "checklists/" + slug);
    }
}
