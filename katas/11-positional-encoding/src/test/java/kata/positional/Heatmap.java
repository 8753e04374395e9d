package kata.positional;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import kata.support.Tensor;

/**
 * Draws your {@link SinusoidalEncoding#table} as an SVG heatmap: positions down, dimensions across,
 * red for +1, white for 0, blue for -1. Not a spec: run it with
 * {@code mvn -q -pl katas/11-positional-encoding -am process-test-classes -Dpicture}, which writes
 * {@code katas/11-positional-encoding/pictures/positional-encoding.svg} (git ignores that folder).
 */
public final class Heatmap {

    private static final int MAX_LEN = 64;
    private static final int D = 32;
    private static final int CELL_WIDTH = 10;
    private static final int CELL_HEIGHT = 6;
    private static final int MARGIN = 40;

    private Heatmap() {
    }

    /** Writes the picture of {@code table(64, 32)} to the file {@code args[0]}, creating its folder. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, svg(SinusoidalEncoding.table(MAX_LEN, D)));
    }

    static String svg(Tensor table) {
        int rows = table.size(0);
        int columns = table.size(1);
        int width = 2 * MARGIN + columns * CELL_WIDTH;
        int height = 2 * MARGIN + rows * CELL_HEIGHT;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"11\">%n", width, height));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">dimension 0 to %d (sin, cos, sin, ...)"
                + "</text>%n", MARGIN, MARGIN - 12, columns - 1));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" transform=\"rotate(-90 %d %d)\">position 0"
                + " to %d</text>%n", MARGIN - 12, MARGIN + rows * CELL_HEIGHT, MARGIN - 12,
                MARGIN + rows * CELL_HEIGHT, rows - 1));
        for (int pos = 0; pos < rows; pos++) {
            for (int k = 0; k < columns; k++) {
                out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
                        + " fill=\"%s\"/>%n", MARGIN + k * CELL_WIDTH, MARGIN + pos * CELL_HEIGHT, CELL_WIDTH,
                        CELL_HEIGHT, color(table.get(pos, k))));
            }
        }
        return out.append("</svg>\n").toString();
    }

    /** Red for +1, white for 0, blue for -1 (values outside [-1, 1] are clamped). */
    private static String color(double value) {
        double v = Math.max(-1, Math.min(1, value));
        int fade = (int) Math.round(255 * (1 - Math.abs(v)));
        return v >= 0 ? String.format("#ff%02x%02x", fade, fade) : String.format("#%02x%02xff", fade, fade);
    }
}
