package grader.modes;

/** One thing the grader can do; returns the exit status. */
public interface Mode {
    int run();
}
