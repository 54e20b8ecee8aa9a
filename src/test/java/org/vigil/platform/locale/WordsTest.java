package org.vigil.platform.locale;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigil.platform.page.PageFrame;

/**
 * Words shown to people are data: every language the service offers (the rows of the
 * {@code language} table, as GET /api/v1/languages lists them) has its bundle file with every key,
 * and the answers carry that file's words.
 */
@QuarkusTest
class WordsTest {

    /** The language whose file names the keys; the other files must have exactly these. */
    private static final String REFERENCE = "vi";

    private static final String NO_FILE = "qaa";

    @Inject
    Words words;

    @Test
    void everyLanguageOfferedHasEveryKey() {
        List<String> offered = offered();
        assertThat(offered).contains("vi", "en");
        assertThat(missing(offered))
                .as("keys missing from messages/words_<code>.properties")
                .isEmpty();
    }

    @Test
    void aLanguageWithoutItsBundleIsCaughtAndAnsweredInVietnamese() {
        // what the check above reports for a row whose file is not written yet; "qaa" is reserved
        // for local use (ISO 639-2), so no real language the table may gain is taken
        assertThat(missing(List.of("vi", "en", NO_FILE))).containsOnlyKeys(NO_FILE);
        Properties vietnamese = file(REFERENCE);
        for (String key : vietnamese.stringPropertyNames()) {
            assertThat(words.text(NO_FILE, key)).isEqualTo(vietnamese.getProperty(key));
        }
    }

    @Test
    void theAnswerCarriesTheWordsOfTheAskedLanguage() {
        for (String code : offered()) {
            given().queryParam("type", "phone")
                    .queryParam("value", "0359 000 " + (100 + offered().indexOf(code)))
                    .queryParam("lang", code)
                    .get("/api/v1/indicators/check")
                    .then()
                    .statusCode(200)
                    .header("Content-Language", code)
                    .body("listed", equalTo(false))
                    .body("advice", equalTo(file(code).getProperty("indicator.check.not-listed")));
        }
    }

    /** Dates and times are written as each language's words say: English on the 24-hour clock, as the province reads it. */
    @Test
    void datesAreWrittenAsTheLanguagesWordsSay() {
        for (String code : offered()) {
            String tag = file(code).getProperty("format.locale");
            assertThat(Locale.forLanguageTag(tag).toLanguageTag()).as(code).isEqualTo(tag);
        }
        LocalDateTime rally = LocalDateTime.of(2026, 7, 30, 15, 5);
        PageFrame english = new PageFrame("en", List.of(), List.of(), "", "", ZoneId.of("Asia/Ho_Chi_Minh"), words);
        assertThat(english.dateTime(rally))
                .contains("30 July 2026")
                .contains("15:05")
                .doesNotContain("PM");
        PageFrame vietnamese = new PageFrame("vi", List.of(), List.of(), "", "", ZoneId.of("Asia/Ho_Chi_Minh"), words);
        assertThat(vietnamese.dateTime(rally)).contains("15:05").contains("2026");
    }

    /** Every {@code t('key')} of a page template is a word of the reference file (so of every file). */
    @Test
    void everyWordThePagesUseIsInTheFiles() throws IOException {
        Set<String> keys = file(REFERENCE).stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern call = Pattern.compile("\\bt\\('([^']+)'");
        try (Stream<Path> templates = Files.walk(Path.of("src", "main", "resources", "templates"))) {
            for (Path template : templates.filter(Files::isRegularFile).toList()) {
                Matcher found = call.matcher(Files.readString(template));
                while (found.find()) {
                    used.add(found.group(1));
                }
            }
        }
        assertThat(used).as("words the templates use").hasSizeGreaterThan(100);
        assertThat(used.stream().filter(key -> !keys.contains(key)).toList())
                .as("words missing from words_" + REFERENCE + ".properties")
                .isEmpty();
    }

    private static List<String> offered() {
        return given().get("/api/v1/languages")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("code", String.class);
    }

    /** Per language code, the reference keys its file lacks or leaves blank (all of them without a file). */
    private static Map<String, Set<String>> missing(List<String> codes) {
        Set<String> keys = file(REFERENCE).stringPropertyNames();
        assertThat(keys).isNotEmpty();
        Map<String, Set<String>> missing = new TreeMap<>();
        for (String code : codes) {
            Properties words = file(code);
            Set<String> lacking = new TreeSet<>();
            for (String key : keys) {
                if (words.getProperty(key, "").isBlank()) {
                    lacking.add(key);
                }
            }
            if (!lacking.isEmpty()) {
                missing.put(code, lacking);
            }
        }
        return missing;
    }

    /** The file as written (empty when absent), without ResourceBundle's parents or caching. */
    private static Properties file(String code) {
        Properties properties = new Properties();
        String path = Words.BUNDLE.replace('.', '/') + "_" + code + ".properties";
        try (InputStream in = Words.class.getClassLoader().getResourceAsStream(path)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
        return properties;
    }
}
