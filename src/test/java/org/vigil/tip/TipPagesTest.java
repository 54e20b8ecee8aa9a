package org.vigil.tip;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.PageReview;
import org.vigil.testsupport.Tokens;

/**
 * The tip form and the follow-up in a real browser with JavaScript off, as the safest tipsters use
 * them: a tip with a photo, the codes shown once, the police's reply read with them; the form again
 * with its errors and the typed text; one tip however often the same form is sent.
 */
@QuarkusTest
class TipPagesTest {

    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource db;

    @Test
    void aTipWithAPhotoSentWithoutJavaScriptIsFollowedUpWithItsCodes() throws Exception {
        String narrative = "Một người trên Facebook tuyển lao động sang Campuchia, mã " + UUID.randomUUID();
        String reference;
        String receipt;
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = context.newPage();
            page.navigate(base + "?lang=vi");
            page.locator("main")
                    .getByText("Gửi tin báo", new Locator.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.url()).isEqualTo(base + "tip?lang=vi");
            page.getByLabel("Mua bán người").check();
            page.locator("#narrative").fill(narrative);
            page.locator("#inDangerNow").check();
            assertThat(page.locator(".danger-now").isVisible())
                    .as("113 shown at once, without JavaScript")
                    .isTrue();
            page.locator("#idValue-0").fill("0912 345 678");
            page.locator("#idType-1").selectOption("bank-account");
            page.locator("#idValue-1").fill("0451 0000 12345");
            page.locator("#idBank-1").fill("VCB");
            page.locator("#place").fill("Xã Nhơn Hải");
            page.locator("#files")
                    .setInputFiles(new FilePayload("anh-chup.jpg", "image/jpeg", TipAttachmentTest.jpegWithGps()));
            page.getByText("Gửi tin báo", new Page.GetByTextOptions().setExact(true))
                    .last()
                    .click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Đã nhận tin báo của bạn");
            reference = page.locator("#reference").textContent();
            receipt = page.locator("#receipt").textContent();
            assertThat(page.locator("main").textContent()).contains("Hãy gọi 113 ngay", "anh-chup.jpg");
            PageReview.review("tip-receipt", base + "tip", page.content());
        }

        // the police see it, with its photo cleaned, and reply through the API
        var details = given().header("Authorization", Tokens.supervisor("sup.web"))
                .get("/api/v1/police/tips/" + reference)
                .then()
                .statusCode(200)
                .extract();
        assertThat(details.<String>path("narrative")).isEqualTo(narrative);
        assertThat(details.<Boolean>path("inDangerNow")).isTrue();
        assertThat(details.<List<?>>path("identifiers")).hasSize(2);
        assertThat(details.<List<?>>path("attachments")).hasSize(1);
        given().header("Authorization", Tokens.supervisor("sup.web"))
                .contentType("application/json")
                .body(Map.of("text", "Cảm ơn bạn. Bạn có biết tên công ty không?"))
                .post("/api/v1/police/tips/" + reference + "/replies")
                .then()
                .statusCode(201);

        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = context.newPage();
            page.navigate(base + "follow-up?lang=vi");
            page.locator("#reference").fill(reference);
            page.locator("#receipt").fill("wrong-" + receipt);
            page.getByText("Xem", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("#codes-error").textContent()).contains("Không tìm thấy tin báo");
            page.locator("#receipt").fill(receipt.toLowerCase());
            page.getByText("Xem", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.url()).as("the codes never go into an address").isEqualTo(base + "follow-up");
            assertThat(page.locator(".thread .police").textContent())
                    .contains("Cảm ơn bạn. Bạn có biết tên công ty không?");
            PageReview.review("follow-up-status", page.url(), page.content());
            page.locator("#text").fill("Công ty tên là ABC.");
            page.getByText("Gửi tin nhắn").click();
            assertThat(page.locator("[role=status]").textContent()).isEqualTo("Đã gửi tin nhắn của bạn.");
            assertThat(page.locator(".thread .tipster").last().textContent()).contains("Công ty tên là ABC.");
            assertThat(page.content()).doesNotContain("wrong-");
        }
        PageReview.review("tip", base + "tip?lang=vi");
        PageReview.review("tip-en", base + "tip?lang=en");
        PageReview.review("follow-up", base + "follow-up?lang=vi");
    }

    @Test
    void aRefusedTipComesBackWithItsErrorsNextToTheFieldsAndTheTypedTextKept() {
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = context.newPage();
            page.navigate(base + "tip?lang=en");
            page.locator("#narrative").fill("They keep my cousin's passport.");
            page.locator("#idValue-1").fill("12");
            page.locator("#contactEmail").fill("not an address");
            page.getByText("Send the tip").click();
            // first what Bean Validation finds, as the API does
            assertThat(page.locator("#category-error").textContent()).isEqualTo("Choose what the tip is about.");
            assertThat(page.locator("#contactEmail-error").textContent()).isEqualTo("This email address is not valid.");
            assertThat(page.locator("#narrative").inputValue()).isEqualTo("They keep my cousin's passport.");
            assertThat(page.locator("#idValue-1").inputValue()).isEqualTo("12");
            PageReview.review("tip-refused", base + "tip", page.content());
            // then what the service finds, named after the form's own row (the empty first one left out)
            page.getByLabel("Forced labour").check();
            page.locator("#contactEmail").fill("");
            page.getByText("Send the tip").click();
            assertThat(page.locator("#idValue-1-error").textContent()).contains("cannot be read as a phone number");
            assertThat(page.locator("#category-error").count()).isZero();
            assertThat(page.locator("input[name=category][value=forced-labour]").isChecked())
                    .isTrue();
            // another identifier line, without sending anything
            page.getByText("Add a line").click();
            assertThat(page.locator("#idValue-2").count()).isEqualTo(1);
            assertThat(page.locator("#narrative").inputValue()).isEqualTo("They keep my cousin's passport.");
        }
    }

    @Test
    void theSameFormSentTwiceOrAtOnceGivesOneTip() throws Exception {
        String form = given().get("/tip").then().statusCode(200).extract().asString();
        Matcher key = KEY.matcher(form);
        assertThat(key.find()).isTrue();
        long before = TipFixtures.longValue(db, "SELECT COUNT(*) FROM tip");
        String narrative = "Gửi hai lần " + UUID.randomUUID();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> send(key.group(1), narrative));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> send(key.group(1), narrative));
        String again = send(key.group(1), narrative);
        assertThat(first.get()).isEqualTo(second.get()).isEqualTo(again);
        assertThat(TipFixtures.longValue(db, "SELECT COUNT(*) FROM tip") - before)
                .isEqualTo(1);
    }

    @Test
    void tooManyFilesAreRefusedWithTheTextKept() throws Exception {
        RequestSpecification request = given().multiPart(
                        part("key", UUID.randomUUID().toString()))
                .multiPart(part("category", "online-fraud"))
                .multiPart(part("narrative", "Sáu ảnh chụp màn hình"));
        for (int i = 0; i < 6; i++) {
            request.multiPart("files", "anh-" + i + ".png", TipAttachmentTest.png(), "image/png");
        }
        request.post("/tip")
                .then()
                .statusCode(400)
                .header("Cache-Control", "no-store")
                .body(containsString("Tối đa 5 tệp"), containsString("Sáu ảnh chụp màn hình"));
    }

    /** The form as a browser sends it; the answer's reference. */
    private static String send(String key, String narrative) {
        String page = given().multiPart(part("key", key))
                .multiPart(part("lang", "vi"))
                .multiPart(part("category", "online-fraud"))
                .multiPart(part("narrative", narrative))
                .multiPart(part("idType", "phone"))
                .multiPart(part("idValue", "0912 345 678"))
                .multiPart(part("idBank", ""))
                .multiPart("files", "", new byte[0], "application/octet-stream")
                .post("/tip")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher reference = Pattern.compile("id=\"reference\">([^<]+)<").matcher(page);
        assertThat(reference.find()).as(page).isTrue();
        return reference.group(1);
    }

    private static io.restassured.specification.MultiPartSpecification part(String name, String value) {
        return new MultiPartSpecBuilder(value)
                .controlName(name)
                .mimeType("text/plain")
                .charset(StandardCharsets.UTF_8)
                .build();
    }
}
