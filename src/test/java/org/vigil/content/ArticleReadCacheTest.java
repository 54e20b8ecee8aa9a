package org.vigil.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.vigil.content.Articles.body;
import static org.vigil.content.Articles.unique;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.SqlStatements;

/**
 * Public article reads come from this replica's ReadCache: a matching If-None-Match costs no
 * database query, an edit made here is served at once, and one made elsewhere (another replica,
 * simulated by SQL) within vigil.http.read-cache-ttl (5 s in tests). Large answers are gzipped once.
 */
@QuarkusTest
class ArticleReadCacheTest {

    static final String ARTICLES = "/api/v1/articles";
    static final Pattern ARTICLE_TABLES = Pattern.compile("\\barticle(_tag)?\\b");

    @Inject
    @PersistenceUnitExtension
    SqlStatements sql;

    @Inject
    DataSource db;

    @Test
    void notModifiedBySlugRunsNoDatabaseQuery() {
        Map<String, Object> article = body("cache-" + unique(), "vi", "t-" + unique());
        Articles.createPublished(article);
        String url = ARTICLES + "/" + article.get("slug");
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");

        long mark = sql.mark();
        for (int i = 0; i < 20; i++) {
            given().header("If-None-Match", etag)
                    .get(url)
                    .then()
                    .statusCode(304)
                    .header("ETag", etag)
                    .header("Content-Language", "vi");
        }
        given().get(url).then().statusCode(200).header("ETag", etag).body("title", equalTo(article.get("title")));

        assertThat(articleQueries(mark))
                .as("statements on the article tables while answering from the cache")
                .isEmpty();
    }

    @Test
    void theStatementCounterSeesArticleQueries() {
        // the test above could not fail if the counter missed them: a first read does query
        Map<String, Object> article = body("cache-" + unique(), "vi", "t-" + unique());
        Articles.createPublished(article);
        long mark = sql.mark();
        given().get(ARTICLES + "/" + article.get("slug")).then().statusCode(200);
        assertThat(articleQueries(mark)).isNotEmpty();
    }

    @Test
    void anEditOnThisReplicaIsServedAtOnce() {
        String tag = "t-" + unique();
        Map<String, Object> article = body("cache-" + unique(), "vi", tag);
        long id = Articles.createPublished(article);
        String url = ARTICLES + "/" + article.get("slug");
        String list = ARTICLES + "?lang=vi&tag=" + tag;
        String atom = "/feeds/articles.atom?lang=vi";
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");
        given().get(list).then().statusCode(200).body("items[0].title", equalTo(article.get("title")));
        given().get(atom).then().statusCode(200).body(containsString((String) article.get("title")));

        article.put("title", "Đã sửa " + unique());
        Articles.put(id, Articles.etag(id), article).statusCode(200);

        given().header("If-None-Match", etag)
                .get(url)
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("title", equalTo(article.get("title")));
        given().get(list).then().statusCode(200).body("items[0].title", equalTo(article.get("title")));
        given().get(atom).then().statusCode(200).body(containsString((String) article.get("title")));

        Articles.withdraw(id);
        given().get(url).then().statusCode(404);
        given().get(list).then().statusCode(200).body("items.size()", equalTo(0));
        given().get(atom).then().statusCode(200).body(not(containsString((String) article.get("title"))));
    }

    @Test
    void anEditOnAnotherReplicaIsServedWithinTheCacheTtl() throws Exception {
        Map<String, Object> article = body("cache-" + unique(), "en", "t-" + unique());
        Articles.createPublished(article);
        String url = ARTICLES + "/" + article.get("slug");
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");

        String title = "Changed elsewhere " + unique();
        try (Connection c = db.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE article SET title = ?, version = version + 1, updated_at = UTC_TIMESTAMP(6) WHERE slug = ?")) {
            update.setString(1, title);
            update.setString(2, (String) article.get("slug"));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        // this replica has not heard of it: still the cached answer
        given().header("If-None-Match", etag).get(url).then().statusCode(304);

        long deadline = System.nanoTime() + 15_000_000_000L; // the 5 s TTL, with room for a slow machine
        String seen = (String) article.get("title");
        while (!title.equals(seen) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            seen = given().get(url).then().statusCode(200).extract().path("title");
        }
        assertThat(seen).isEqualTo(title);
        given().header("If-None-Match", etag).get(url).then().statusCode(200);
    }

    @Test
    void largeAnswersAreGzippedOnceForClientsThatAcceptIt() throws Exception {
        Articles.createPublished(body("cache-" + unique(), "vi", "t-" + unique()));
        RestAssuredConfig raw = RestAssuredConfig.config()
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        String feed = "/feeds/articles.atom?lang=vi";

        Response plain =
                given().config(raw).header("Accept-Encoding", "identity").get(feed);
        plain.then()
                .statusCode(200)
                .header("Content-Encoding", nullValue())
                .header("Vary", containsString("Accept-Encoding"));
        Response zipped =
                given().config(raw).header("Accept-Encoding", "br, gzip;q=0.8").get(feed);
        zipped.then()
                .statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("ETag", plain.header("ETag"))
                .header("Vary", containsString("Accept-Encoding"))
                .header("Content-Language", "vi");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.asByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.asByteArray());
        }
        assertThat(zipped.asByteArray().length).isLessThan(plain.asByteArray().length / 2);
        given().config(raw)
                .header("Accept-Encoding", "gzip;q=0, *")
                .get(feed)
                .then()
                .statusCode(200)
                .header("Content-Encoding", nullValue());
        // a 304 for either coding, since both are the same representation
        given().config(raw)
                .header("Accept-Encoding", "gzip")
                .header("If-None-Match", plain.header("ETag"))
                .get(feed)
                .then()
                .statusCode(304)
                .header("Content-Encoding", nullValue());
        // small answers are not worth compressing
        given().config(raw)
                .header("Accept-Encoding", "gzip")
                .get(ARTICLES + "?lang=vi&tag=none-" + unique())
                .then()
                .statusCode(200)
                .header("Content-Encoding", nullValue())
                .body("items.size()", equalTo(0));
    }

    @Test
    void aRepeatedReadIsAnsweredAlikeByTheFastPath() {
        // the first read goes through the REST layer, the next ones through PublicReadRoute
        Map<String, Object> article = body("cache-" + unique(), "vi", "t-" + unique());
        Articles.createPublished(article);
        String url = ARTICLES + "/" + article.get("slug");
        RestAssuredConfig raw = RestAssuredConfig.config()
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        for (String encoding : List.of("identity", "gzip")) {
            Response first =
                    given().config(raw).header("Accept-Encoding", encoding).get(url + "?v=" + encoding);
            Response again =
                    given().config(raw).header("Accept-Encoding", encoding).get(url + "?v=" + encoding);
            first.then().statusCode(200);
            again.then().statusCode(200);
            for (String header :
                    List.of("Content-Type", "Content-Encoding", "ETag", "Cache-Control", "Vary", "Content-Language")) {
                assertThat(again.header(header)).as(header).isEqualTo(first.header(header));
            }
            assertThat(again.asByteArray()).isEqualTo(first.asByteArray());
        }
        // If-Match goes to the REST layer, which checks it (412 as a problem)
        given().header("If-Match", "\"other\"").get(url).then().statusCode(412);
    }

    private List<String> articleQueries(long mark) {
        return sql.since(mark).stream()
                .filter(s -> ARTICLE_TABLES.matcher(s).find())
                .toList();
    }
}
