package grader.engine;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources in-process with javac, and while it is at it, reads the syntax trees for what a
 * grade cannot allow (each is refused with the file, the line and the reason):
 * <ul>
 *   <li>in any source, calls that would end the grader's own JVM ({@code System.exit},
 *       {@code Runtime.exit}, {@code Runtime.halt}): the compiler resolves every call, so a static
 *       import, a method reference or a call on {@code Runtime.getRuntime()} is caught as surely as
 *       a plain one;</li>
 *   <li>in the learner's sources, any use of the specs' toolkit {@code kata.support.testing}
 *       (through an import, a qualified name or a static import alike);</li>
 *   <li>in the learner's sources, calls to the support methods a kata declares off limits because
 *       they already do what the kata asks the learner to write (kata 12's blocked matmul may not
 *       hand its work to {@code Matrices.matmul});</li>
 *   <li>in the learner's sources, a package declaration that would put a class among the support
 *       code ({@code kata.support} and below) or in a package the specs or the support code use,
 *       other than the specs' own: such a class could stand in for the real one.</li>
 * </ul>
 */
final class JavaCompilation {

    private static final Set<String> FORBIDDEN_CALLS = Set.of(
            "java.lang.System#exit", "java.lang.Runtime#exit", "java.lang.Runtime#halt");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.*]+)\\s*;", Pattern.MULTILINE);

    static final String SUPPORT_PACKAGE = "kata.support";
    static final String TOOLKIT_PACKAGE = "kata.support.testing";

    /**
     * What javac said, and what the scan found.
     *
     * @param errors the error diagnostics, each {@code path:line: message}
     * @param refusals what the grade cannot allow, each {@code path:line: what, and why}
     */
    record Outcome(List<String> errors, List<String> refusals) {
        boolean compiled() {
            return errors.isEmpty();
        }
    }

    private JavaCompilation() {
    }

    /**
     * Compiles {@code sources} into {@code output}.
     *
     * @param learnerFiles which of the sources are the learner's (none for the support code)
     * @param reserved packages the learner's sources may not declare, on top of the support
     *     code's and of those the other sources import
     * @param offLimits methods the learner's sources may not call, as {@code kata.support.Matrices#matmul}
     * @param describe turns a source path into the text a learner sees in a diagnostic
     */
    static Outcome compile(Collection<Path> sources, Collection<Path> learnerFiles, Set<String> reserved,
                           Set<String> offLimits, List<Path> classPath, Path output, Function<Path, String> describe) {
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
            Scan scan = new Scan(task, learnerFiles.stream().map(JavaCompilation::normal).collect(Collectors.toSet()),
                    offLimits, describe);
            task.addTaskListener(scan);
            task.call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> CompileErrors.format(d, describe))
                    .toList();
            return new Outcome(errors, scan.refusals(reserved));
        } catch (IOException e) {
            throw new IllegalStateException("javac could not read or write files: " + e.getMessage(), e);
        }
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** The package part of an import: its leading names that start in lower case. */
    static String packageOf(String imported) {
        List<String> names = new ArrayList<>();
        for (String name : imported.split("\\.")) {
            if (name.equals("*") || name.isEmpty() || !Character.isLowerCase(name.charAt(0))) {
                break;
            }
            names.add(name);
        }
        return String.join(".", names);
    }

    /** The packages the files import from, read from their import lines (unreadable files import nothing). */
    static Set<String> importedPackages(Collection<Path> files) {
        Set<String> packages = new TreeSet<>();
        for (Path file : files) {
            try {
                Matcher imported = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (imported.find()) {
                    packages.add(packageOf(imported.group(1)));
                }
            } catch (IOException e) {
                // the compiler reports an unreadable file
            }
        }
        return packages;
    }

    private static boolean within(String name, String root) {
        return name.equals(root) || name.startsWith(root + ".");
    }

    /** Collects the refusals while javac parses and attributes each file. */
    private static final class Scan implements TaskListener {
        private final Trees trees;
        private final Elements elements;
        private final Set<Path> learnerFiles;
        private final Set<String> offLimits;
        private final Function<Path, String> describe;
        private final List<String> found = new ArrayList<>();
        private final Map<String, String> learnerPackages = new LinkedHashMap<>();
        private final Set<String> otherDeclared = new TreeSet<>();
        private final Set<String> otherImported = new TreeSet<>();

        Scan(JavacTask task, Set<Path> learnerFiles, Set<String> offLimits, Function<Path, String> describe) {
            this.trees = Trees.instance(task);
            this.elements = task.getElements();
            this.learnerFiles = learnerFiles;
            this.offLimits = offLimits;
            this.describe = describe;
        }

        List<String> refusals(Set<String> reserved) {
            Set<String> taken = new TreeSet<>(reserved);
            taken.addAll(otherImported);
            taken.removeAll(otherDeclared);
            List<String> refusals = new ArrayList<>();
            learnerPackages.forEach((where, name) -> {
                if (within(name, SUPPORT_PACKAGE)) {
                    refusals.add(where + ": declares package " + name + ", which belongs to the support code: "
                            + "a solution may not replace it; keep your classes in the kata's package");
                } else if (taken.contains(name)) {
                    refusals.add(where + ": declares package " + name + ", which the specs or the support code use: "
                            + "a class there could stand in for theirs; keep your classes in the kata's package");
                }
            });
            refusals.addAll(found);
            return List.copyOf(refusals);
        }

        @Override
        public void finished(TaskEvent event) {
            if (event.getKind() == TaskEvent.Kind.PARSE && event.getCompilationUnit() != null) {
                readPackages(event.getCompilationUnit());
            }
            if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
                return;
            }
            var path = trees.getPath(event.getTypeElement());
            if (path == null) {
                return;
            }
            boolean learner = isLearner(path.getCompilationUnit());
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                    checkCall(trees.getElement(getCurrentPath()));
                    return super.visitMethodInvocation(call, unused);
                }

                @Override
                public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
                    checkCall(trees.getElement(getCurrentPath()));
                    checkToolkit(trees.getElement(getCurrentPath()));
                    return super.visitMemberReference(reference, unused);
                }

                @Override
                public Void visitIdentifier(IdentifierTree identifier, Void unused) {
                    checkToolkit(trees.getElement(getCurrentPath()));
                    return super.visitIdentifier(identifier, unused);
                }

                @Override
                public Void visitMemberSelect(MemberSelectTree select, Void unused) {
                    checkToolkit(trees.getElement(getCurrentPath()));
                    return super.visitMemberSelect(select, unused);
                }

                private void checkCall(Element called) {
                    if (called == null || called.getKind() != ElementKind.METHOD
                            || !(called.getEnclosingElement() instanceof TypeElement owner)) {
                        return;
                    }
                    String name = owner.getQualifiedName() + "#" + called.getSimpleName();
                    String where = where(getCurrentPath().getCompilationUnit(), getCurrentPath().getLeaf())
                            + ": calls " + owner.getSimpleName() + "." + called.getSimpleName();
                    if (FORBIDDEN_CALLS.contains(name)) {
                        found.add(where + ", which would end the grader: throw an exception instead");
                    } else if (learner && offLimits.contains(name)) {
                        found.add(where + ", which already does what this kata asks you to write: "
                                + "write it yourself (the support code offers it to the later katas)");
                    }
                }

                private void checkToolkit(Element used) {
                    if (!learner || used == null) {
                        return;
                    }
                    PackageElement owner = elements.getPackageOf(used);
                    if (owner != null && within(owner.getQualifiedName().toString(), TOOLKIT_PACKAGE)) {
                        found.add(toolkitUse(getCurrentPath().getCompilationUnit(), getCurrentPath().getLeaf(), used));
                    }
                }
            }.scan(path, null);
        }

        private void readPackages(CompilationUnitTree unit) {
            String declared = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
            if (isLearner(unit)) {
                learnerPackages.put(where(unit, unit.getPackage() == null ? unit : unit.getPackage()), declared);
                for (ImportTree imported : unit.getImports()) {
                    String name = imported.getQualifiedIdentifier().toString();
                    if (within(packageOf(name), TOOLKIT_PACKAGE)) {
                        found.add(where(unit, imported) + ": imports " + name + ", " + TOOLKIT_REASON);
                    }
                }
                return;
            }
            otherDeclared.add(declared);
            for (ImportTree imported : unit.getImports()) {
                otherImported.add(packageOf(imported.getQualifiedIdentifier().toString()));
            }
        }

        private static final String TOOLKIT_REASON = "the specs' own toolkit: a solution uses only the JDK "
                + "and kata.support, and writes its walks and checks itself";

        private String toolkitUse(CompilationUnitTree unit, Tree leaf, Element used) {
            String name = used instanceof TypeElement type ? type.getQualifiedName().toString()
                    : used.getKind() == ElementKind.PACKAGE ? used.toString()
                    : used.getEnclosingElement() + "." + used.getSimpleName();
            return where(unit, leaf) + ": uses " + name + ", " + TOOLKIT_REASON;
        }

        private boolean isLearner(CompilationUnitTree unit) {
            return learnerFiles.contains(normal(Path.of(unit.getSourceFile().toUri())));
        }

        private String where(CompilationUnitTree unit, Tree leaf) {
            long line = unit.getLineMap() == null ? 1
                    : unit.getLineMap().getLineNumber(trees.getSourcePositions().getStartPosition(unit, leaf));
            return describe.apply(Path.of(unit.getSourceFile().toUri())) + ":" + line;
        }
    }
}
