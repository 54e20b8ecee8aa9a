package org.vigil.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.PageReview;

/** The check in a real browser without JavaScript, from the home page: a listed number, an unknown one, a bad one. */
@QuarkusTest
class CheckPagesTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCitizenChecksAListedNumberFromTheHomePage() {
        String phone = IndicatorFixtures.phone();
        IndicatorFixtures.listedPhone(phone);
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = context.newPage();
            page.navigate(base + "?lang=vi");
            page.locator("#check-value").fill(phone);
            page.getByText("Kiểm tra", new Page.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.url()).isEqualTo(base + "check");
            String answer = page.locator("main").textContent();
            assertThat(answer)
                    .contains("Cảnh báo: đã được công an xác minh là lừa đảo", IndicatorFixtures.e164(phone))
                    .contains("Đừng chuyển tiền");
            PageReview.review("check-listed", page.url(), page.content());

            page.locator("#check-value").fill("0386 000 000");
            page.getByText("Kiểm tra", new Page.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.locator("main").textContent()).contains("Chưa có cảnh báo đã xác minh");

            page.locator("input[name=type][value=bank-account]").check();
            page.locator("#check-value").fill("không phải số");
            page.getByText("Kiểm tra", new Page.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.locator("#check-value").inputValue()).isEqualTo("không phải số");
            assertThat(page.locator("input[name=type][value=bank-account]").isChecked())
                    .isTrue();
            assertThat(page.locator(".error").allTextContents()).isNotEmpty();
            PageReview.review("check-refused", page.url(), page.content());
        }
        PageReview.review("check", base + "check?lang=vi");
    }
}
