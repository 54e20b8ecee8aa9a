package org.vigil.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.checklist.ChecklistViews;
import org.vigil.checklist.PublicChecklists;
import org.vigil.checklist.ScamType;
import org.vigil.platform.config.VigilConfig;
import org.vigil.platform.locale.Words;
import org.vigil.tip.IdentifierKeys;

/**
 * The citizens' check: the value is normalised and hashed like a tip identifier and looked up
 * among published, unexpired indicators only, so a value that only tips name (or that is only
 * proposed, rejected, delisted or expired) is never reported. Nothing about the request is stored
 * or logged: the value lives in this method's variables and the answer.
 */
@ApplicationScoped
public class PublicCheck {

    private static final int MAX_ARTICLES = 5;

    private final IndicatorLookups lookups;
    private final ListedHashes listedHashes;
    private final PublicChecklists checklists;
    private final IndicatorConfig config;
    private final String publicBaseUrl;
    private final Words words;

    PublicCheck(
            IndicatorLookups lookups,
            ListedHashes listedHashes,
            PublicChecklists checklists,
            IndicatorConfig config,
            VigilConfig vigil,
            Words words) {
        this.lookups = lookups;
        this.listedHashes = listedHashes;
        this.checklists = checklists;
        this.config = config;
        this.publicBaseUrl = vigil.publicBaseUrl();
        this.words = words;
    }

    /** Without a transaction: most checks match nothing, which the in-memory {@link ListedHashes} tells. */
    public IndicatorViews.CheckResult check(
            IndicatorType type, String value, String bank, String provider, String language) {
        IdentifierKeys.Key key = lookups.normalize(type, value, bank, provider);
        IndicatorViews.Shown shown = IndicatorViews.Shown.of(type, key.value());
        if (listedHashes.mightContainAny(key.lookupHashes())) {
            Optional<IndicatorViews.CheckResult> listed = confirmed(type, key, shown, language);
            if (listed.isPresent()) {
                return listed.get();
            }
        }
        return notListed(type, shown, language);
    }

    /**
     * The answer when memory alone gives it: nothing listed can match (the common case). Empty when the
     * database must confirm a match. Does no I/O: it may run on the event loop.
     */
    public Optional<IndicatorViews.CheckResult> checkInMemory(
            IndicatorType type, String value, String bank, String provider, String language) {
        IdentifierKeys.Key key = lookups.normalize(type, value, bank, provider);
        if (listedHashes.mightContainAny(key.lookupHashes())) {
            return Optional.empty();
        }
        return Optional.of(notListed(type, IndicatorViews.Shown.of(type, key.value()), language));
    }

    private IndicatorViews.CheckResult notListed(IndicatorType type, IndicatorViews.Shown shown, String language) {
        return new IndicatorViews.CheckResult(
                type,
                shown.value(),
                shown.bank(),
                shown.provider(),
                false,
                null,
                words.text(language, "indicator.check.not-listed"),
                List.of(),
                List.of());
    }

    /** The database decides: only a published indicator that has not expired answers. */
    @Transactional
    Optional<IndicatorViews.CheckResult> confirmed(
            IndicatorType type, IdentifierKeys.Key key, IndicatorViews.Shown shown, String language) {
        Optional<Indicator> match = lookups.listedMatch(key.lookupHashes(), Indicator.now());
        if (match.isEmpty()) {
            return Optional.empty();
        }
        Indicator indicator = match.get();
        String domain = type == IndicatorType.URL ? indicator.readableValue() : null;
        List<IndicatorViews.Related> related = new ArrayList<>();
        Map<String, IndicatorViews.Related> articles = new LinkedHashMap<>();
        for (ScamType scamType : indicator.scamTypes) {
            List<ChecklistViews.Summary> found = checklists
                    .list(new PublicChecklists.ListQuery(language, scamType, null, config.relatedChecklists()))
                    .items();
            for (ChecklistViews.Summary checklist : found) {
                related.add(new IndicatorViews.Related(
                        checklist.slug(), checklist.title(), publicBaseUrl + "/api/v1/checklists/" + checklist.slug()));
                for (ChecklistViews.Detail.RelatedArticle article :
                        checklists.view(checklist.slug()).relatedArticles()) {
                    if (articles.size() < MAX_ARTICLES) {
                        articles.putIfAbsent(
                                article.slug(), new IndicatorViews.Related(article.slug(), null, article.url()));
                    }
                }
            }
        }
        return Optional.of(new IndicatorViews.CheckResult(
                type,
                shown.value(),
                shown.bank(),
                shown.provider(),
                true,
                new IndicatorViews.Match(indicator.publishedAt, indicator.expiresAt, indicator.scamTypes, domain),
                words.text(language, "indicator.check.listed"),
                related,
                List.copyOf(articles.values())));
    }
}
