package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vigil.indicator.IndicatorConfig;
import org.vigil.indicator.IndicatorType;
import org.vigil.platform.config.VigilConfig;
import org.vigil.stats.ActionFigures;
import org.vigil.stats.FinishedMonths;
import org.vigil.stats.StatsViews;

/**
 * How fast partners act: per finished month, the indicators published of the types a group (a sector
 * for the public, an organisation for the police) receives, the median hours from publication to the
 * group's first action on each, and the share first acted on within 24 hours. Reports that there was
 * nothing to act on (not-our-customer, no-match) are not actions.
 */
@ApplicationScoped
public class PartnerFigures implements ActionFigures {

    private static final Duration DAY = Duration.ofHours(24);
    /** Below this many published indicators a median or share would point at single indicators. */
    private static final int FEW = 5;

    private final EntityManager em;
    private final IndicatorConfig config;
    private final ZoneId zone;

    PartnerFigures(EntityManager em, IndicatorConfig config, VigilConfig vigil) {
        this.em = em;
        this.config = config;
        this.zone = ZoneId.of(vigil.defaultZone());
    }

    /** One group's figures of one month, with the exact count. */
    record Figure(String month, String group, long published, Double medianHours, Double shareWithin24h) {}

    @Override
    @Transactional
    public List<StatsViews.Statistics.SectorMonth> perSector(FinishedMonths months) {
        List<Figure> figures = figures(months.names(), months.bounds(), o -> o.sector.code());
        return figures.stream()
                .map(f -> f.published() < FEW
                        ? new StatsViews.Statistics.SectorMonth(
                                f.month(), f.group(), StatsViews.Statistics.shown(f.published()), null, null)
                        : new StatsViews.Statistics.SectorMonth(
                                f.month(),
                                f.group(),
                                StatsViews.Statistics.shown(f.published()),
                                f.medianHours(),
                                f.shareWithin24h()))
                .toList();
    }

    @Override
    @Transactional
    public long indicatorsActedOn(Instant from, Instant to) {
        return em.createQuery(
                        "select count(distinct a.indicatorId) from PartnerAction a, Indicator i"
                                + " where i.id = a.indicatorId and i.publishedAt >= :from and i.publishedAt < :to"
                                + " and a.kind in :acted",
                        Long.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter(
                        "acted",
                        java.util.Arrays.stream(ActionKind.values())
                                .filter(ActionKind::acted)
                                .toList())
                .getSingleResult();
    }

    /** The police's view: the same per organisation, exact counts, over the public statistics' months. */
    @Transactional
    public PartnerViews.OrganisationFigures perOrganisation() {
        FinishedMonths counted = FinishedMonths.last(config.stats().months(), zone);
        List<String> months = counted.names();
        Map<String, PartnerOrganisation> organisations = organisations();
        List<PartnerViews.OrganisationMonth> lines = figures(months, counted.bounds(), o -> o.code).stream()
                .map(f -> new PartnerViews.OrganisationMonth(
                        f.month(),
                        f.group(),
                        organisations.get(f.group()).sector,
                        f.published(),
                        f.medianHours(),
                        f.shareWithin24h()))
                .toList();
        return new PartnerViews.OrganisationFigures(months.get(0), months.get(months.size() - 1), lines);
    }

    private List<Figure> figures(
            List<String> months, List<Instant> starts, Function<PartnerOrganisation, String> groupOf) {
        Map<String, PartnerOrganisation> organisations = organisations();
        Map<String, List<IndicatorType>> typesOf = new java.util.TreeMap<>();
        organisations
                .values()
                .forEach(o -> typesOf.computeIfAbsent(groupOf.apply(o), g -> new ArrayList<>())
                        .addAll(o.indicatorTypes));
        Instant from = starts.get(0);
        Instant to = starts.get(starts.size() - 1);
        List<Object[]> published = em.createQuery(
                        "select i.id, i.type, i.publishedAt from Indicator i"
                                + " where i.publishedAt >= :from and i.publishedAt < :to",
                        Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        // the first action of each group on each indicator
        Map<String, Instant> first = new HashMap<>();
        PartnerAction.<PartnerAction>list(
                        "indicatorId in (select i.id from Indicator i where i.publishedAt >= ?1 and i.publishedAt < ?2)",
                        from,
                        to)
                .stream()
                .filter(a -> a.kind.acted() && organisations.containsKey(a.organisation))
                .forEach(a -> first.merge(
                        a.indicatorId + "/" + groupOf.apply(organisations.get(a.organisation)),
                        a.actedAt,
                        (x, y) -> x.isBefore(y) ? x : y));
        List<Figure> figures = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
            Instant start = starts.get(m);
            Instant end = starts.get(m + 1);
            for (Map.Entry<String, List<IndicatorType>> group : typesOf.entrySet()) {
                long count = 0;
                long within = 0;
                List<Double> hours = new ArrayList<>();
                for (Object[] row : published) {
                    Instant at = (Instant) row[2];
                    if (at.isBefore(start)
                            || !at.isBefore(end)
                            || !group.getValue().contains((IndicatorType) row[1])) {
                        continue;
                    }
                    count++;
                    Instant acted = first.get(row[0] + "/" + group.getKey());
                    if (acted != null) {
                        Duration after = Duration.between(at, acted);
                        hours.add(after.toMinutes() / 60.0);
                        within += after.compareTo(DAY) <= 0 ? 1 : 0;
                    }
                }
                figures.add(new Figure(
                        months.get(m),
                        group.getKey(),
                        count,
                        median(hours),
                        count == 0 ? null : Math.round(1000.0 * within / count) / 1000.0));
            }
        }
        return figures;
    }

    private static Map<String, PartnerOrganisation> organisations() {
        Map<String, PartnerOrganisation> all = new HashMap<>();
        PartnerOrganisation.<PartnerOrganisation>list("enabled", true).forEach(o -> all.put(o.code, o));
        return all;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Math.round(median * 10) / 10.0;
    }
}
