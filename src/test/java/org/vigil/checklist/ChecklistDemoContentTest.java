package org.vigil.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChecklistDemoContentTest {

    private static final Pattern VIETNAMESE_LETTERS = Pattern.compile("[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]");

    @Inject
    ObjectMapper json;

    @Test
    void demoChecklistsComeInVietnameseAndEnglishPairs() {
        List<ChecklistRequests.Draft> demo = ChecklistDemoContent.read(json);
        Map<String, Set<String>> languagesByKey = demo.stream()
                .collect(Collectors.groupingBy(
                        ChecklistRequests.Draft::translationKey,
                        Collectors.mapping(ChecklistRequests.Draft::lang, Collectors.toSet())));
        assertThat(languagesByKey).hasSizeGreaterThanOrEqualTo(4);
        assertThat(languagesByKey.values())
                .allSatisfy(langs -> assertThat(langs).containsExactlyInAnyOrder("vi", "en"));
        assertThat(demo.stream().map(ChecklistRequests.Draft::scamType).distinct())
                .hasSizeGreaterThanOrEqualTo(4);
        demo.stream().filter(c -> c.lang().equals("vi")).forEach(c -> {
            assertThat(c.title()).containsPattern(VIETNAMESE_LETTERS);
            assertThat(c.introduction()).containsPattern(VIETNAMESE_LETTERS);
            assertThat(c.items()).allSatisfy(item -> assertThat(item.text()).containsPattern(VIETNAMESE_LETTERS));
        });
    }

    @Test
    void demoChecklistsPassTheEditorsRules() {
        for (ChecklistRequests.Draft demo : ChecklistDemoContent.read(json)) {
            // posted under fresh slugs, through the editors' API, so they meet exactly the same rules
            Map<String, Object> body = json.convertValue(demo, Map.class);
            body.put("slug", ChecklistFixtures.unique(demo.slug()));
            body.put("translationKey", ChecklistFixtures.unique(demo.translationKey()));
            long id = ChecklistFixtures.create(body);
            ChecklistFixtures.publish(id);
            List<Integer> weights = new ArrayList<>(demo.items().stream()
                    .map(ChecklistRequests.Draft.Item::weight)
                    .toList());
            assertThat(weights).hasSizeGreaterThanOrEqualTo(6);
        }
    }
}
