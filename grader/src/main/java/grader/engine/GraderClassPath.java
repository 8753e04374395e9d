package grader.engine;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** The class path of a JVM the grader starts: its own classes and libraries. */
public final class GraderClassPath {

    private GraderClassPath() {
    }

    /**
     * Where the grader's classes and libraries are: the URLs of the class loader that loaded the
     * grader under exec:java (where the class path property names Maven's launcher), else the
     * class path.
     */
    public static String get() {
        if (GraderClassPath.class.getClassLoader() instanceof URLClassLoader urls) {
            Set<String> entries = new LinkedHashSet<>();
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file: nothing a child JVM could load from
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
