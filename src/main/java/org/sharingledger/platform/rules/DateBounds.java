package org.sharingledger.platform.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;

/**
 * The dates a caller may ask about ({@code from}, {@code to}, {@code asOf}): from {@value #EARLIEST_TEXT} (before the
 * Code of Practice, so before anything the ledger can hold) to {@value #YEARS_AHEAD} years after today, and a period
 * of at most {@value #MAX_SPAN_YEARS} years. Outside them a query is 400 naming the parameter: a period of millions of
 * months would otherwise be worked out month by month, in memory.
 */
public final class DateBounds {

    static final String EARLIEST_TEXT = "1990-01-01";
    public static final LocalDate EARLIEST = LocalDate.parse(EARLIEST_TEXT);
    public static final int YEARS_AHEAD = 10;
    public static final int MAX_SPAN_YEARS = 20;

    private DateBounds() {}

    /** The latest date a caller may name: ten years after today (UTC). */
    public static LocalDate latest(Clock clock) {
        return today(clock).plusYears(YEARS_AHEAD);
    }

    /**
     * The problems of a period, each naming its parameter: a bound outside the dates above, {@code from} after
     * {@code to}, or a span longer than twenty years. Either bound may be null (not given).
     */
    public static List<FieldProblem> problems(
            String fromName, LocalDate from, String toName, LocalDate to, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean fromIn = within(problems, fromName, from, clock);
        boolean toIn = within(problems, toName, to, clock);
        if (fromIn && toIn && from != null && to != null) {
            if (from.isAfter(to)) {
                problems.add(new FieldProblem(fromName, "must not be after " + toName));
            } else if (to.isAfter(from.plusYears(MAX_SPAN_YEARS))) {
                problems.add(
                        new FieldProblem(toName, "must be at most " + MAX_SPAN_YEARS + " years after " + fromName));
            }
        }
        return problems;
    }

    /** Throws the problems of a period as one {@link InvalidInput}. */
    public static void check(String fromName, LocalDate from, String toName, LocalDate to, Clock clock) {
        List<FieldProblem> problems = problems(fromName, from, toName, to, clock);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** The problem of a moment, or null: before {@value #EARLIEST_TEXT} or more than ten years ahead. */
    public static FieldProblem problem(String name, Instant at, Clock clock) {
        if (at == null) {
            return null;
        }
        List<FieldProblem> problems = new ArrayList<>();
        within(problems, name, LocalDate.ofInstant(at, ZoneOffset.UTC), clock);
        return problems.isEmpty() ? null : problems.get(0);
    }

    private static boolean within(List<FieldProblem> problems, String name, LocalDate date, Clock clock) {
        if (date == null) {
            return true;
        }
        if (date.isBefore(EARLIEST)) {
            problems.add(new FieldProblem(name, "must not be before " + EARLIEST_TEXT));
            return false;
        }
        if (date.isAfter(latest(clock))) {
            problems.add(new FieldProblem(name, "must not be more than " + YEARS_AHEAD + " years from today"));
            return false;
        }
        return true;
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
