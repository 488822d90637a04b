package org.sharingledger.projections.timeline;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.sharingledger.evidence.api.Proofs;
import org.sharingledger.projections.pages.PdfText;
import org.sharingledger.projections.pages.Vocabulary;
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

    static {
        // openhtmltopdf logs through java.util.logging with a console handler of its own, at INFO for every
        // document: send it to SLF4J instead, its INFO as DEBUG.
        PdfText.logThroughSlf4j();
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

    /** The text as the standard PDF fonts can show it: see {@link PdfText#printable}. */
    static String printable(String text) {
        return PdfText.printable(text);
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
}
