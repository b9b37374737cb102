package org.foresight.examples.custom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.foresight.dynamics.model.DynamicsModel;

/**
 * Compiles {@code examples/user-classes/my/*.java} as a user would, outside the build, with the JDK's
 * compiler against the CLI's classes, into a folder for {@code --classpath}.
 */
public final class UserClassCompiler {
    private UserClassCompiler() {
    }

    /** @return whether this JVM has a system Java compiler (a JDK, not a JRE). */
    public static boolean available() {
        return ToolProvider.getSystemJavaCompiler() != null;
    }

    /**
     * @param into the folder for the classes.
     * @throws Exception when a source is missing or does not compile (an assertion naming the diagnostics).
     */
    public static void compile(Path into) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path sourceDir = findSourceDir();
        List<Path> sources;
        try (Stream<Path> files = Files.list(sourceDir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        assertTrue(sources.size() >= 2, "expected the user classes in " + sourceDir + ", found " + sources);
        // The test classpath, plus where the dynamics classes really are (under Surefire the classpath may
        // be a manifest-only jar).
        String classpath = System.getProperty("java.class.path") + File.pathSeparator
                + Path.of(DynamicsModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-cp", classpath, "-d", into.toString(), "-proc:none", "-encoding", "UTF-8");
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(ok, () -> "user classes do not compile:\n" + diagnostics.getDiagnostics().stream()
                    .map(d -> d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n")));
        }
    }

    /** {@code user-classes/my} under the examples module, from Maven's basedir or the working directory. */
    private static Path findSourceDir() {
        List<Path> candidates = new ArrayList<>();
        String basedir = System.getProperty("basedir");
        if (basedir != null) {
            candidates.add(Path.of(basedir, "user-classes", "my"));
        }
        Path cwd = Path.of(System.getProperty("user.dir"));
        candidates.add(cwd.resolve("user-classes").resolve("my"));
        candidates.add(cwd.resolve("examples").resolve("user-classes").resolve("my"));
        for (Path p : candidates) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new AssertionError("user-classes/my not found; looked in " + candidates);
    }
}
