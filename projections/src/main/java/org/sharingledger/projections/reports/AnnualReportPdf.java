package org.sharingledger.projections.reports;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.sharingledger.projections.dashboard.Charts.FunnelPlot;
import org.sharingledger.projections.pages.PdfText;
import org.sharingledger.projections.pages.Vocabulary;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The nominated representatives' report as an A4 PDF that reads as the Trust's own: the title and the period, then the
 * signatories (now and a year before, who joined and who withdrew, by name), training, requests and refusals with the
 * funnel plot and its outliers, escalations, consultations on the Code, self-assessment rounds, Information Sharing
 * Protocols, and how to check the figures against the signed checkpoint they were computed at.
 *
 * <p>As the timeline's PDF ({@code projections.timeline.TimelinePdf}): the XHTML comes from the template
 * {@code templates/annual-report-pdf.xhtml} (Thymeleaf in XML mode), every word from {@code messages.properties}
 * ({@link ReportText} and the codes' labels) through {@link ReportFormats}, every text made printable in the standard
 * PDF fonts ({@link PdfText#printable}), and no external resource is ever loaded. The funnel plot is the dashboards'
 * geometry drawn as vector graphics by {@link FunnelPlotDrawer}.
 */
final class AnnualReportPdf {

    static {
        PdfText.logThroughSlf4j();
    }

    private static final SpringTemplateEngine TEMPLATES = templates();

    private AnnualReportPdf() {}

    /**
     * The report as a PDF document.
     *
     * @param funnel the funnel plot of the same period's refusal rates, or null when nothing was decided
     */
    static byte[] render(AnnualReport report, FunnelPlot funnel, Vocabulary words) {
        ReportFormats rf = new ReportFormats(words, PdfText::printable);
        DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
        if (funnel != null) {
            drawers.registerDrawer(
                    FunnelPlotDrawer.TYPE,
                    new FunnelPlotDrawer(
                            funnel, rf.w(ReportText.FUNNEL_DECIDED_AXIS), rf.w(ReportText.FUNNEL_RATE_AXIS)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useExternalResourceAccessControl(
                            (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .useObjectDrawerFactory(drawers)
                    .withProducer("Information-sharing ledger")
                    .withHtmlContent(xhtml(report, funnel != null, rf), null)
                    .toStream(out)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the report as PDF", e);
        }
        return out.toByteArray();
    }

    /** The document as XHTML, from the {@code annual-report-pdf.xhtml} template. */
    static String xhtml(AnnualReport report, boolean withFunnel, ReportFormats rf) {
        Context context = new Context(Locale.UK);
        context.setVariable("r", report);
        context.setVariable("rf", rf);
        context.setVariable("withFunnel", withFunnel);
        context.setVariable("funnelType", FunnelPlotDrawer.TYPE);
        return TEMPLATES.process("annual-report-pdf.xhtml", context);
    }

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(AnnualReportPdf.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
