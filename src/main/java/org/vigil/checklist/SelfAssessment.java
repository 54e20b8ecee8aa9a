package org.vigil.checklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;
import org.vigil.platform.web.ReadCache;

/**
 * Scores a citizen's answers against a published checklist. Answers are private: nothing here
 * writes to the database or logs (ChecklistArchitectureTest keeps this class free of loggers).
 * The scoring rules of a published checklist come from the {@link ReadCache}: scoring needs no
 * database query once a checklist has been read.
 */
@ApplicationScoped
public class SelfAssessment {

    private final ChecklistViews.Assessment.NextSteps nextSteps;
    private final ReadCache cache;

    SelfAssessment(ChecklistConfig config, VigilConfig vigil, ReadCache cache) {
        this.nextSteps = new ChecklistViews.Assessment.NextSteps(
                config.tipLineUrl().orElse(vigil.publicBaseUrl() + "/api/v1/tips"), config.policeHotline());
        this.cache = cache;
    }

    /** What scoring needs of a published checklist, detached from the database. */
    record Rules(
            String slug,
            String lang,
            List<ChecklistViews.Detail.Item> items,
            int maxScore,
            int mediumMinPercent,
            int highMinPercent,
            String lowAdvice,
            String mediumAdvice,
            String highAdvice) {

        static Rules of(Checklist c) {
            return new Rules(
                    c.slug,
                    c.lang,
                    c.items.stream().map(ChecklistViews.Detail.Item::of).toList(),
                    c.maxScore(),
                    c.mediumMinPercent,
                    c.highMinPercent,
                    c.lowAdvice,
                    c.mediumAdvice,
                    c.highAdvice);
        }

        /** About the bytes this holds, for the cache's bound. */
        int weight() {
            int chars = lowAdvice.length() + mediumAdvice.length() + highAdvice.length();
            for (ChecklistViews.Detail.Item item : items) {
                chars += item.id().length() + item.text().length() + 16;
            }
            return 2 * chars;
        }
    }

    public ChecklistViews.Assessment assess(String slug, ChecklistRequests.Answers request) {
        return assess(rules(slug), request);
    }

    /**
     * The result when the checklist's rules are in this replica's memory, which is the usual case;
     * empty when they must be read from the database ({@link #assess(String, ChecklistRequests.Answers)}).
     * Does no I/O: it may run on the event loop.
     */
    public Optional<ChecklistViews.Assessment> assessInMemory(String slug, ChecklistRequests.Answers request) {
        return cache.find(PublicChecklists.READ_CACHE_TOPIC, Rules.class, "rules", slug)
                .map(rules -> assess(rules, request));
    }

    private ChecklistViews.Assessment assess(Rules checklist, ChecklistRequests.Answers request) {
        if (request == null) {
            throw ApiException.invalid("answers", "must not be null");
        }
        Map<String, Boolean> answers = answersByItem(checklist, request.answers());
        int score = 0;
        List<ChecklistViews.Detail.Item> redFlags = new ArrayList<>();
        for (ChecklistViews.Detail.Item item : checklist.items()) {
            if (answers.get(item.id())) {
                score += item.weight();
                redFlags.add(item);
            }
        }
        int maxScore = checklist.maxScore();
        RiskBand band = RiskBand.of(score, maxScore, checklist.mediumMinPercent(), checklist.highMinPercent());
        String advice = switch (band) {
            case LOW -> checklist.lowAdvice();
            case MEDIUM -> checklist.mediumAdvice();
            case HIGH -> checklist.highAdvice();
        };
        return new ChecklistViews.Assessment(
                checklist.slug(), checklist.lang(), score, maxScore, band, advice, redFlags, nextSteps);
    }

    private Rules rules(String slug) {
        return cache.get(
                PublicChecklists.READ_CACHE_TOPIC, Rules.class, Rules::weight, () -> load(slug), "rules", slug);
    }

    @Transactional
    Rules load(String slug) {
        return Rules.of(PublicChecklists.published(slug));
    }

    /** Exactly one answer per item: unknown and repeated item ids and missing items are 400s naming the field. */
    private static Map<String, Boolean> answersByItem(Rules checklist, List<ChecklistRequests.Answers.Answer> given) {
        Set<String> itemIds =
                checklist.items().stream().map(ChecklistViews.Detail.Item::id).collect(Collectors.toSet());
        Map<String, Boolean> answers = new HashMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String itemId = given.get(i).itemId();
            if (!itemIds.contains(itemId)) {
                errors.add(new Problem.FieldError("answers[" + i + "].itemId", "is not an item of this checklist"));
            } else if (firstIndex.containsKey(itemId)) {
                errors.add(new Problem.FieldError(
                        "answers[" + i + "].itemId",
                        "answers the same item as answers[" + firstIndex.get(itemId) + "]"));
            } else {
                firstIndex.put(itemId, i);
                answers.put(itemId, given.get(i).answer());
            }
        }
        List<String> missing = checklist.items().stream()
                .map(ChecklistViews.Detail.Item::id)
                .filter(id -> !answers.containsKey(id))
                .toList();
        if (!missing.isEmpty()) {
            errors.add(new Problem.FieldError(
                    "answers", "must answer every item; missing: " + String.join(", ", missing)));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return answers;
    }
}
