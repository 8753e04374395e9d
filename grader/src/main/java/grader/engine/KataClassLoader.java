package grader.engine;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a kata's classes (every {@code kata.*} class: support, the kata, its prerequisites) only from
 * the kata's own compiled folders, and everything else (JUnit, AssertJ, QuickTheories) from the
 * grader. One loader per kata keeps katas apart: no static state, no class of the same name from
 * another kata or from a solution elsewhere on the class path, can leak in.
 */
final class KataClassLoader extends URLClassLoader {

    private static final String OWN_CLASSES = "kata.";
    private static final String OWN_RESOURCES = "kata/";

    static {
        registerAsParallelCapable();
    }

    KataClassLoader(String name, List<Path> folders, ClassLoader parent) {
        super(name, urls(folders), parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(OWN_CLASSES)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        return name.startsWith(OWN_RESOURCES) ? findResource(name) : super.getResource(name);
    }

    private static URL[] urls(List<Path> folders) {
        List<URL> urls = new ArrayList<>();
        for (Path folder : folders) {
            try {
                urls.add(folder.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("cannot load classes from " + folder, e);
            }
        }
        return urls.toArray(URL[]::new);
    }
}
