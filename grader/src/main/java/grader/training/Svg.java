package grader.training;

import java.util.Locale;

/**
 * A small SVG document, drawn as kata 11's heatmap draws its picture: a white page in sans-serif
 * 11 px, a 40 px margin, one {@code rect} per cell, red for high and white for zero.
 */
final class Svg {

    static final int MARGIN = 40;

    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height) {
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
        out.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
    }

    /** Text at (x, y); {@code anchor} is {@code start}, {@code middle} or {@code end}. */
    Svg text(double x, double y, String anchor, String text) {
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor,
                escape(text)));
        return this;
    }

    /** Text at (x, y) turned a quarter left, to read upwards beside a vertical axis. */
    Svg upwards(double x, double y, String text) {
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f"
                + " %.1f)\">%s</text>%n", x, y, x, y, escape(text)));
        return this;
    }

    Svg rect(double x, double y, double width, double height, String fill) {
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x, y, width, height, fill));
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke) {
        out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, stroke));
        return this;
    }

    /** A line through the points {@code (xs[i], ys[i])}. */
    Svg polyline(double[] xs, double[] ys, String stroke, double width) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", xs[i], ys[i]));
        }
        out.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                points, stroke, width));
        return this;
    }

    /** White for 0, full red for 1 (values outside [0, 1] are clamped), as kata 11 colours +1. */
    static String red(double value) {
        double v = Math.max(0, Math.min(1, value));
        int fade = (int) Math.round(255 * (1 - v));
        return String.format("#ff%02x%02x", fade, fade);
    }

    String done() {
        return out + "</svg>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
