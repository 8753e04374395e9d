package grader.engine;

/**
 * Where learner code runs: daemon threads in thread groups of their own (one per kata run), outside
 * the group of the thread that started the grader. A thread a spec leaves running (or spinning
 * after a time-out) then neither keeps the JVM alive nor makes {@code exec:java} wait for it, and
 * what it prints is recorded for its kata.
 */
final class LearnerThreads {

    private static final ThreadGroup ALL = new ThreadGroup(topGroup(), "kata-specs");

    private LearnerThreads() {
    }

    /** A fresh group for one run of one kata's specs. */
    static ThreadGroup group(String name) {
        return new ThreadGroup(ALL, name);
    }

    static Thread start(ThreadGroup group, ClassLoader contextLoader, Runnable work) {
        Thread thread = new Thread(group, work, group.getName());
        thread.setDaemon(true);
        thread.setContextClassLoader(contextLoader);
        thread.start();
        return thread;
    }

    private static ThreadGroup topGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }
}
