package org.sharingledger.support;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;

/**
 * A Logback appender that records every log line, formatted with its logger, thread, context (MDC) and any stack
 * trace with its messages. The instances {@code logback-test.xml} creates (Spring Boot configures logging again when
 * a context starts) all record into one buffer for the suite, which {@link LogLeakGuard} reads after each test class;
 * {@link #fresh()} gives one with a buffer of its own, to test the guard itself.
 */
public class LeakCapture extends AppenderBase<ILoggingEvent> {

    static final String PATTERN = "%level [%thread] %logger %mdc - %msg%n%ex";
    private static final Lines SUITE = new Lines();

    private final Lines lines;
    private PatternLayout layout;

    /** For logback-test.xml: records into the suite's buffer. */
    public LeakCapture() {
        this(SUITE);
    }

    private LeakCapture(Lines lines) {
        this.lines = lines;
    }

    /** An appender with a buffer of its own, not the suite's. */
    public static LeakCapture fresh() {
        return new LeakCapture(new Lines());
    }

    static Lines suite() {
        return SUITE;
    }

    /** How many lines the suite's appenders recorded since the current test class began. */
    public static long recordedForTheSuite() {
        return SUITE.recorded();
    }

    /** The lines recorded since the buffer was last cleared that hold a child's identifier. */
    public List<String> leaks() {
        return lines.leaks();
    }

    /** How many lines were recorded since the buffer was last cleared. */
    public long recorded() {
        return lines.recorded();
    }

    @Override
    public void start() {
        layout = new PatternLayout();
        layout.setContext(getContext());
        layout.setPattern(PATTERN);
        layout.start();
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        if (layout != null) {
            layout.stop();
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(layout.doLayout(event));
    }

    /**
     * The lines since the last clear. Past {@value #KEEP} lines the older ones are checked at once and only those
     * with an identifier are kept, so a chatty test class cannot exhaust the memory.
     */
    static final class Lines {
        private static final int KEEP = 20_000;
        private final List<String> pending = new ArrayList<>();
        private final List<String> leaking = new ArrayList<>();
        private long recorded;

        synchronized void add(String line) {
            pending.add(line);
            recorded++;
            if (pending.size() >= KEEP) {
                check();
            }
        }

        synchronized List<String> leaks() {
            check();
            return List.copyOf(leaking);
        }

        synchronized long recorded() {
            return recorded;
        }

        synchronized void clear() {
            pending.clear();
            leaking.clear();
            recorded = 0;
        }

        private void check() {
            for (String line : pending) {
                if (!Identifiers.foundIn(line).isEmpty()) {
                    leaking.add(line);
                }
            }
            pending.clear();
        }
    }
}
