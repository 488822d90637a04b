package org.sharingledger.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.projections.dashboard.DashboardViews.AgencyPattern;
import org.sharingledger.projections.dashboard.DashboardViews.Month;
import org.sharingledger.projections.dashboard.DashboardViews.RefusalPatterns;
import org.sharingledger.projections.pages.Vocabularies;

/** The charts' geometry and the pages' number formats, without a server. */
class ChartsTest {

    private static final Formats FORMAT = Formats.INSTANCE;

    @Test
    void theCurvesUseFunnelsFormulaSoTheyPassThroughTheLimitsOfEveryAgency() {
        for (long decided : new long[] {1, 2, 7, 40, 333}) {
            Funnel funnel = Funnel.of(0.2, decided, 0.2);
            double[] limits = Charts.limits(0.2, (double) decided);
            assertThat(limits[0]).isCloseTo(funnel.lower95(), within(1e-12));
            assertThat(limits[1]).isCloseTo(funnel.upper95(), within(1e-12));
            assertThat(limits[2]).isCloseTo(funnel.lower998(), within(1e-12));
            assertThat(limits[3]).isCloseTo(funnel.upper998(), within(1e-12));
        }
    }

    @Test
    void theFunnelPlotHasOneMarkOnlyForEachAgencyThatDecidedSomething() {
        RefusalPatterns patterns =
                patterns(0.25, List.of(agency("a", 40, 10), agency("b", 20, 15), agency("c", 0, 0), agency("d", 8, 0)));

        Charts.FunnelPlot plot = Charts.funnel(patterns, Vocabularies.standalone());

        assertThat(plot.markers()).extracting(Charts.Marker::agencyId).containsExactly("a", "b", "d");
        assertThat(plot.markers().get(1).cssClass()).isEqualTo("flag-above-998");
        assertThat(plot.markers().get(1).flagged()).isTrue();
        assertThat(plot.markers().get(1).label())
                .startsWith("Agency b: 20 decided, 15 refused, refusal rate 75.0")
                .contains("above the 99.8 % limit");
        assertThat(plot.markers().get(0).path()).startsWith("M").contains(" a5.0,5.0 ");
        assertThat(plot.xTicks()).extracting(Charts.Tick::label).containsExactly("0", "10", "20", "30", "40", "50");
        // the mean line: 25 % of the way up from the bottom of the plot
        double top = Double.parseDouble(plot.area().top());
        double bottom = Double.parseDouble(plot.area().bottom());
        assertThat(Double.parseDouble(plot.meanY())).isCloseTo(bottom - 0.25 * (bottom - top), within(0.06));
        assertThat(plot.upper95().split(" ")).hasSize(201);
    }

    @Test
    void thereIsNoFunnelPlotWhenNothingWasDecided() {
        assertThat(Charts.funnel(patterns(null, List.of(agency("a", 0, 0))), Vocabularies.standalone()))
                .isNull();
    }

    @Test
    void theMonthlyChartHasABarPerMonthAndBreaksTheRateLineWhereNothingWasDecided() {
        List<Month> months = List.of(
                new Month("2009-01", 4, 4, 1, 0.25),
                new Month("2009-02", 2, 0, 0, null),
                new Month("2009-03", 10, 5, 5, 1.0),
                new Month("2009-04", 3, 2, 1, 0.5));

        Charts.MonthlyChart chart = Charts.monthly(months);

        assertThat(chart.bars()).hasSize(4);
        assertThat(chart.dots()).hasSize(3);
        assertThat(chart.rateLines()).hasSize(2);
        assertThat(chart.bars().get(2).label())
                .isEqualTo("March 2009: 10 requests, 5 decided, 5 refused (100.0\u00A0%)");
        assertThat(chart.countTicks()).extracting(Charts.Tick::label).containsExactly("0", "2", "4", "6", "8", "10");
        assertThat(chart.months().get(0).year()).isEqualTo("2009");
        assertThat(chart.months().get(1).year()).isEmpty();
        assertThat(chart.empty()).isFalse();
        // the tallest bar reaches the top of the plot
        assertThat(chart.bars().get(2).y()).isEqualTo(chart.area().top());
    }

    @Test
    void ratesAreWrittenAsPercentagesWithOneDecimal() {
        assertThat(FORMAT.percent(0.235)).isEqualTo("23.5\u00A0%");
        assertThat(FORMAT.percent(1.0)).isEqualTo("100.0\u00A0%");
        assertThat(FORMAT.percent(null)).isEqualTo("–");
        assertThat(FORMAT.count(12345)).isEqualTo("12,345");
        assertThat(FORMAT.hours(5.25)).isEqualTo("5.3\u00A0h");
        assertThat(FORMAT.month("2009-03")).isEqualTo("March 2009");
        assertThat(Charts.niceScale(0)).containsExactly(1, 1);
        assertThat(Charts.niceScale(37)).containsExactly(40, 10);
        assertThat(Charts.niceScale(7)).containsExactly(8, 2);
    }

    private static RefusalPatterns patterns(Double area, List<AgencyPattern> agencies) {
        return new RefusalPatterns(
                LocalDate.of(2009, 1, 1),
                LocalDate.of(2009, 12, 31),
                area,
                agencies,
                Map.of(),
                List.of(),
                List.of(),
                0,
                0,
                0,
                null);
    }

    private static AgencyPattern agency(String id, long decided, long refused) {
        Double rate = DashboardViews.rate(refused, decided);
        Funnel funnel = rate == null ? null : Funnel.of(0.25, decided, rate);
        return new AgencyPattern(
                id, "Agency " + id, "POLICE", decided, decided, refused, rate, 0.0, 0, Map.of(), funnel, 0, 0, null);
    }
}
