package grader.engine;

import java.util.Locale;

/** Byte counts as people read them. */
final class Units {

    private Units() {
    }

    static String bytes(long count) {
        if (count < 1024) {
            return count + " bytes";
        }
        if (count < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", count / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", count / (1024.0 * 1024.0));
    }
}
