package org.sharingledger.projections.reports;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.sharingledger.projections.dashboard.Charts.FunnelPlot;
import org.sharingledger.projections.dashboard.Charts.Marker;
import org.sharingledger.projections.dashboard.Charts.Tick;
import org.sharingledger.projections.dashboard.Funnel;
import org.sharingledger.projections.pages.PdfText;
import org.w3c.dom.Element;

/**
 * Draws the dashboards' funnel plot ({@link org.sharingledger.projections.dashboard.Charts#funnel}, the geometry the
 * Trust's page draws as SVG) into the PDF as vector graphics, for an {@code <object type="application/x-funnel-plot">}
 * of the report's template. openhtmltopdf hands an object a Java2D canvas that writes PDF operators (PDFBox's
 * graphics2d, which it already uses), so the plot needs neither its SVG module (Batik and its XML libraries) nor a
 * raster image. Text is written in Helvetica, one of the standard PDF fonts, as the rest of the document is.
 */
final class FunnelPlotDrawer implements FSObjectDrawer {

    static final String TYPE = "application/x-funnel-plot";

    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color LIMIT = new Color(0x50, 0x5A, 0x5F);
    private static final float FONT_SIZE = 11f;
    /** A point of an SVG polyline, {@code x,y}. */
    private static final Pattern POINT = Pattern.compile("(-?[0-9.]+),(-?[0-9.]+)");

    private final FunnelPlot plot;
    private final String decidedAxis;
    private final String rateAxis;

    FunnelPlotDrawer(FunnelPlot plot, String decidedAxis, String rateAxis) {
        this.plot = plot;
        this.decidedAxis = decidedAxis;
        this.rateAxis = rateAxis;
    }

    @Override
    public Map<Shape, String> drawObject(
            Element e,
            double x,
            double y,
            double width,
            double height,
            OutputDevice outputDevice,
            RenderingContext ctx,
            int dotsPerPixel) {
        float w = (float) (width / dotsPerPixel);
        float h = (float) (height / dotsPerPixel);
        outputDevice.drawWithGraphics((float) x, (float) y, w, h, g -> draw(g, w, h));
        return Map.of();
    }

    /** The plot in its own coordinates ({@code plot.width()} by {@code plot.height()}), scaled to the box. */
    void draw(Graphics2D g, float boxWidth, float boxHeight) {
        double scale = Math.min(boxWidth / plot.width(), boxHeight / plot.height());
        g.scale(scale, scale);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double left = d(plot.area().left());
        double right = d(plot.area().right());
        double top = d(plot.area().top());
        double bottom = d(plot.area().bottom());

        g.setStroke(new BasicStroke(0.75f));
        g.setColor(GRID);
        for (Tick t : plot.yTicks()) {
            g.draw(new Line2D.Double(left, d(t.at()), right, d(t.at())));
        }
        g.setColor(LIMIT);
        g.setStroke(dashed(1f, 1.5f, 3f));
        g.draw(polyline(plot.upper998()));
        g.draw(polyline(plot.lower998()));
        g.setStroke(dashed(1.2f, 6f, 4f));
        g.draw(polyline(plot.upper95()));
        g.draw(polyline(plot.lower95()));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(left, d(plot.meanY()), right, d(plot.meanY())));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(left, bottom, right, bottom));
        g.draw(new Line2D.Double(left, top, left, bottom));

        g.setFont(new Font("Helvetica", Font.PLAIN, (int) FONT_SIZE));
        for (Tick t : plot.yTicks()) {
            text(g, t.label(), left - 6, d(t.at()) + 4, 1);
        }
        for (Tick t : plot.xTicks()) {
            text(g, t.label(), d(t.at()), bottom + 16, 0.5);
        }
        text(g, rateAxis, left, 14, 0.5);
        text(g, decidedAxis, (plot.width() + 40) / 2.0, plot.height() - 10, 0.5);

        for (Marker m : plot.markers()) {
            g.setColor(m.flag() == Funnel.Flag.WITHIN ? Color.BLACK : new Color(0xB0, 0x1E, 0x1E));
            g.fill(marker(m));
            g.setColor(Color.BLACK);
            if (m.flagged()) {
                text(g, m.name(), d(m.x()), d(m.y()), "end".equals(m.anchor()) ? 1 : 0);
            }
        }
    }

    /** A circle within the limits, a triangle pointing up above them and down below, as on the page. */
    private static Shape marker(Marker m) {
        double cx = m.cx();
        double cy = m.cy();
        return switch (m.flag()) {
            case WITHIN -> new Ellipse2D.Double(cx - 5, cy - 5, 10, 10);
            case ABOVE_95, ABOVE_998 -> triangle(cx, cy, 7, true);
            case BELOW_95, BELOW_998 -> triangle(cx, cy, 7, false);
        };
    }

    private static Shape triangle(double cx, double cy, double size, boolean up) {
        double tip = up ? cy - size : cy + size;
        double base = up ? cy + size * 0.7 : cy - size * 0.7;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(cx, tip);
        path.lineTo(cx + size, base);
        path.lineTo(cx - size, base);
        path.closePath();
        return path;
    }

    /** Text with its anchor at a share of its width: 0 starts at x, 0.5 is centred on it, 1 ends at it. */
    private static void text(Graphics2D g, String text, double x, double y, double anchor) {
        String shown = PdfText.printable(text);
        g.drawString(shown, (float) (x - width(shown) * anchor), (float) y);
    }

    /** The width of the text in Helvetica, from the font's own metrics (no system font is needed). */
    private static double width(String text) {
        try {
            return HELVETICA.getStringWidth(text) / 1000 * FONT_SIZE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            // a character the font's encoding lacks (printable has already written those out): an estimate
            return text.length() * FONT_SIZE * 0.5;
        }
    }

    private static Path2D polyline(String points) {
        Path2D.Double path = new Path2D.Double();
        boolean first = true;
        Matcher point = POINT.matcher(points);
        while (point.find()) {
            double px = Double.parseDouble(point.group(1));
            double py = Double.parseDouble(point.group(2));
            if (first) {
                path.moveTo(px, py);
                first = false;
            } else {
                path.lineTo(px, py);
            }
        }
        return path;
    }

    private static BasicStroke dashed(float width, float dash, float gap) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {dash, gap}, 0f);
    }

    private static double d(String coordinate) {
        return Double.parseDouble(coordinate);
    }
}
