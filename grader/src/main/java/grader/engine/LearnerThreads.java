package grader.engine;

/**
 * Where learner code runs: daemon threads in a thread group of their own, outside the group of the
 * thread that started the grader. A thread a spec leaves running (or spinning after a time-out)
 * then neither keeps the JVM alive nor makes {@code exec:java} wait for it.
 */
final class LearnerThreads {

    private static final ThreadGroup GROUP = new ThreadGroup(topGroup(), "kata-specs");

    private LearnerThreads() {
    }

    static Thread start(String name, ClassLoader contextLoader, Runnable work) {
        Thread thread = new Thread(GROUP, work, name);
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
