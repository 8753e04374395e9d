package grader.engine;

import grader.course.SpecResult;
import grader.course.SpecResult.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one kata's specs through the JUnit Platform Launcher, on a learner thread, and turns the
 * events into one {@link SpecResult} per spec method in teaching order. A spec method is the unit:
 * a parameterized spec passes only when every one of its cases passes.
 *
 * <p>Whatever the specs do, the run ends: a spec that loops is failed by JUnit's per-spec time limit
 * (on a separate thread, so a busy loop is caught too) and the rest of the kata is then skipped,
 * because the looping thread would hold up every later spec; a kata that runs past its total budget
 * is abandoned; an error that escapes JUnit (out of memory) fails the spec that was running.
 */
final class SpecRun {

    /** The specs and, when the run was cut short, why. */
    record Result(List<SpecResult> specs, String note) {
    }

    /** A result and what the specs printed. */
    record Report(Result result, OutputCapture.Printed printed) {
    }

    /**
     * What becomes of a spec's thread after its time-out: in the grader's JVM it still runs (a
     * thread cannot be stopped); a JVM of its own ({@link ForkedSpecRun}) is ended with it.
     */
    static volatile String afterTimeOut = "and its thread still runs";

    private final Settings settings;
    private final OutputCapture output;
    private final Map<String, Progress> running = new java.util.concurrent.ConcurrentSkipListMap<>();

    SpecRun(Settings settings, OutputCapture output) {
        this.settings = settings;
        this.output = output;
    }

    Report run(ClassLoader loader, Set<String> specClasses, String kataId) {
        Progress progress = new Progress(settings.specTimeoutSeconds());
        running.put(kataId, progress);
        ThreadGroup group = LearnerThreads.group("kata-" + kataId + "-specs");
        output.record(group);
        LearnerThreads.start(group, loader, () -> {
            try {
                Launcher launcher = launcher();
                TestPlan plan = launcher.discover(request(loader, specClasses));
                progress.planned(plan);
                launcher.execute(plan, progress);
            } catch (Throwable escaped) {
                progress.escaped(escaped);
            } finally {
                progress.finish(null);
            }
        });
        try {
            if (!progress.ended.await(settings.kataTimeoutSeconds(), TimeUnit.SECONDS)) {
                progress.finish("the kata did not finish within " + settings.kataTimeoutSeconds() + " s in total");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.finish("grading was interrupted");
        } finally {
            running.remove(kataId);
        }
        return new Report(progress.result(), output.printed(group));
    }

    /** The katas whose specs are running now, each with how many of its specs have finished: {@code 01 12/34}. */
    String live() {
        StringBuilder text = new StringBuilder();
        running.forEach((kata, progress) -> text.append(text.length() == 0 ? "" : ", ").append(kata).append(' ')
                .append(progress.finished()));
        return text.toString();
    }

    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build());
    }

    private LauncherDiscoveryRequest request(ClassLoader loader, Set<String> specClasses) throws ClassNotFoundException {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                .configurationParameter("junit.jupiter.execution.timeout.default", settings.specTimeoutSeconds() + " s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
        for (String name : specClasses) {
            request.selectors(DiscoverySelectors.selectClass(Class.forName(name, false, loader)));
        }
        return request.build();
    }

    /** Collects the events of one run; read by the grading thread once the run has ended. */
    private static final class Progress implements TestExecutionListener {
        private final long specTimeoutSeconds;
        private final CountDownLatch ended = new CountDownLatch(1);
        private final Map<String, Unit> units = new LinkedHashMap<>();
        private TestPlan plan;
        private Unit running;
        private String stopReason;
        private boolean closed;

        Progress(long specTimeoutSeconds) {
            this.specTimeoutSeconds = specTimeoutSeconds;
        }

        /** {@code 12/34}: specs finished of the specs planned ({@code starting} before they are found). */
        synchronized String finished() {
            return units.isEmpty() ? "starting"
                    : units.values().stream().filter(unit -> unit.outcome != null).count() + "/" + units.size();
        }

        synchronized void planned(TestPlan testPlan) {
            plan = testPlan;
            testPlan.getRoots().forEach(this::collect);
        }

        private void collect(TestIdentifier identifier) {
            if (identifier.getSource().orElse(null) instanceof MethodSource method) {
                units.put(identifier.getUniqueId(), new Unit(identifier, method, tags(identifier)));
                return;
            }
            plan.getChildren(identifier).forEach(this::collect);
        }

        private Set<String> tags(TestIdentifier identifier) {
            Set<String> tags = new TreeSet<>();
            for (TestIdentifier at = identifier; at != null; at = plan.getParent(at).orElse(null)) {
                at.getTags().forEach(tag -> tags.add(tag.getName()));
            }
            return tags;
        }

        @Override
        public synchronized void executionStarted(TestIdentifier identifier) {
            Unit unit = units.get(identifier.getUniqueId());
            if (!closed && unit != null) {
                unit.startNanos = System.nanoTime();
                running = unit;
            }
        }

        @Override
        public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
            if (!closed) {
                unitsUnder(identifier).forEach(unit -> unit.end(Outcome.NOT_RUN, "skipped: " + reason));
            }
        }

        @Override
        public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            if (closed) {
                return;
            }
            Optional<Throwable> thrown = result.getThrowable();
            String message = thrown.map(t -> Reasons.explain(t, specTimeoutSeconds))
                    .orElse(result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "" : "aborted");
            Unit own = units.get(identifier.getUniqueId());
            Unit owner = own != null ? own : ownerOf(identifier);
            if (own != null) {
                own.end(result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? Outcome.PASSED : Outcome.FAILED, message);
            } else if (owner != null) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    owner.fail(identifier.getDisplayName() + ": " + message);
                }
            } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                unitsUnder(identifier).forEach(unit -> unit.end(Outcome.FAILED, message));
            }
            if (thrown.isPresent() && Reasons.isTimeout(thrown.get())) {
                Unit timedOut = owner != null ? owner : running;
                stop("not run: " + (timedOut == null ? "a spec" : timedOut.describe())
                        + " did not finish within " + specTimeoutSeconds + " s, " + afterTimeOut);
            }
        }

        synchronized void escaped(Throwable escaped) {
            if (closed) {
                return;
            }
            String reason = Reasons.explain(escaped, specTimeoutSeconds);
            if (running != null && running.outcome == null) {
                running.end(Outcome.FAILED, reason);
                stop("not run: the run stopped after " + running.describe() + " " + brief(escaped));
            } else {
                stop("not run: the specs stopped: " + reason);
            }
        }

        private static String brief(Throwable escaped) {
            return escaped instanceof OutOfMemoryError ? "ran out of memory" : "threw " + escaped.getClass().getSimpleName();
        }

        /** Ends the run now: specs that have not finished are reported as not run, with {@code reason}. */
        synchronized void finish(String reason) {
            if (reason != null) {
                stop("not run: " + reason);
            }
            closed = true;
            ended.countDown();
        }

        private void stop(String reason) {
            if (stopReason == null) {
                stopReason = reason;
            }
            closed = true;
            ended.countDown();
        }

        synchronized Result result() {
            List<SpecResult> specs = new ArrayList<>();
            for (Unit unit : units.values()) {
                specs.add(unit.toResult(stopReason == null ? "not run" : stopReason));
            }
            return new Result(List.copyOf(specs), stopReason == null ? "" : stopReason.replaceFirst("^not run: ", ""));
        }

        private Unit ownerOf(TestIdentifier identifier) {
            for (TestIdentifier at = identifier; at != null; at = plan.getParent(at).orElse(null)) {
                Unit unit = units.get(at.getUniqueId());
                if (unit != null) {
                    return unit;
                }
            }
            return null;
        }

        private List<Unit> unitsUnder(TestIdentifier container) {
            List<Unit> under = new ArrayList<>();
            for (Unit unit : units.values()) {
                if (unit.outcome == null && isAncestor(container, unit.identifier)) {
                    under.add(unit);
                }
            }
            return under;
        }

        private boolean isAncestor(TestIdentifier ancestor, TestIdentifier identifier) {
            for (TestIdentifier at = identifier; at != null; at = plan.getParent(at).orElse(null)) {
                if (at.getUniqueId().equals(ancestor.getUniqueId())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One spec method while it runs. */
    private static final class Unit {
        private final TestIdentifier identifier;
        private final MethodSource method;
        private final Set<String> tags;
        private long startNanos;
        private long nanos;
        private Outcome outcome;
        private String message = "";

        Unit(TestIdentifier identifier, MethodSource method, Set<String> tags) {
            this.identifier = identifier;
            this.method = method;
            this.tags = tags;
        }

        void end(Outcome result, String why) {
            if (outcome == Outcome.FAILED) {
                return;
            }
            outcome = result;
            message = result == Outcome.PASSED ? "" : why;
            nanos = startNanos == 0 ? 0 : System.nanoTime() - startNanos;
        }

        void fail(String why) {
            if (outcome == null) {
                outcome = Outcome.FAILED;
                message = why;
            }
        }

        String describe() {
            return simpleClassName() + "#" + method.getMethodName();
        }

        private String simpleClassName() {
            String name = method.getClassName();
            return name.substring(name.lastIndexOf('.') + 1);
        }

        SpecResult toResult(String notRunReason) {
            Outcome finalOutcome = outcome == null ? Outcome.NOT_RUN : outcome;
            String why = outcome == null ? notRunReason : message;
            return new SpecResult(simpleClassName(), method.getMethodName(), identifier.getDisplayName(),
                    finalOutcome, why, Duration.ofNanos(nanos), tags);
        }
    }
}
