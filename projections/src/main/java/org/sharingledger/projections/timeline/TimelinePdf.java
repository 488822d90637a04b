package org.sharingledger.projections.timeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.sharingledger.evidence.api.Proofs;
import org.sharingledger.evidence.api.Proofs.InclusionProof;
import org.sharingledger.evidence.api.Proofs.SignedCheckpoint;
import org.sharingledger.projections.pages.Vocabulary;
import org.sharingledger.projections.timeline.Timeline.ActorRef;
import org.sharingledger.projections.timeline.Timeline.AgencyRef;
import org.sharingledger.projections.timeline.Timeline.Code;
import org.sharingledger.projections.timeline.Timeline.Entry;
import org.sharingledger.projections.timeline.Timeline.Summary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>The XHTML is built here, every piece of text escaped, and rendered by openhtmltopdf with the standard PDF fonts
 * (Helvetica, Courier), which need no font file but show only the Windows-1252 (Latin-1) repertoire: a few symbols
 * are written out ({@code ≥} as {@code >=}), and any other character the fonts lack as {@code [U+0142]}, so nothing
 * is silently changed or dropped; the CSV keeps the exact text. No external resource (image, stylesheet, font) is
 * ever loaded.
 */
final class TimelinePdf {

    /** What the digest is over, as printed in the footer. */
    private static final String DIGEST_OF = "SHA-256 of the CSV export, UTF-8";

    /** A missing value. */
    private static final String NONE = "\u2013";

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    /** The code points the standard fonts can show: printable Windows-1252 (what PDF calls WinAnsiEncoding). */
    private static final Set<Integer> WIN_ANSI = winAnsi();

    /** Symbols outside Windows-1252 that have a plain equivalent inside it. */
    private static final Map<Integer, String> WRITTEN_OUT = Map.ofEntries(
            Map.entry(0x2265, ">="), Map.entry(0x2264, "<="), Map.entry(0x2260, "!="), Map.entry(0x2248, "~"),
            Map.entry(0x2212, "-"), Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"),
            Map.entry(0x2015, "\u2014"), Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"), Map.entry(0x2032, "'"),
            Map.entry(0x2033, "\""), Map.entry(0x2009, " "), Map.entry(0x200A, " "), Map.entry(0x202F, " "),
            Map.entry(0x2007, " "), Map.entry(0x2002, " "), Map.entry(0x2003, " "), Map.entry(0x200B, ""),
            Map.entry(0xFEFF, ""), Map.entry(0x2713, "[tick]"), Map.entry(0x2714, "[tick]"),
            Map.entry(0x2717, "[cross]"), Map.entry(0x2718, "[cross]"));

    private static final String CSS = """
            @page {
              size: A4;
              margin: 30mm 15mm 22mm 15mm;
              @top-center { content: element(header); }
              @bottom-center { content: element(footer); }
            }
            body { margin: 0; font-family: Helvetica, sans-serif; font-size: 9.5pt; line-height: 1.3; color: #000; }
            #header { position: running(header); width: 180mm; font-size: 8.5pt; padding-bottom: 1.5mm;
                      border-bottom: 0.75pt solid #000; }
            #footer { position: running(footer); width: 180mm; font-size: 7pt; padding-top: 1.2mm;
                      border-top: 0.5pt solid #666; color: #333; }
            #header table, #footer table { width: 100%; border-collapse: collapse; }
            #header td, #footer td { padding: 0; vertical-align: top; }
            .h-review { font-weight: bold; font-size: 11pt; }
            .h-page { text-align: right; font-weight: bold; white-space: nowrap; }
            .page-of::after { content: "Page " counter(page) " of " counter(pages); }
            h1 { font-size: 16pt; margin: 0 0 2mm 0; }
            h2 { font-size: 12.5pt; margin: 6mm 0 2mm 0; padding-bottom: 0.8mm; border-bottom: 0.5pt solid #999; }
            p { margin: 0 0 2mm 0; }
            table { border-collapse: collapse; }
            .meta th, .fields th { text-align: left; font-weight: normal; color: #444; vertical-align: top;
                                   padding: 0.6mm 3mm 0.6mm 0; }
            .meta { width: 100%; margin-bottom: 2mm; }
            .meta th { width: 36mm; }
            .fields th { width: 36mm; }
            .meta td, .fields td { vertical-align: top; padding: 0.6mm 0; }
            .summary { width: 100%; margin: 2mm 0 1mm 0; }
            .summary td { width: 25%; border: 0.5pt solid #999; padding: 1.5mm 2mm; vertical-align: top; }
            .figure { font-size: 14pt; font-weight: bold; }
            .figure-label { font-size: 8pt; color: #333; }
            .entry { page-break-inside: avoid; border: 0.5pt solid #999; margin: 0 0 3mm 0; padding: 2mm 2.5mm; }
            .entry-head { width: 100%; margin-bottom: 1mm; }
            .entry-head td { vertical-align: top; padding: 0; }
            .num { width: 9mm; font-weight: bold; font-size: 11pt; }
            .step { font-weight: bold; font-size: 8pt; border: 0.75pt solid #000; padding: 0.2mm 1mm;
                    text-transform: uppercase; }
            .desc { font-weight: bold; font-size: 10.5pt; }
            .fields { width: 100%; }
            .text { white-space: pre-wrap; word-wrap: break-word; }
            .late { font-weight: bold; border-left: 2.5pt solid #000; padding-left: 1.5mm; }
            .late-badge { font-weight: bold; font-size: 8pt; color: #fff; background-color: #000; padding: 0.2mm 1mm;
                          text-transform: uppercase; }
            .checking { page-break-inside: avoid; }
            .code { font-size: 7.5pt; color: #444; }
            .ids { font-family: Courier, monospace; font-size: 7pt; color: #444; margin-top: 1mm;
                   word-wrap: break-word; }
            .digest { font-family: Courier, monospace; font-size: 9pt; font-weight: bold; word-wrap: break-word; }
            .footer-digest { font-family: Courier, monospace; }
            pre.statement { font-family: Courier, monospace; font-size: 8pt; border: 1px solid #999; padding: 4pt; }
            table.proofs { border-collapse: collapse; width: 100%; font-size: 7.5pt; }
            table.proofs th, table.proofs td { border-bottom: 0.5pt solid #bbb; text-align: left; vertical-align: top;
                padding: 2pt 3pt; }
            td.hashes { font-family: Courier, monospace; font-size: 7pt; }
            .note { font-size: 8.5pt; }
            """;

    static {
        // openhtmltopdf logs through java.util.logging with a console handler of its own, at INFO for every
        // document: send it to SLF4J instead, its INFO as DEBUG.
        XRLog.setLoggerImpl(new Slf4jXRLogger());
    }

    private final Vocabulary words;

    private TimelinePdf(Vocabulary words) {
        this.words = words;
    }

    /** The timeline as a PDF document, with the proofs that its steps are in the signed ledger. */
    static byte[] render(Timeline timeline, Proofs proofs, Vocabulary words) {
        String digest = digest(timeline);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useExternalResourceAccessControl((uri, type) -> false,
                            ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .withProducer("Information-sharing ledger")
                    .withHtmlContent(new TimelinePdf(words).xhtml(timeline, digest, proofs), null)
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

    private String xhtml(Timeline t, String digest, Proofs proofs) {
        Html h = new Html();
        h.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .raw("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\">")
                .raw("<head><meta charset=\"UTF-8\"/><title>").text("Timeline: " + orNone(t.review())).raw("</title>")
                .raw("<meta name=\"subject\" content=\"")
                .text("Case review timeline as known at " + iso(t.asOf()) + ", content digest " + digest)
                .raw("\"/><meta name=\"author\" content=\"Information-sharing ledger\"/>")
                .raw("<style>").raw(CSS).raw("</style></head><body>");
        header(h, t);
        footer(h, digest);

        h.raw("<h1>").text("Timeline: " + orNone(t.review())).raw("</h1>");
        h.raw("<table class=\"meta\">");
        row(h, "Review", t.review());
        row(h, "Case reviewer", t.reviewer());
        row(h, "Grant", t.grantId());
        row(h, "As known at", when(t.asOf()) + " (" + iso(t.asOf()) + ")");
        row(h, "Generated", when(t.generatedAt()) + " (" + iso(t.generatedAt()) + ")");
        h.raw("</table>");
        h.raw("<p class=\"note\">").text("Only what the ledger had recorded by the \"as known at\" time is in the "
                + "timeline and its figures. Times are in UTC (UK clocks are one hour ahead during British Summer "
                + "Time).").raw("</p>");

        summary(h, t.summary());

        h.raw("<h2>").text("Steps in the order the ledger recorded them (" + t.entries().size() + ")").raw("</h2>");
        if (t.entries().isEmpty()) {
            h.raw("<p>").text("No step had been recorded by " + when(t.asOf()) + ".").raw("</p>");
        }
        for (int i = 0; i < t.entries().size(); i++) {
            entry(h, String.valueOf(i + 1), t.entries().get(i));
        }

        if (!t.recordedLater().isEmpty()) {
            h.raw("<h2>").text("Recorded later (" + t.recordedLater().size() + ")").raw("</h2>");
            h.raw("<p>").text("These steps happened by " + when(t.asOf()) + " but were recorded in the ledger only "
                    + "after it. They are not in the steps or the figures above.").raw("</p>");
            for (int i = 0; i < t.recordedLater().size(); i++) {
                entry(h, "L" + (i + 1), t.recordedLater().get(i));
            }
        }

        checking(h, t, digest);
        evidence(h, t, proofs);
        h.raw("</body></html>");
        return h.toString();
    }

    private static void header(Html h, Timeline t) {
        h.raw("<div id=\"header\"><table><tr><td class=\"h-review\">").text(orNone(t.review()))
                .raw("</td><td class=\"h-page\"><span class=\"page-of\"></span></td></tr><tr><td colspan=\"2\">")
                .text("Case reviewer: " + orNone(t.reviewer()) + "  \u00B7  As known at: " + when(t.asOf())
                        + "  \u00B7  Generated: " + when(t.generatedAt()))
                .raw("</td></tr></table></div>");
    }

    private static void footer(Html h, String digest) {
        h.raw("<div id=\"footer\">").text("Content digest, " + DIGEST_OF + ": ")
                .raw("<span class=\"footer-digest\">").text(digest).raw("</span>")
                .raw("<br/>").text("Each step names its event id and position in the ledger. How to check this "
                        + "document: see its last page.")
                .raw("</div>");
    }

    private static void summary(Html h, Summary s) {
        h.raw("<h2>Summary</h2>");
        if (s == null) {
            h.raw("<p>").text(NONE).raw("</p>");
            return;
        }
        h.raw("<table class=\"summary\"><tr>");
        figure(h, s.requests(), "requests");
        figure(h, s.shared(), "shared in full");
        figure(h, s.partiallyShared(), "shared in part");
        figure(h, s.refused(), "refused");
        h.raw("</tr><tr>");
        figure(h, s.escalations(), "escalations");
        figure(h, s.overdue(), "became overdue");
        figure(h, s.agencies(), "agencies involved");
        h.raw("<td><div class=\"figure\">").text(hours(s.medianHoursToDecision()))
                .raw("</div><div class=\"figure-label\">median hours to decision</div></td>");
        h.raw("</tr></table>");
    }

    private static void figure(Html h, long value, String label) {
        h.raw("<td><div class=\"figure\">").text(String.format(Locale.UK, "%,d", value))
                .raw("</div><div class=\"figure-label\">").text(label).raw("</div></td>");
    }

    private void entry(Html h, String number, Entry e) {
        h.raw("<div class=\"entry\"><table class=\"entry-head\"><tr><td class=\"num\">").text(number)
                .raw("</td><td><span class=\"step\">").text(words.label("Step", e.step())).raw("</span> ");
        if (e.lateBy() != null) {
            h.raw("<span class=\"late-badge\">Recorded late</span> ");
        }
        h.raw("<span class=\"desc\">").text(orNone(e.description())).raw("</span></td></tr></table>");
        h.raw("<table class=\"fields\">");
        row(h, "Happened", when(e.occurredAt()));
        if (e.lateBy() != null) {
            h.raw("<tr><th>Recorded</th><td><span class=\"late\">").text(when(e.recordedAt()) + ": recorded "
                    + duration(e.lateBy()) + " late").raw("</span></td></tr>");
        } else {
            row(h, "Recorded", when(e.recordedAt()));
        }
        row(h, "Requesting agency", agency(e.requestingAgency()));
        row(h, "Holding agency", agency(e.holdingAgency()));
        row(h, "Taken by", actor(e.actor(), e));
        row(h, "Case reference", e.caseReference());
        if (e.purpose() != null) {
            row(h, "Purpose", words.label("Purpose", e.purpose()));
        }
        row(h, "Purpose in detail", e.purposeDetail());
        if (e.lawfulBasis() != null) {
            row(h, "Lawful basis", words.label("LawfulBasis", e.lawfulBasis()));
        }
        if (e.consent() != null) {
            row(h, "Consent", words.label("ConsentStatus", e.consent().status()));
            row(h, "Consent in detail", e.consent().detail());
        }
        if (e.urgency() != null) {
            row(h, "Urgency", words.label("Urgency", e.urgency()));
        }
        row(h, "Information sought", e.informationSought());
        if (e.scope() != null) {
            row(h, "Shared", words.label("Scope", e.scope()));
        }
        row(h, "Information shared", e.informationShared());
        if (e.method() != null) {
            row(h, "Method", words.label("Method", e.method()));
        }
        code(h, "Withheld because", e.withheldReason());
        code(h, "Reason", e.reason());
        row(h, "ESCALATED".equals(e.step()) || "WITHDRAWN".equals(e.step()) ? "Reason given" : "Rationale",
                e.rationale());
        row(h, "Advice sought", e.adviceSought());
        if (e.stage() != null) {
            row(h, "Escalation stage", words.label("Stage", e.stage()));
        }
        if (e.outcome() != null) {
            row(h, "Outcome", words.label("Outcome", e.outcome()));
        }
        if (e.dueBy() != null) {
            row(h, "REQUESTED".equals(e.step()) ? "Decision due by" : "Due by", when(e.dueBy()));
        }
        if (e.dueMet() != null) {
            if (e.dueMet()) {
                row(h, "Due time met", "Yes: decided by the due time");
            } else {
                h.raw("<tr><th>Due time met</th><td><span class=\"late\">No: decided after the due time</span>")
                        .raw("</td></tr>");
            }
        }
        h.raw("</table><div class=\"ids\">").text("event " + orNone(e.eventId()) + "   position " + e.position()
                + "   request " + orNone(e.requestId())).raw("</div></div>");
    }

    private void code(Html h, String name, Code code) {
        if (code == null) {
            return;
        }
        h.raw("<tr><th>").text(name).raw("</th><td>")
                .text(code.text() == null ? words.label("Reason", code.code()) : code.text())
                .raw(" <span class=\"code\">").text("(" + orNone(code.code()) + ")").raw("</span></td></tr>");
    }

    private static void checking(Html h, Timeline t, String digest) {
        h.raw("<div class=\"checking\"><h2>Checking this document</h2>");
        h.raw("<p>").text("Each step shows the id and position of its event in the ledger, so it can be looked up "
                + "and checked against the ledger itself.").raw("</p>");
        h.raw("<p>").text("Content digest, " + DIGEST_OF + " (hexadecimal):").raw("</p>");
        h.raw("<p class=\"digest\">").text(digest).raw("</p>");
        h.raw("<p>").text("The digest is the SHA-256 of this timeline's CSV export: the file as downloaded, UTF-8 "
                + "without a byte-order mark, which holds every field of every step shown here. To check it, export "
                + "the same timeline as CSV (grant " + orNone(t.grantId()) + ", as known at " + iso(t.asOf())
                + ") and compute the file's SHA-256: \"sha256sum timeline.csv\" on Linux, \"shasum -a 256 "
                + "timeline.csv\" on macOS, \"Get-FileHash timeline.csv\" in Windows PowerShell. It must equal the "
                + "digest above; the CSV can then be compared with this document line by line. The time the "
                + "document was generated is not part of the digest.").raw("</p>");
        h.raw("<p class=\"note\">").text("This PDF uses the standard PDF fonts. A character they cannot show is "
                + "written as its Unicode number, such as [U+0142], and a few symbols are spelled out (greater than "
                + "or equal to as >=); the CSV export keeps the exact text.").raw("</p></div>");
    }

    /** The checkpoint, and for each step its event hash and the audit path from it to the checkpoint's root. */
    private static void evidence(Html h, Timeline t, Proofs proofs) {
        h.raw("<div class=\"checking\"><h2>Proof that these steps are in the ledger</h2>");
        SignedCheckpoint checkpoint = proofs == null ? null : proofs.checkpoint();
        if (checkpoint == null) {
            h.raw("<p>").text("The ledger had signed no checkpoint when this document was made.").raw("</p></div>");
            return;
        }
        h.raw("<p>").text("The ledger hashes every event it stores (SHA-256) and chains it to the one before it "
                + "about the same request. A Merkle tree over all of them is signed with the ledger's key as "
                + "checkpoints, which the Trust publishes. The checkpoint below was signed at "
                + when(checkpoint.signedAt()) + " and covers the first " + checkpoint.treeSize() + " events. For "
                + "each step, the event hash and its audit path lead to the checkpoint's root (RFC 9162, section "
                + "2.1.3.2), which shows the step's event is in the signed ledger and has not changed since.")
                .raw("</p>");
        h.raw("<p>").text("Checkpoint statement (compare it with the one published):").raw("</p>");
        h.raw("<pre class=\"statement\">").text(checkpoint.statement()).raw("</pre>");
        h.raw("<p>").text("Signing key: " + checkpoint.verifierKey()).raw("<br/>")
                .text("Its fingerprint: " + checkpoint.keyFingerprint()).raw("</p>");
        h.raw("<p>").text("To check independently, download this timeline as JSON (same grant, as known at "
                + iso(t.asOf()) + ") and run, with the published checkpoint statement saved as checkpoint.txt: "
                + "java -jar sharing-ledger.jar verify-export timeline.json checkpoint.txt --key \""
                + checkpoint.verifierKey() + "\"").raw("</p>");
        h.raw("<table class=\"proofs\"><thead><tr><th>Step</th><th>Position</th><th>Leaf</th>")
                .raw("<th>Event hash and audit path (base64, leaf to root)</th></tr></thead><tbody>");
        for (int i = 0; i < t.entries().size(); i++) {
            proof(h, String.valueOf(i + 1), t.entries().get(i), proofs);
        }
        for (int i = 0; i < t.recordedLater().size(); i++) {
            proof(h, "L" + (i + 1), t.recordedLater().get(i), proofs);
        }
        h.raw("</tbody></table></div>");
    }

    private static void proof(Html h, String number, Entry e, Proofs proofs) {
        InclusionProof proof = proofs.byPosition().get(e.position());
        h.raw("<tr><td>").text(number).raw("</td><td>").text(String.valueOf(e.position())).raw("</td><td>");
        if (proof == null) {
            h.raw("</td><td>").text("not yet in a checkpoint").raw("</td></tr>");
            return;
        }
        h.text(String.valueOf(proof.leafIndex())).raw("</td><td class=\"hashes\"><b>").text(proof.eventHash())
                .raw("</b>");
        for (String hash : proof.auditPath()) {
            h.raw("<br/>").text(hash);
        }
        h.raw("</td></tr>");
    }

    private static void row(Html h, String name, String value) {
        if (value == null) {
            return;
        }
        h.raw("<tr><th>").text(name).raw("</th><td class=\"text\">").text(value).raw("</td></tr>");
    }

    private String agency(AgencyRef agency) {
        if (agency == null) {
            return null;
        }
        return orNone(agency.name()) + " (" + words.label("Sector", agency.sector()) + "; id "
                + orNone(agency.agencyId()) + ")";
    }

    private String actor(ActorRef actor, Entry e) {
        if (actor == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(orNone(actor.displayName()));
        text.append(" (").append(orNone(actor.username())).append(')');
        if (actor.roles() != null && !actor.roles().isEmpty()) {
            text.append(", ")
                    .append(String.join(", ", actor.roles().stream().map(role -> words.label("Role", role)).toList()));
        }
        if (actor.agencyId() != null) {
            text.append(", ").append(agencyName(actor.agencyId(), Arrays.asList(e.requestingAgency(), e.holdingAgency())));
        }
        return text.toString();
    }

    private static String agencyName(String agencyId, List<AgencyRef> known) {
        for (AgencyRef agency : known) {
            if (agency != null && agencyId.equals(agency.agencyId()) && agency.name() != null) {
                return agency.name();
            }
        }
        return "agency " + agencyId;
    }

    private static String orNone(String text) {
        return text == null ? NONE : text;
    }

    private static String when(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        return (instant.getEpochSecond() % 60 == 0 && instant.getNano() == 0 ? MINUTES : SECONDS).format(instant);
    }

    private static String iso(Instant instant) {
        return instant == null ? NONE : instant.toString();
    }

    /** Days and hours: {@code 3 days}, {@code 1 day 6 hours}; minutes only for less than an hour. */
    private static String duration(Duration duration) {
        long days = duration.toDays();
        int hours = duration.toHoursPart();
        if (days == 0 && hours == 0) {
            return plural(duration.toMinutesPart(), "minute");
        }
        String text = days > 0 ? plural(days, "day") : "";
        if (hours > 0) {
            text += (text.isEmpty() ? "" : " ") + plural(hours, "hour");
        }
        return text;
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String hours(Double hours) {
        if (hours == null) {
            return NONE;
        }
        String text = String.format(Locale.UK, "%.1f h", hours);
        return hours >= 48 ? text + String.format(Locale.UK, " (%.1f days)", hours / 24) : text;
    }

    /**
     * The text as the standard PDF fonts can show it: line breaks kept (CR LF as LF), a tab as a space, a symbol with
     * a plain equivalent written out, and any other character outside Windows-1252 (controls included) as
     * {@code [U+XXXX]}.
     */
    private static String printable(String text) {
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
        public void setLevel(String logger, Level level) {
        }

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

    /** XHTML under construction: {@link #text} escapes (after {@link #printable}), {@link #raw} does not. */
    private static final class Html {

        private final StringBuilder out = new StringBuilder(16_384);

        Html raw(String markup) {
            out.append(markup);
            return this;
        }

        Html text(String text) {
            String printable = printable(text);
            for (int i = 0; i < printable.length(); i++) {
                char c = printable.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
