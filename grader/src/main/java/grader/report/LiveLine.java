package grader.report;

import java.io.Console;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * While specs run, a line on the terminal that says how far each running kata has got
 * ({@code running: 01 12/34}), rewritten in place a few times a second (training draws its steps
 * the same way). Only on a terminal: when
 * the output is piped or written to a file nothing is drawn, so no carriage returns end up there.
 */
public final class LiveLine {

    private static final long REFRESH_MILLIS = 250;

    private final PrintStream terminal;
    private final String label;
    private final Thread drawer;
    private int drawn;

    private LiveLine(PrintStream terminal, String label, Supplier<String> status, boolean interactive) {
        this.terminal = terminal;
        this.label = label;
        this.drawer = interactive ? new Thread(() -> draw(status), "grader-live-line") : null;
        if (drawer != null) {
            drawer.setDaemon(true);
            drawer.start();
        }
    }

    /** Starts drawing {@code status} when standard output is a terminal. */
    public static LiveLine start(PrintStream terminal, Supplier<String> status) {
        return start(terminal, "  running: ", status);
    }

    /** Starts drawing {@code label} and {@code status} when standard output is a terminal. */
    public static LiveLine start(PrintStream terminal, String label, Supplier<String> status) {
        return new LiveLine(terminal, label, status, interactive());
    }

    /** Whether the line is drawn: false when the output is not a terminal. */
    public boolean onTerminal() {
        return drawer != null;
    }

    /** Prints {@code text} in place of the live line, which is drawn again below it. */
    public synchronized void print(String text) {
        clear();
        terminal.print(text);
        terminal.flush();
    }

    public void stop() {
        if (drawer != null) {
            drawer.interrupt();
            try {
                drawer.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                clear();
            }
        }
    }

    private void draw(Supplier<String> status) {
        while (!Thread.currentThread().isInterrupted()) {
            String now = status.get();
            synchronized (this) {
                clear();
                if (!now.isEmpty()) {
                    String line = label + now;
                    terminal.print(line);
                    terminal.flush();
                    drawn = line.length();
                }
            }
            try {
                Thread.sleep(REFRESH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void clear() {
        if (drawn > 0) {
            terminal.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
        }
    }

    /** Whether standard output is a terminal: a console exists (and, from JDK 22, says it is one). */
    private static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
