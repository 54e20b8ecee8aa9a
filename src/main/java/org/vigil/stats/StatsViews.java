package org.vigil.stats;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigil.indicator.IndicatorType;
import org.vigil.tip.TipCategory;

/** Response bodies of the statistics endpoint. */
public final class StatsViews {

    private StatsViews() {}

    /**
     * Public statistics. Every count is a string: the number, or "<5" when it is below 5 (zero
     * included), so that no single tip can be singled out by comparing answers.
     */
    @Schema(name = "PublicStatistics", description = "Counts for the public, each a whole number or \"<5\"")
    public record Statistics(
            @Schema(description = "First month counted (in the service's zone)", examples = "2025-12")
            String fromMonth,

            @Schema(
                    description = "Last month counted: the last finished one, never the current month",
                    examples = "2026-11")
            String toMonth,

            @Schema(
                    description = "Tips received per month and category, rejected ones (spam, duplicates) left out",
                    maxItems = 1200)
            List<TipCount> tipsPerMonth,

            @Schema(description = "Indicators listed now (police-verified, not expired) per type", maxItems = 10)
            List<IndicatorCount> listedIndicators,

            @Schema(description = "Campaign events held per month (ended, not cancelled)", maxItems = 120)
            List<MonthCount> eventsHeldPerMonth,

            @Schema(
                    description =
                            "Per partner sector and month: indicators published (of the types the sector receives),"
                                    + " hours from publication to a first action, share acted on within 24 h",
                    maxItems = 480)
            List<SectorMonth> partnerActionsPerMonth) {

        static final String FEW = "<5";
        static final String COUNT_PATTERN = "^(<5|[0-9]+)$";

        /** A count as published: below 5 it is only "<5". */
        public static String shown(long count) {
            return count < 5 ? FEW : Long.toString(count);
        }

        @Schema(name = "StatisticsTipCount")
        public record TipCount(
                @Schema(examples = "2026-07") String month,
                @Schema(examples = "online-fraud") TipCategory category,

                @Schema(examples = "12", pattern = COUNT_PATTERN, maxLength = 20)
                String count) {}

        @Schema(name = "StatisticsIndicatorCount")
        public record IndicatorCount(
                @Schema(examples = "phone") IndicatorType type,

                @Schema(examples = "<5", pattern = COUNT_PATTERN, maxLength = 20)
                String count) {}

        @Schema(name = "StatisticsMonthCount")
        public record MonthCount(
                @Schema(examples = "2026-07") String month,

                @Schema(examples = "7", pattern = COUNT_PATTERN, maxLength = 20)
                String count) {}

        @Schema(name = "StatisticsSectorMonth")
        public record SectorMonth(
                @Schema(examples = "2026-07") String month,

                @Schema(
                        enumeration = {"bank", "telecom", "platform", "registrar"},
                        examples = "bank")
                String sector,

                @Schema(
                        description = "Indicators published that month of a type the sector receives",
                        examples = "23",
                        pattern = COUNT_PATTERN,
                        maxLength = 20)
                String indicatorsPublished,

                @Schema(
                        description = "Median hours from publication to the sector's first action (an action, not"
                                + " not-our-customer or no-match); absent below 5 published or when none was acted on",
                        examples = "3.5")
                Double medianHoursToFirstAction,

                @Schema(
                        description = "Share (0 to 1) of them first acted on within 24 hours; absent below 5 published",
                        examples = "0.74")
                Double shareActedWithin24h) {}
    }
}
