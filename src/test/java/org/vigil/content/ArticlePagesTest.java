package org.vigil.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.PageReview;

/**
 * Articles in a real browser (JavaScript off, as the safest readers have it): found from the home
 * page, read at the canonical address with what previews and search engines read, the language
 * switched to the translation; withdrawn ones are gone (410), unknown ones not found (404).
 */
@QuarkusTest
class ArticlePagesTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aReaderFindsTheLatestWarningOnTheHomePageReadsItAndSwitchesLanguage() throws Exception {
        String key = Articles.unique();
        Map<String, Object> vietnamese = Articles.body("canh-bao-" + key, "vi", "viec-lam");
        vietnamese.put("translationKey", key);
        Map<String, Object> english = Articles.body("warning-" + key, "en", "jobs");
        english.put("translationKey", key);
        english.put("title", "Beware of fraud " + key);
        Articles.createPublished(english);
        Articles.createPublished(vietnamese);

        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = context.newPage();
            page.navigate(base + "?lang=vi");
            page.getByText("Cảnh giác lừa đảo canh-bao-" + key).click();
            assertThat(page.url()).isEqualTo(base + "articles/canh-bao-" + key);
            assertThat(page.locator("h1").textContent()).isEqualTo("Cảnh giác lừa đảo canh-bao-" + key);
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("vi");
            assertThat(page.locator("link[rel=canonical]").getAttribute("href"))
                    .isEqualTo("http://localhost:8080/articles/canh-bao-" + key);
            assertThat(page.locator("meta[property='og:title']").getAttribute("content"))
                    .isEqualTo("Cảnh giác lừa đảo canh-bao-" + key);
            assertThat(page.locator("meta[name='twitter:card']").getAttribute("content"))
                    .isEqualTo("summary");
            assertThat(page.locator("link[rel=alternate][hreflang=en]").getAttribute("href"))
                    .isEqualTo("http://localhost:8080/articles/warning-" + key);
            JsonNode data = new ObjectMapper()
                    .readTree(page.locator("script[type='application/ld+json']").textContent());
            assertThat(data.path("@type").asText()).isEqualTo("NewsArticle");
            assertThat(data.path("headline").asText()).isEqualTo("Cảnh giác lừa đảo canh-bao-" + key);
            assertThat(data.path("publisher").path("name").asText()).isEqualTo("Công an tỉnh");
            assertThat(page.locator("main").textContent())
                    .contains("Công an tỉnh", "CC BY 4.0", "Hứa hẹn lợi nhuận cao");

            page.locator("nav.languages").getByText("English").click();
            assertThat(page.url()).isEqualTo(base + "articles/warning-" + key);
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
            assertThat(page.locator("h1").textContent()).isEqualTo("Beware of fraud " + key);
            assertThat(page.locator("header nav").first().textContent()).contains("Send a tip");
        }
        PageReview.review("home", base + "?lang=vi");
        PageReview.review("home-en", base + "?lang=en");
        PageReview.review("articles", base + "articles?lang=vi");
        PageReview.review("article", base + "articles/canh-bao-" + key);
    }

    @Test
    void searchKeepsWhatWasTypedAndSaysWhyItCannotSearch() {
        String key = Articles.unique();
        Articles.createPublished(Articles.body("tim-" + key, "vi", "tim"));
        given().queryParam("q", "tim-" + key)
                .get("/articles")
                .then()
                .statusCode(200)
                .body(containsString("/articles/tim-" + key), containsString("value=\"tim-" + key + "\""));
        given().queryParam("q", "một hai ba bốn năm sáu bảy tám chín")
                .get("/articles")
                .then()
                .statusCode(400)
                .contentType(startsWith("text/html"))
                .body(
                        containsString("value=\"một hai ba bốn năm sáu bảy tám chín\""),
                        containsString("Hãy nhập tối đa 8 từ"));
    }

    @Test
    void aWithdrawnArticleIsGoneAndAnUnknownOneIsNotFound() {
        String slug = "go-" + Articles.unique();
        long id = Articles.createPublished(Articles.body(slug, "en", "gone"));
        given().get("/articles/" + slug).then().statusCode(200);
        Articles.withdraw(id);
        given().header("Accept-Language", "en")
                .accept("text/html")
                .get("/articles/" + slug)
                .then()
                .statusCode(410)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("This content was withdrawn"));
        String draft = "draft-" + Articles.unique();
        Articles.create(Articles.body(draft, "en", "draft"));
        given().accept("text/html")
                .get("/articles/" + draft)
                .then()
                .statusCode(404)
                .contentType(startsWith("text/html"));
        PageReview.review("gone-410", base + "articles/" + slug + "?lang=en");
        PageReview.review("not-found-404", base + "no-such-page");
    }
}
