package grader.engine;

import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources in-process with javac, and while it is at it, finds calls that would end the
 * grader's own JVM ({@code System.exit}, {@code Runtime.exit}, {@code Runtime.halt}): the compiler
 * resolves every call, so a static import, a method reference or a call on
 * {@code Runtime.getRuntime()} is caught as surely as a plain one.
 */
final class JavaCompilation {

    private static final Set<String> FORBIDDEN = Set.of(
            "java.lang.System#exit", "java.lang.Runtime#exit", "java.lang.Runtime#halt");

    /**
     * What javac said.
     *
     * @param errors the error diagnostics, each {@code path:line: message}
     * @param forbiddenCalls each {@code path:line: calls System.exit}
     */
    record Outcome(List<String> errors, List<String> forbiddenCalls) {
        boolean compiled() {
            return errors.isEmpty();
        }
    }

    private JavaCompilation() {
    }

    /**
     * Compiles {@code sources} into {@code output}.
     *
     * @param describe turns a source path into the text a learner sees in a diagnostic
     */
    static Outcome compile(Collection<Path> sources, List<Path> classPath, Path output,
                           Function<Path, String> describe) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: run the grader on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "--release", "17", "-encoding", "UTF-8", "-proc:none", "-implicit:none",
                    "-nowarn", "-Xlint:none", "-g",
                    "-d", output.toString(),
                    "-cp", classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            JavacTask task = (JavacTask) javac.getTask(new StringWriter(), files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            List<String> forbidden = new ArrayList<>();
            task.addTaskListener(new ForbiddenCallFinder(task, describe, forbidden));
            task.call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> CompileErrors.format(d, describe))
                    .toList();
            return new Outcome(errors, List.copyOf(forbidden));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("javac could not read or write files: " + e.getMessage(), e);
        }
    }

    /** After javac has attributed each class, looks for calls that end the JVM. */
    private static final class ForbiddenCallFinder implements TaskListener {
        private final Trees trees;
        private final Function<Path, String> describe;
        private final List<String> found;

        ForbiddenCallFinder(JavacTask task, Function<Path, String> describe, List<String> found) {
            this.trees = Trees.instance(task);
            this.describe = describe;
            this.found = found;
        }

        @Override
        public void finished(TaskEvent event) {
            if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
                return;
            }
            var path = trees.getPath(event.getTypeElement());
            if (path == null) {
                return;
            }
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                    check(trees.getElement(getCurrentPath()));
                    return super.visitMethodInvocation(call, unused);
                }

                @Override
                public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
                    check(trees.getElement(getCurrentPath()));
                    return super.visitMemberReference(reference, unused);
                }

                private void check(Element called) {
                    if (called == null || called.getKind() != ElementKind.METHOD
                            || !(called.getEnclosingElement() instanceof TypeElement owner)) {
                        return;
                    }
                    String name = owner.getQualifiedName() + "#" + called.getSimpleName();
                    if (FORBIDDEN.contains(name)) {
                        var unit = getCurrentPath().getCompilationUnit();
                        long line = unit.getLineMap().getLineNumber(
                                trees.getSourcePositions().getStartPosition(unit, getCurrentPath().getLeaf()));
                        found.add(describe.apply(Path.of(unit.getSourceFile().toUri())) + ":" + line
                                + ": calls " + owner.getSimpleName() + "." + called.getSimpleName());
                    }
                }
            }.scan(path, null);
        }
    }
}
