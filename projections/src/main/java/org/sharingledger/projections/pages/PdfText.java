package org.sharingledger.projections.pages;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ledger's PDFs (a timeline's, the nominated representatives' report) share: text kept to what the standard
 * PDF fonts can show, and openhtmltopdf's log lines sent through SLF4J.
 */
public final class PdfText {

    /** The code points the standard fonts can show: printable Windows-1252 (what PDF calls WinAnsiEncoding). */
    private static final Set<Integer> WIN_ANSI = winAnsi();

    /** Symbols outside Windows-1252 that have a plain equivalent inside it. */
    private static final Map<Integer, String> WRITTEN_OUT = Map.ofEntries(
            Map.entry(0x2265, ">="),
            Map.entry(0x2264, "<="),
            Map.entry(0x2260, "!="),
            Map.entry(0x2248, "~"),
            Map.entry(0x2212, "-"),
            Map.entry(0x2010, "-"),
            Map.entry(0x2011, "-"),
            Map.entry(0x2012, "-"),
            Map.entry(0x2015, "\u2014"),
            Map.entry(0x2192, "->"),
            Map.entry(0x2190, "<-"),
            Map.entry(0x2032, "'"),
            Map.entry(0x2033, "\""),
            Map.entry(0x2009, " "),
            Map.entry(0x200A, " "),
            Map.entry(0x202F, " "),
            Map.entry(0x2007, " "),
            Map.entry(0x2002, " "),
            Map.entry(0x2003, " "),
            Map.entry(0x200B, ""),
            Map.entry(0xFEFF, ""),
            Map.entry(0x2713, "[tick]"),
            Map.entry(0x2714, "[tick]"),
            Map.entry(0x2717, "[cross]"),
            Map.entry(0x2718, "[cross]"));

    private PdfText() {}

    /** openhtmltopdf logs through java.util.logging with a console handler of its own: send it to SLF4J instead. */
    public static void logThroughSlf4j() {
        XRLog.setLoggerImpl(new Slf4jXRLogger());
    }

    /**
     * The text as the standard PDF fonts can show it: line breaks kept (CR LF as LF), a tab as a space, a symbol with
     * a plain equivalent written out, and any other character outside Windows-1252 (controls included) as
     * {@code [U+XXXX]}.
     */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                if (i < text.length() && text.charAt(i) == '\n') {
                    continue;
                }
                out.append('\n');
            } else if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (WIN_ANSI.contains(cp)) {
                out.appendCodePoint(cp);
            } else if (WRITTEN_OUT.containsKey(cp)) {
                out.append(WRITTEN_OUT.get(cp));
            } else {
                out.append(String.format(Locale.ROOT, "[U+%04X]", cp));
            }
        }
        return out.toString();
    }

    private static Set<Integer> winAnsi() {
        Charset cp1252 = Charset.forName("windows-1252");
        Set<Integer> codePoints = new HashSet<>();
        for (int b = 0x20; b <= 0xFF; b++) {
            if (b == 0x7F) {
                continue;
            }
            CharBuffer decoded = cp1252.decode(ByteBuffer.wrap(new byte[] {(byte) b}));
            char c = decoded.charAt(0);
            if (c != '\uFFFD') {
                codePoints.add((int) c);
            }
        }
        return Set.copyOf(codePoints);
    }

    /** openhtmltopdf's log lines through SLF4J, under its own logger names; its INFO (one per document) as DEBUG. */
    private static final class Slf4jXRLogger implements XRLogger {

        @Override
        public void log(String where, Level level, String message) {
            log(where, level, message, null);
        }

        @Override
        public void log(String where, Level level, String message, Throwable error) {
            Logger logger = LoggerFactory.getLogger(where);
            if (level.intValue() >= Level.SEVERE.intValue()) {
                logger.error(message, error);
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                logger.warn(message, error);
            } else if (level.intValue() >= Level.FINE.intValue()) {
                logger.debug(message, error);
            } else {
                logger.trace(message, error);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {}

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            Logger logger = LoggerFactory.getLogger("com.openhtmltopdf");
            int level = diagnostic.getLevel().intValue();
            if (level >= Level.SEVERE.intValue()) {
                return logger.isErrorEnabled();
            }
            if (level >= Level.WARNING.intValue()) {
                return logger.isWarnEnabled();
            }
            return level >= Level.FINE.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
        }
    }
}
