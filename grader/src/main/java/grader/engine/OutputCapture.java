package grader.engine;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps what specs print off the grader's terminal. While grading, {@code System.out} and
 * {@code System.err} point here. Each kata's specs run in a thread group of their own, and what a
 * thread of that group prints (or a thread it started) goes to that kata's record: the first few
 * kilobytes are kept (the grader shows them for one kata, to help debugging), the rest is only
 * counted, so a spec that floods the output costs no memory and cannot scramble the table. Output
 * of any other thread is dropped.
 */
final class OutputCapture extends OutputStream {

    private static final int KEPT_BYTES = 4096;

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final Map<ThreadGroup, Record> records = new ConcurrentHashMap<>();

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

    /** Starts recording what the threads of {@code group} print. */
    void record(ThreadGroup group) {
        records.put(group, new Record());
    }

    /** What the threads of {@code group} printed since {@link #record}; recording stops. */
    Printed printed(ThreadGroup group) {
        Record record = records.remove(group);
        return record == null ? Printed.NOTHING : record.printed();
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        for (ThreadGroup group = Thread.currentThread().getThreadGroup(); group != null; group = group.getParent()) {
            Record record = records.get(group);
            if (record != null) {
                record.add(bytes, offset, length);
                return;
            }
        }
    }

    /** One kata's output: the head, and the count of everything. */
    private static final class Record {
        private final byte[] kept = new byte[KEPT_BYTES];
        private int keptCount;
        private long total;

        synchronized void add(byte[] bytes, int offset, int length) {
            int room = Math.min(length, kept.length - keptCount);
            if (room > 0) {
                System.arraycopy(bytes, offset, kept, keptCount, room);
                keptCount += room;
            }
            total += length;
        }

        synchronized Printed printed() {
            return new Printed(new String(kept, 0, keptCount, StandardCharsets.UTF_8), total);
        }
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
}
