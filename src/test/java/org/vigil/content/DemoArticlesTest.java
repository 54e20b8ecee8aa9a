package org.vigil.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The dev-mode demo articles are loaded only in dev mode; here they go through the real API as drafts. */
@QuarkusTest
class DemoArticlesTest {

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Test
    void demoArticlesComeInVietnameseAndEnglishPairs() {
        List<ArticleRequests.Draft> demo = DemoArticles.read(json);
        Map<String, Long> perLanguage =
                demo.stream().collect(Collectors.groupingBy(ArticleRequests.Draft::lang, Collectors.counting()));
        assertThat(perLanguage.get("vi")).isGreaterThanOrEqualTo(8);
        assertThat(perLanguage.get("en")).isGreaterThanOrEqualTo(8);
        Map<String, List<String>> languagesPerKey = demo.stream()
                .collect(Collectors.groupingBy(
                        ArticleRequests.Draft::translationKey,
                        Collectors.mapping(ArticleRequests.Draft::lang, Collectors.toList())));
        assertThat(languagesPerKey.values())
                .allSatisfy(langs -> assertThat(langs).containsExactlyInAnyOrder("vi", "en"));
        assertThat(demo).allSatisfy(a -> {
            assertThat(validator.validate(a)).isEmpty();
            assertThat(a.bodyMarkdown()).contains("## ").containsPattern("(?m)^(- |1\\. )");
            assertThat(a.licence()).isEqualTo("CC BY 4.0");
        });
        assertThat(demo.stream().filter(a -> a.lang().equals("vi")))
                .allSatisfy(a -> assertThat(a.title() + a.bodyMarkdown())
                        .containsPattern("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]"));
    }

    @Test
    void demoArticlesPassTheEditorsApi() {
        String u = Articles.unique();
        for (ArticleRequests.Draft a : DemoArticles.read(json)) {
            Map<String, Object> body = new LinkedHashMap<>(json.convertValue(a, Map.class));
            body.put("slug", a.slug() + "-" + u);
            body.put("translationKey", a.translationKey() + "-" + u);
            Articles.post(body).statusCode(201);
        }
    }
}
