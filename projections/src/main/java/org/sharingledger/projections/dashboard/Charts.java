package org.sharingledger.projections.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sharingledger.projections.dashboard.DashboardViews.AgencyPattern;
import org.sharingledger.projections.dashboard.DashboardViews.Month;
import org.sharingledger.projections.dashboard.DashboardViews.RefusalPatterns;
import org.sharingledger.projections.pages.Vocabulary;

/**
 * The pages' charts as SVG geometry, worked out on the server: the templates only place the shapes, so the charts
 * need no script and no library, work offline, and can be tested. Coordinates are strings with one decimal. The
 * funnel plot is public: the annual report's PDF draws the same geometry ({@code projections.reports}).
 */
public final class Charts {

    static final int WIDTH = 760;
    private static final Formats FORMAT = Formats.INSTANCE;
    /** How many points draw each funnel-limit curve. */
    private static final int CURVE_POINTS = 200;

    private Charts() {}

    /** A tick on an axis: where, and its label. */
    public record Tick(String at, String label) {}

    /** A bar of the monthly chart. */
    record Bar(String x, String y, String width, String height, String label) {}

    /** A month's refusal rate, as a dot. */
    record Dot(String x, String y, String label) {}

    /** A month label under the bars: the month, and the year under January and under the first month. */
    record MonthLabel(String x, String month, String year) {}

    /** The plotting area inside the axes. */
    public record Area(String left, String top, String right, String bottom) {}

    /** Requests per month as bars (left axis) and the refusal rate as dots joined by lines (right axis). */
    record MonthlyChart(
            int width,
            int height,
            Area area,
            List<Tick> countTicks,
            List<Tick> rateTicks,
            List<MonthLabel> months,
            List<Bar> bars,
            List<String> rateLines,
            List<Dot> dots,
            boolean empty) {}

    /**
     * One agency on the funnel plot: a circle within the limits, a triangle up or down outside them, centred on
     * ({@code cx}, {@code cy}) (the annual report's PDF draws it from these and the flag).
     */
    public record Marker(
            String agencyId,
            Funnel.Flag flag,
            double cx,
            double cy,
            String path,
            String cssClass,
            String label,
            String x,
            String y,
            String anchor,
            String name,
            boolean flagged) {}

    /**
     * A funnel plot: each agency's refusal rate against the number it decided, the area-wide rate as a line, and
     * the 95 % and 99.8 % control limits around it.
     */
    public record FunnelPlot(
            int width,
            int height,
            Area area,
            List<Tick> xTicks,
            List<Tick> yTicks,
            String meanY,
            String upper95,
            String lower95,
            String upper998,
            String lower998,
            List<Marker> markers) {}

    static MonthlyChart monthly(List<Month> months) {
        int height = 300;
        double left = 56;
        double right = WIDTH - 64;
        double top = 30;
        double bottom = height - 56;
        long max = months.stream().mapToLong(Month::received).max().orElse(0);
        double[] scale = niceScale((double) max);
        double countMax = scale[0];
        double step = scale[1];

        List<Tick> countTicks = new ArrayList<>();
        for (double v = 0; v <= countMax + 1e-9; v += step) {
            countTicks.add(new Tick(n(y(v / countMax, top, bottom)), FORMAT.count(Math.round(v))));
        }
        List<Tick> rateTicks = new ArrayList<>();
        for (int pct = 0; pct <= 100; pct += 25) {
            rateTicks.add(new Tick(n(y(pct / 100.0, top, bottom)), pct + "\u00A0%"));
        }

        int count = Math.max(1, months.size());
        double slot = (right - left) / count;
        double barWidth = Math.min(slot * 0.6, 44);
        int labelEvery = (int) Math.ceil(count / 12.0);
        List<Bar> bars = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        List<MonthLabel> labels = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            Month m = months.get(i);
            double centre = left + slot * i + slot / 2;
            double barTop = y(m.received() / countMax, top, bottom);
            String text = FORMAT.month(m.month()) + ": " + FORMAT.count(m.received()) + " requests, "
                    + FORMAT.count(m.decided()) + " decided, " + FORMAT.count(m.refused()) + " refused"
                    + (m.refusalRate() == null ? "" : " (" + FORMAT.percent(m.refusalRate()) + ")");
            bars.add(new Bar(n(centre - barWidth / 2), n(barTop), n(barWidth), n(bottom - barTop), text));
            if (m.refusalRate() != null) {
                double rateY = y(m.refusalRate(), top, bottom);
                dots.add(new Dot(n(centre), n(rateY), text));
                line.append(line.isEmpty() ? "" : " ")
                        .append(n(centre))
                        .append(',')
                        .append(n(rateY));
            } else if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (i % labelEvery == 0) {
                boolean year = i == 0 || m.month().endsWith("-01");
                labels.add(new MonthLabel(
                        n(centre),
                        FORMAT.shortMonth(m.month()),
                        year ? m.month().substring(0, 4) : ""));
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        boolean empty = months.stream().allMatch(m -> m.received() == 0);
        return new MonthlyChart(
                WIDTH,
                height,
                new Area(n(left), n(top), n(right), n(bottom)),
                countTicks,
                rateTicks,
                labels,
                bars,
                lines,
                dots,
                empty);
    }

    /** The funnel plot, or null when nothing was decided in the period (there is no area rate to compare with). */
    public static FunnelPlot funnel(RefusalPatterns patterns, Vocabulary words) {
        Double areaRate = patterns.areaRefusalRate();
        if (areaRate == null) {
            return null;
        }
        int height = 420;
        double left = 64;
        double right = WIDTH - 24;
        double top = 30;
        double bottom = height - 56;
        long maxDecided = patterns.agencies().stream()
                .mapToLong(AgencyPattern::decided)
                .max()
                .orElse(1);
        // Some room to the right of the largest agency, so that no mark sits on the edge.
        double[] scale = niceScale(Math.max(maxDecided * 1.08, 10));
        double xMax = scale[0];

        List<Tick> xTicks = new ArrayList<>();
        for (double v = 0; v <= xMax + 1e-9; v += scale[1]) {
            xTicks.add(new Tick(n(x(v, xMax, left, right)), FORMAT.count(Math.round(v))));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int pct = 0; pct <= 100; pct += 20) {
            yTicks.add(new Tick(n(y(pct / 100.0, top, bottom)), pct + "\u00A0%"));
        }

        StringBuilder upper95 = new StringBuilder();
        StringBuilder lower95 = new StringBuilder();
        StringBuilder upper998 = new StringBuilder();
        StringBuilder lower998 = new StringBuilder();
        for (int i = 0; i <= CURVE_POINTS; i++) {
            // Geometric steps from 1 to xMax: the curves bend most at small numbers.
            double decided = Math.pow(xMax, (double) i / CURVE_POINTS);
            double[] limits = limits(areaRate, decided);
            String px = n(x(decided, xMax, left, right));
            append(upper95, px, y(limits[1], top, bottom));
            append(lower95, px, y(limits[0], top, bottom));
            append(upper998, px, y(limits[3], top, bottom));
            append(lower998, px, y(limits[2], top, bottom));
        }

        List<Marker> markers = new ArrayList<>();
        for (AgencyPattern agency : patterns.agencies()) {
            if (agency.decided() == 0 || agency.refusalRate() == null || agency.funnel() == null) {
                continue;
            }
            double cx = x((double) agency.decided(), xMax, left, right);
            double cy = y(agency.refusalRate(), top, bottom);
            Funnel.Flag flag = agency.funnel().flag();
            String path = switch (flag) {
                case WITHIN -> circle(cx, cy, 5);
                case ABOVE_95, ABOVE_998 -> triangle(cx, cy, 7, true);
                case BELOW_95, BELOW_998 -> triangle(cx, cy, 7, false);
            };
            String label = agency.name() + ": " + FORMAT.count(agency.decided()) + " decided, "
                    + FORMAT.count(agency.refused()) + " refused, refusal rate " + FORMAT.percent(agency.refusalRate())
                    + "; " + words.label(flag).toLowerCase(Locale.UK) + " (95 % limits "
                    + FORMAT.percent(agency.funnel().lower95()) + " to "
                    + FORMAT.percent(agency.funnel().upper95())
                    + ")";
            String name = agency.name().length() > 32 ? agency.name().substring(0, 31) + "…" : agency.name();
            boolean nearRightEdge = cx > right - 220;
            markers.add(new Marker(
                    agency.agencyId(),
                    flag,
                    cx,
                    cy,
                    path,
                    FORMAT.flagClass(agency.funnel()),
                    label,
                    n(nearRightEdge ? cx - 10 : cx + 10),
                    n(cy + 4),
                    nearRightEdge ? "end" : "start",
                    name,
                    flag != Funnel.Flag.WITHIN));
        }
        return new FunnelPlot(
                WIDTH,
                height,
                new Area(n(left), n(top), n(right), n(bottom)),
                xTicks,
                yTicks,
                n(y(areaRate, top, bottom)),
                upper95.toString(),
                lower95.toString(),
                upper998.toString(),
                lower998.toString(),
                markers);
    }

    /**
     * The limits {@code [lower95, upper95, lower998, upper998]} for {@code decided} decisions (not necessarily whole,
     * for smooth curves) around the area rate: {@link Funnel}'s formula, p ± z·sqrt(p(1 − p)/n), clipped to [0, 1].
     */
    static double[] limits(double areaRate, double decided) {
        double standardError = Math.sqrt(areaRate * (1 - areaRate) / decided);
        return new double[] {
            clip(areaRate - Funnel.Z95 * standardError), clip(areaRate + Funnel.Z95 * standardError),
            clip(areaRate - Funnel.Z998 * standardError), clip(areaRate + Funnel.Z998 * standardError)
        };
    }

    /**
     * A round axis maximum at or above {@code max} and a round step dividing it into four to six parts:
     * {@code [axisMax, step]}. Whole numbers only (counts), at least 1.
     */
    static double[] niceScale(double max) {
        if (max <= 4) {
            return new double[] {Math.max(1, Math.ceil(max)), 1};
        }
        double rough = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = magnitude;
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            step = factor * magnitude;
            if (step >= rough) {
                break;
            }
        }
        step = Math.max(1, Math.round(step));
        return new double[] {Math.ceil(max / step) * step, step};
    }

    private static double x(double value, double max, double left, double right) {
        return left + (right - left) * value / max;
    }

    /** A share of the axis (0 at the bottom, 1 at the top) as a y coordinate. */
    private static double y(double share, double top, double bottom) {
        return bottom - (bottom - top) * share;
    }

    private static void append(StringBuilder points, String x, double y) {
        points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(n(y));
    }

    private static String circle(double cx, double cy, double r) {
        return "M" + n(cx - r) + "," + n(cy) + " a" + n(r) + "," + n(r) + " 0 1,0 " + n(2 * r) + ",0 a" + n(r) + ","
                + n(r) + " 0 1,0 " + n(-2 * r) + ",0 Z";
    }

    private static String triangle(double cx, double cy, double size, boolean up) {
        double tip = up ? cy - size : cy + size;
        double base = up ? cy + size * 0.7 : cy - size * 0.7;
        return "M" + n(cx) + "," + n(tip) + " L" + n(cx + size) + "," + n(base) + " L" + n(cx - size) + "," + n(base)
                + " Z";
    }

    private static double clip(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
