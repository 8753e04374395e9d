package grader.engine;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps what specs print off the grader's terminal. While grading, {@code System.out} and
 * {@code System.err} point here: the first few kilobytes of each kata are kept (the grader shows
 * them for one kata, to help debugging), the rest is only counted, so a spec that floods the
 * output costs no memory and cannot scramble the table.
 */
final class OutputCapture extends OutputStream {

    private static final int KEPT_BYTES = 4096;

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private byte[] kept = new byte[KEPT_BYTES];
    private int keptCount;
    private long total;

    private OutputCapture() {
        this.originalOut = System.out;
        this.originalErr = System.err;
    }

    /** Sends both standard streams here until {@link #restore()}. */
    static OutputCapture install() {
        OutputCapture capture = new OutputCapture();
        PrintStream sink = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(sink);
        System.setErr(sink);
        return capture;
    }

    /** The grader's own terminal: standard output as it was before capturing. */
    PrintStream terminal() {
        return originalOut;
    }

    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** Starts a fresh record (one per kata). */
    synchronized void reset() {
        kept = new byte[KEPT_BYTES];
        keptCount = 0;
        total = 0;
    }

    /** What was printed since {@link #reset()}. */
    synchronized Printed printed() {
        return new Printed(new String(kept, 0, keptCount, StandardCharsets.UTF_8), total);
    }

    /**
     * What specs printed.
     *
     * @param head the first bytes, as text
     * @param bytes how many bytes were printed in all
     */
    record Printed(String head, long bytes) {

        static final Printed NOTHING = new Printed("", 0);

        /** The head, and a line saying how much more was dropped. */
        String text() {
            long dropped = bytes - head.getBytes(StandardCharsets.UTF_8).length;
            return dropped > 0 ? head + "\n... and " + Units.bytes(dropped) + " more (not kept)" : head;
        }
    }



    @Override
    public synchronized void write(int b) {
        if (keptCount < kept.length) {
            kept[keptCount++] = (byte) b;
        }
        total++;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.min(length, kept.length - keptCount);
        if (room > 0) {
            System.arraycopy(bytes, offset, kept, keptCount, room);
            keptCount += room;
        }
        total += length;
    }
}
