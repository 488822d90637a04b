package org.sharingledger.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one table every benchmark ({@code ./mvnw -B verify -Pbenchmark}) adds its figures to: each figure beside its
 * goal and beside the raw PostgreSQL figure measured in the same run. It is rewritten as {@code target/benchmark.md}
 * after every row, so a run that stops half way still leaves what it measured, and printed once when the run ends
 * (this class is also the extension that does that, registered for every test class in {@code META-INF/services}).
 */
public final class BenchmarkTable implements BeforeAllCallback {

    private static final Path FILE = Path.of("target", "benchmark.md");
    private static final List<String> ROWS = new ArrayList<>();

    /**
     * Adds one figure.
     *
     * @param area what is measured, e.g. "Commands", "Rebuild", "10 million events"
     * @param measure the measure in words, e.g. "POST /api/requests, 16 connections"
     * @param figure the figure with its unit, e.g. "612 commands/s"
     * @param goal the goal in words, e.g. "at least 600 commands/s"
     * @param postgres the raw PostgreSQL figure of the same run it compares with, or "" when none applies
     * @param met whether the figure meets the goal
     */
    public static synchronized void row(
            String area, String measure, String figure, String goal, String postgres, boolean met) {
        ROWS.add("| "
                + String.join(
                        " | ",
                        cell(area),
                        cell(measure),
                        cell(figure),
                        cell(goal),
                        cell(postgres),
                        met ? "yes" : "**no**")
                + " |");
        write();
    }

    /** A figure in words with thousands separators, e.g. {@code figure(20512.4, "events/s")} is "20,512 events/s". */
    public static String figure(double value, String unit) {
        String number =
                value >= 100 ? String.format(Locale.UK, "%,.0f", value) : String.format(Locale.UK, "%,.1f", value);
        return number + " " + unit;
    }

    /** The whole table as Markdown, with the machine it ran on. */
    public static synchronized String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark figures\n\n")
                .append("Run on ")
                .append(LocalDate.now())
                .append(": ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append(", Java ")
                .append(System.getProperty("java.version"))
                .append(", heap at most ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MB (")
                .append(String.join(
                        " ",
                        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                                .filter(argument -> argument.startsWith("-X"))
                                .toList()))
                .append("). The application, its PostgreSQL and the load all on this one machine.\n\n")
                .append("| Area | Measure | Figure | Goal | PostgreSQL in the same run | Met |\n")
                .append("|---|---|---|---|---|---|\n");
        ROWS.forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }

    /** Once per run: the root context closes (and so prints the table) when every test class has run. */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.create(BenchmarkTable.class))
                .computeIfAbsent("printer", key -> (AutoCloseable) BenchmarkTable::print, AutoCloseable.class);
    }

    private static synchronized void print() {
        if (!ROWS.isEmpty()) {
            System.out.println();
            System.out.println(markdown());
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }

    private static void write() {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
