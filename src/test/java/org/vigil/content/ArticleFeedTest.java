package org.vigil.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.vigil.content.Articles.body;
import static org.vigil.content.Articles.unique;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleFeedTest {

    static final String ATOM = "/feeds/articles.atom";
    static final String JSON = "/feeds/articles.json";

    private static Map<String, Object> englishArticle() {
        String u = unique();
        Map<String, Object> article = body("feed-" + u, "en", "t-" + u);
        article.put("title", "Fake police calls " + u);
        article.put("summary", "Callers pose as police " + u);
        article.put("category", "online-fraud");
        article.put("tags", List.of("scam-calls", "t-" + u));
        article.put("author", "Criminal Police Division");
        article.put("source", "Provincial Police");
        article.put(
                "bodyMarkdown", "## Remember\n\n<script>alert(1)</script>\n\n- Police never ask for money by phone\n");
        return article;
    }

    @Test
    void theAtomFeedCarriesTheLatestPublishedArticlesWithAttribution() throws Exception {
        Map<String, Object> article = englishArticle();
        Articles.createPublished(article);
        String slug = (String) article.get("slug");

        String xml = given().queryParam("lang", "en")
                .get(ATOM)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/atom+xml"))
                .header("Content-Type", containsString("charset=UTF-8"))
                .header("Content-Language", "en")
                .extract()
                .asString();

        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Vigil (en)");
        assertThat(feed.getUri()).isEqualTo("http://localhost:8080/feeds/articles.atom?lang=en");
        SyndEntry entry = feed.getEntries().stream()
                .filter(e -> e.getTitle().equals(article.get("title")))
                .findFirst()
                .orElseThrow();
        assertThat(entry.getUri()).startsWith("tag:localhost,").contains(":article:");
        assertThat(entry.getLink()).isEqualTo("http://localhost:8080/articles/" + slug);
        assertThat(entry.getAuthor()).isEqualTo("Criminal Police Division");
        assertThat(entry.getDescription().getValue()).isEqualTo(article.get("summary"));
        assertThat(entry.getContents().get(0).getValue())
                .contains("<li>Police never ask for money by phone</li>")
                .doesNotContain("<script");
        assertThat(entry.getCategories()).extracting(c -> c.getName()).containsExactly("online-fraud");
        assertThat(entry.getPublishedDate()).isNotNull();
        assertThat(entry.getUpdatedDate()).isNotNull();
        assertThat(feed.getPublishedDate()).isAfterOrEqualTo(entry.getUpdatedDate());

        Feed atom = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertThat(atom.getOtherLinks())
                .extracting(Link::getRel, Link::getHref)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        "self", "http://localhost:8080/feeds/articles.atom?lang=en"));
        assertThat(atom.getAlternateLinks()).extracting(Link::getHref).containsExactly("http://localhost:8080/");
        assertThat(atom.getRights()).isNotBlank();
        Entry atomEntry = atom.getEntries().stream()
                .filter(e -> e.getTitle().equals(article.get("title")))
                .findFirst()
                .orElseThrow();
        assertThat(atomEntry.getRights()).isEqualTo("CC BY 4.0, Provincial Police");
    }

    @Test
    void theJsonFeedFollowsVersion11() {
        Map<String, Object> article = englishArticle();
        Articles.createPublished(article);
        String slug = (String) article.get("slug");

        JsonPath feed = given().header("Accept-Language", "en")
                .get(JSON)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/feed+json"))
                .header("Content-Language", "en")
                .body("version", equalTo("https://jsonfeed.org/version/1.1"))
                .body("title", equalTo("Vigil (en)"))
                .body("home_page_url", equalTo("http://localhost:8080/"))
                .body("feed_url", equalTo("http://localhost:8080/feeds/articles.json?lang=en"))
                .body("language", equalTo("en"))
                .extract()
                .jsonPath();
        Map<String, Object> item = feed.getMap("items.find { it.url.endsWith('/articles/" + slug + "') }");
        assertThat(item).isNotNull();
        assertThat(item.get("id")).asString().startsWith("tag:localhost,");
        assertThat(item.get("title")).isEqualTo(article.get("title"));
        assertThat(item.get("summary")).isEqualTo(article.get("summary"));
        assertThat(item.get("content_html"))
                .asString()
                .contains("<h2>Remember</h2>")
                .doesNotContain("<script");
        assertThat(Instant.parse((String) item.get("date_published"))).isNotNull();
        assertThat(Instant.parse((String) item.get("date_modified"))).isNotNull();
        assertThat(item.get("authors")).isEqualTo(List.of(Map.of("name", "Criminal Police Division")));
        assertThat(item.get("tags")).isEqualTo(article.get("tags"));
        assertThat(item.get("language")).isEqualTo("en");
        assertThat(item.get("_attribution"))
                .isEqualTo(Map.of(
                        "source", "Provincial Police", "author", "Criminal Police Division", "licence", "CC BY 4.0"));
    }

    @Test
    void aWithdrawnArticleLeavesBothFeeds() throws Exception {
        Map<String, Object> article = englishArticle();
        long id = Articles.createPublished(article);
        String url = "http://localhost:8080/articles/" + article.get("slug");
        assertThat(atomLinks()).contains(url);
        assertThat(jsonUrls()).contains(url);

        Articles.withdraw(id);
        assertThat(atomLinks()).doesNotContain(url);
        assertThat(jsonUrls()).doesNotContain(url);
    }

    @Test
    void feedsAnswer304UntilAnArticleOfTheirLanguageChanges() {
        for (String path : List.of(ATOM, JSON)) {
            String etag = given().queryParam("lang", "en")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", containsString("public"))
                    .header("Vary", containsString("Accept-Language"))
                    .extract()
                    .header("ETag");
            given().queryParam("lang", "en")
                    .header("If-None-Match", etag)
                    .get(path)
                    .then()
                    .statusCode(304)
                    .header("ETag", equalTo(etag))
                    .body(emptyString());

            Articles.createPublished(englishArticle());
            given().queryParam("lang", "en")
                    .header("If-None-Match", etag)
                    .get(path)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void anUnsupportedFeedLanguageIsAProblem() {
        given().queryParam("lang", "xx").get(ATOM).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("lang", "xx").get(JSON).then().statusCode(400).contentType("application/problem+json");
    }

    private static List<String> atomLinks() throws Exception {
        String xml = given().queryParam("lang", "en")
                .get(ATOM)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new SyndFeedInput()
                .build(new StringReader(xml)).getEntries().stream()
                        .map(SyndEntry::getLink)
                        .toList();
    }

    private static List<String> jsonUrls() {
        return given().queryParam("lang", "en")
                .get(JSON)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.url");
    }
}
