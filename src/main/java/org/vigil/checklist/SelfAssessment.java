package org.vigil.checklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.error.Problem;

/**
 * Scores a citizen's answers against a published checklist. Answers are private: nothing here
 * writes to the database or logs (ChecklistArchitectureTest keeps this class free of loggers).
 */
@ApplicationScoped
public class SelfAssessment {

    private final AssessmentResult.NextSteps nextSteps;

    SelfAssessment(ChecklistConfig config, VigilConfig vigil) {
        this.nextSteps = new AssessmentResult.NextSteps(
                config.tipLineUrl().orElse(vigil.publicBaseUrl() + "/api/v1/tips"), config.policeHotline());
    }

    @Transactional
    public AssessmentResult assess(String slug, AssessmentRequest request) {
        Checklist checklist = PublicChecklists.published(slug);
        if (request == null) {
            throw ApiException.invalid("answers", "must not be null");
        }
        Map<String, Boolean> answers = answersByItem(checklist, request.answers());
        int score = 0;
        List<ChecklistView.Item> redFlags = new ArrayList<>();
        for (ChecklistItem item : checklist.items) {
            if (answers.get(item.key)) {
                score += item.weight;
                redFlags.add(ChecklistView.Item.of(item));
            }
        }
        int maxScore = checklist.maxScore();
        RiskBand band = RiskBand.of(score, maxScore, checklist.mediumMinPercent, checklist.highMinPercent);
        String advice = switch (band) {
            case LOW -> checklist.lowAdvice;
            case MEDIUM -> checklist.mediumAdvice;
            case HIGH -> checklist.highAdvice;
        };
        return new AssessmentResult(checklist.slug, checklist.lang, score, maxScore, band, advice, redFlags, nextSteps);
    }

    /** Exactly one answer per item: unknown and repeated item ids and missing items are 400s naming the field. */
    private static Map<String, Boolean> answersByItem(Checklist checklist, List<AssessmentRequest.Answer> given) {
        Set<String> itemIds = checklist.items.stream().map(i -> i.key).collect(Collectors.toSet());
        Map<String, Boolean> answers = new HashMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String itemId = given.get(i).itemId();
            if (!itemIds.contains(itemId)) {
                errors.add(new Problem.FieldError("answers[" + i + "].itemId", "is not an item of this checklist"));
            } else if (firstIndex.containsKey(itemId)) {
                errors.add(new Problem.FieldError("answers[" + i + "].itemId",
                        "answers the same item as answers[" + firstIndex.get(itemId) + "]"));
            } else {
                firstIndex.put(itemId, i);
                answers.put(itemId, given.get(i).answer());
            }
        }
        List<String> missing = checklist.items.stream().map(item -> item.key).filter(id -> !answers.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            errors.add(new Problem.FieldError("answers", "must answer every item; missing: " + String.join(", ", missing)));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return answers;
    }
}
