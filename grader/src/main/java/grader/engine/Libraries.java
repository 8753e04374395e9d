package grader.engine;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The libraries kata code is compiled against: JUnit's API, AssertJ and QuickTheories, found where
 * the grader itself loaded them from. (Under {@code exec:java} the class path property names
 * Maven's launcher, not these jars, so the grader asks the classes.)
 */
final class Libraries {

    private static final String[] MARKERS = {
        "org.junit.jupiter.api.Test",
        "org.junit.platform.commons.annotation.Testable",
        "org.opentest4j.AssertionFailedError",
        "org.apiguardian.api.API",
        "org.assertj.core.api.Assertions",
        "org.quicktheories.QuickTheory",
    };

    private Libraries() {
    }

    /** Classes every spec run needs, loaded and initialized ahead of the first run. */
    private static final String[] FIRST_USED = {
        "org.junit.jupiter.engine.JupiterTestEngine",
        "org.junit.platform.launcher.core.LauncherFactory",
        "org.assertj.core.api.Assertions",
        "org.assertj.core.api.AbstractDoubleAssert",
        "org.quicktheories.QuickTheory",
        "org.quicktheories.generators.SourceDSL",
    };

    /**
     * Loads the libraries' first-used classes on a background thread, so that the second core does
     * this while the first scans the repository and compiles; a grade of one kata is then shorter
     * by most of the libraries' start-up time.
     */
    static void warmUp() {
        Thread warmer = new Thread(() -> {
            for (String name : FIRST_USED) {
                try {
                    Class.forName(name, true, Libraries.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    return;
                }
            }
        }, "grader-warm-up");
        warmer.setDaemon(true);
        warmer.start();
    }

    static List<Path> forSpecs() {
        List<Path> paths = new ArrayList<>();
        for (String marker : MARKERS) {
            Path location = locate(marker);
            if (!paths.contains(location)) {
                paths.add(location);
            }
        }
        return paths;
    }

    /** Where the grader's own classes are (its {@code target/classes}, or its jar). */
    static Path own() {
        return locate(Libraries.class.getName());
    }

    private static Path locate(String className) {
        try {
            Class<?> type = Class.forName(className, false, Libraries.class.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                throw new IllegalStateException("cannot tell where " + className + " was loaded from");
            }
            return Path.of(source.getLocation().toURI());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the grader's class path lacks " + className, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the location of " + className, e);
        }
    }
}
