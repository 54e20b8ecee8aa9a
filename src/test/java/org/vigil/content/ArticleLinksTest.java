package org.vigil.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every link the service gives out for an article (an Atom entry's, a JSON Feed item's, the API's
 * canonicalUrl, url and translation urls) opens a page: a news outlet's reader who taps one reads
 * the article, not a 404 or JSON.
 */
@QuarkusTest
class ArticleLinksTest {

    @Test
    void everyLinkOfTheFeedsAndTheApiAnswersWithThePage() {
        String key = Articles.unique();
        var english = Articles.body("link-" + key, "en", "links");
        english.put("translationKey", key);
        var vietnamese = Articles.body("lien-ket-" + key, "vi", "links");
        vietnamese.put("translationKey", key);
        Articles.createPublished(english);
        Articles.createPublished(vietnamese);

        List<String> links = new ArrayList<>();
        XmlPath atom = new XmlPath(given().get("/feeds/articles.atom?lang=en")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        links.addAll(atom.getList("feed.entry.link.findAll { it.@rel == 'alternate' }.@href", String.class));
        JsonPath json = given().get("/feeds/articles.json?lang=vi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        links.addAll(json.getList("items.url", String.class));
        JsonPath article = given().get("/api/v1/articles/link-" + key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        links.add(article.getString("canonicalUrl"));
        links.addAll(article.getList("translations.url", String.class));
        links.addAll(given().get("/api/v1/articles?lang=vi&tag=links")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.url", String.class));

        assertThat(links)
                .contains(
                        "http://localhost:8080/articles/link-" + key, "http://localhost:8080/articles/lien-ket-" + key);
        String publicBase = ConfigProvider.getConfig()
                .getOptionalValue("vigil.public-base-url", String.class)
                .orElse("http://localhost:8080");
        for (String link : links) {
            assertThat(link).as("a link of this service").startsWith(publicBase + "/articles/");
            given().get(link.substring(publicBase.length()))
                    .then()
                    .statusCode(200)
                    .contentType("text/html;charset=UTF-8");
        }
    }
}
