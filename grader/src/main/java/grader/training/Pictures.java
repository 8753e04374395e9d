package grader.training;

import java.util.List;
import java.util.Locale;

/** The two pictures of a training run: the loss curve and the cross-attention heatmap. */
public final class Pictures {

    private static final int PLOT_WIDTH = 560;
    private static final int PLOT_HEIGHT = 280;
    private static final int MOST_TICKS = 6;
    private static final int CELL = 40;

    private Pictures() {
    }

    /**
     * The loss of every step (grey) and its smoothed curve (red): step on x from 1 to the last, loss on
     * y from 0 to the largest loss.
     */
    public static String lossCurve(double[] losses, double[] smoothed, String title) {
        int left = 2 * Svg.MARGIN;
        Svg svg = new Svg(left + PLOT_WIDTH + Svg.MARGIN, 2 * Svg.MARGIN + PLOT_HEIGHT + Svg.MARGIN);
        double top = 0;
        for (double loss : losses) {
            top = Double.isFinite(loss) ? Math.max(top, loss) : top;
        }
        double tick = tickStep(top > 0 ? top : 1);
        int ticks = (int) Math.ceil((top > 0 ? top : 1) / tick - 1e-9);
        top = ticks * tick;
        int last = Math.max(2, losses.length);
        double bottom = Svg.MARGIN + PLOT_HEIGHT;
        svg.text(left, Svg.MARGIN - 16, "start", title);
        svg.line(left, bottom, left + PLOT_WIDTH, bottom, "#000000").line(left, Svg.MARGIN, left, bottom, "#000000");
        for (int i = 0; i <= ticks; i++) {
            double y = bottom - PLOT_HEIGHT * i / (double) ticks;
            svg.line(left - 4, y, left, y, "#000000").text(left - 6, y + 4, "end", String.format(Locale.ROOT, "%.1f", i * tick));
        }
        int every = (int) Math.max(1, Math.round(tickStep(last)));
        for (int step = every == 1 ? 1 : 0; step <= last; step += every) {
            double x = left + PLOT_WIDTH * (Math.max(1, step) - 1) / (double) (last - 1);
            svg.line(x, bottom, x, bottom + 4, "#000000").text(x, bottom + 16, "middle", Integer.toString(Math.max(1, step)));
        }
        svg.text(left + PLOT_WIDTH / 2.0, bottom + 34, "middle", "step");
        svg.upwards(Svg.MARGIN - 14, Svg.MARGIN + PLOT_HEIGHT / 2.0, "loss (cross-entropy)");
        double[] xs = new double[losses.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = left + PLOT_WIDTH * i / (double) (last - 1);
        }
        svg.polyline(xs, heights(losses, top, bottom), "#bbbbbb", 1);
        svg.polyline(xs, heights(smoothed, top, bottom), "#ff0000", 2);
        return svg.done();
    }

    /**
     * The heatmap of {@code attention}: a row per output token, a column per source character, each
     * cell red by its weight (white 0, red 1) and labelled with it; {@code format} says in which
     * order the digits come.
     */
    public static String crossAttention(Attention attention, String format) {
        List<String> columns = attention.sources();
        List<String> rows = attention.outputs();
        int left = 2 * Svg.MARGIN;
        int top = 2 * Svg.MARGIN + 12;
        Svg svg = new Svg(left + columns.size() * CELL + 3 * Svg.MARGIN, top + rows.size() * CELL + Svg.MARGIN);
        svg.text(Svg.MARGIN / 2.0, Svg.MARGIN / 2.0 + 4, "start", "cross-attention of the last decoder layer, averaged"
                + " over heads: " + attention.question());
        svg.text(Svg.MARGIN / 2.0, Svg.MARGIN / 2.0 + 20, "start", "a row per token the model wrote"
                + (format.equals("reversed") ? ", the sum's least significant digit first" : ""));
        svg.text(left + columns.size() * CELL / 2.0, top - 26, "middle", "source characters");
        svg.upwards(Svg.MARGIN / 2.0 + 4, top + rows.size() * CELL / 2.0, "output tokens");
        for (int s = 0; s < columns.size(); s++) {
            svg.text(left + (s + 0.5) * CELL, top - 8, "middle", columns.get(s));
        }
        for (int t = 0; t < rows.size(); t++) {
            svg.text(left - 8, top + (t + 0.5) * CELL + 4, "end", rows.get(t));
            for (int s = 0; s < columns.size(); s++) {
                double weight = attention.weights()[t][s];
                svg.rect(left + s * CELL, top + t * CELL, CELL, CELL, Svg.red(weight));
                svg.text(left + (s + 0.5) * CELL, top + (t + 0.5) * CELL + 4, "middle",
                        String.format(Locale.ROOT, "%.2f", weight));
            }
        }
        return svg.done();
    }

    /** The smallest of 0.1, 0.2, 0.5, 1, 2, 5, 10, ... that marks {@code top} with at most {@link #MOST_TICKS} ticks. */
    private static double tickStep(double top) {
        for (double power = 0.1; ; power *= 10) {
            for (double step : new double[] {power, 2 * power, 5 * power}) {
                if (top / step <= MOST_TICKS) {
                    return step;
                }
            }
        }
    }

    private static double[] heights(double[] values, double top, double bottom) {
        double[] ys = new double[values.length];
        for (int i = 0; i < ys.length; i++) {
            double value = Double.isFinite(values[i]) ? Math.max(0, Math.min(top, values[i])) : top;
            ys[i] = bottom - PLOT_HEIGHT * value / top;
        }
        return ys;
    }
}
