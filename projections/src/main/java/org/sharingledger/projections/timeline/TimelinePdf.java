package org.sharingledger.projections.timeline;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.sharingledger.evidence.api.Proofs;
import org.sharingledger.projections.pages.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A timeline as an A4 PDF for a serious case review panel: on every page a header naming the review, the reviewer,
 * the time generated, the "as known at" time and "Page X of Y", and a footer with the content digest; then the
 * figures, every entry in ledger order with every field its step carries (and a flag when it was recorded late), the
 * steps recorded later, and how to check the document.
 *
 * <p>The <em>content digest</em> is the SHA-256 (hex) of the timeline's CSV export ({@link TimelineCsv}) as UTF-8
 * bytes without a byte-order mark: a reader recomputes it with {@code sha256sum} on the CSV export of the same
 * timeline. The page header's "generated" time is not part of it, so two exports of the same timeline as known at the
 * same moment have the same digest.
 *
 * <p>The XHTML comes from the template {@code templates/timeline-pdf.xhtml} (Thymeleaf in XML mode, so it is well
 * formed), whose steps are the entries fragment of the reviewers' page ({@code templates/timeline-entries.html}), with
 * the same {@link TimelinePageFormats} and so the same words; here every text is made printable ({@link #printable})
 * before it is escaped. It is rendered by openhtmltopdf with the standard PDF fonts
 * (Helvetica, Courier), which need no font file but show only the Windows-1252 (Latin-1) repertoire: a few symbols
 * are written out ({@code ≥} as {@code >=}), and any other character the fonts lack as {@code [U+0142]}, so nothing
 * is silently changed or dropped; the CSV keeps the exact text. No external resource (image, stylesheet, font) is
 * ever loaded.
 */
final class TimelinePdf {

    /** What the digest is over, as printed in the footer. */
    private static final String DIGEST_OF = "SHA-256 of the CSV export, UTF-8";

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

    static {
        // openhtmltopdf logs through java.util.logging with a console handler of its own, at INFO for every
        // document: send it to SLF4J instead, its INFO as DEBUG.
        XRLog.setLoggerImpl(new Slf4jXRLogger());
    }

    /** Thymeleaf in XML mode, so that the output is the well-formed XHTML openhtmltopdf reads. */
    private static final SpringTemplateEngine TEMPLATES = templates();

    private TimelinePdf() {}

    /** The timeline as a PDF document, with the proofs that its steps are in the signed ledger. */
    static byte[] render(Timeline timeline, Proofs proofs, Vocabulary words) {
        String digest = digest(timeline);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useExternalResourceAccessControl(
                            (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .withProducer("Information-sharing ledger")
                    .withHtmlContent(xhtml(timeline, digest, proofs, words), null)
                    .toStream(out)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the timeline as PDF", e);
        }
        return out.toByteArray();
    }

    /** The content digest the PDF prints: SHA-256 (lower-case hex) of the CSV export's UTF-8 bytes. */
    static String digest(Timeline timeline) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(TimelineCsv.render(timeline).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The document as XHTML, from the {@code timeline-pdf.xhtml} template. */
    private static String xhtml(Timeline t, String digest, Proofs proofs, Vocabulary words) {
        Context context = new Context(Locale.UK);
        context.setVariable("timeline", t);
        context.setVariable("digest", digest);
        context.setVariable("eventsAtCheckpoint", t.eventsAtCheckpoint() == null ? null : TimelineCsv.inWords(t));
        context.setVariable("digestOf", DIGEST_OF);
        context.setVariable("proofs", proofs);
        context.setVariable("tf", new TimelinePageFormats(words, TimelinePdf::printable));
        return TEMPLATES.process("timeline-pdf.xhtml", context);
    }

    /**
     * The text as the standard PDF fonts can show it: line breaks kept (CR LF as LF), a tab as a space, a symbol with
     * a plain equivalent written out, and any other character outside Windows-1252 (controls included) as
     * {@code [U+XXXX]}.
     */
    static String printable(String text) {
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

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(TimelinePdf.class.getClassLoader());
        // Names with their suffix: the PDF's own template (.xhtml) and the entries fragment it shares with the
        // reviewers' page (.html, written as well-formed XML so that it reads in either mode).
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
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
