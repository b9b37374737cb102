package org.foresight.examples.cli;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a user's classes named on the command line ({@code class:NAME}) from the jar's own classpath plus
 * {@code --classpath PATH[:PATH...]} and the environment variable {@code FORESIGHT_CLASSPATH} (jars or class
 * folders, separated by the platform's path separator). The launcher runs {@code java -jar}, which ignores
 * {@code -cp}, so the extra entries get their own class loader whose parent is the CLI's.
 */
public final class UserClasses {
    /** The environment variable read in addition to {@code --classpath}. */
    public static final String ENV = "FORESIGHT_CLASSPATH";

    private final List<Path> entries;
    private ClassLoader loader;

    /**
     * @param classpath the {@code --classpath} value, or null.
     * @param env       the {@code FORESIGHT_CLASSPATH} value, or null.
     * @throws IllegalArgumentException naming the option (or variable) and a missing entry.
     */
    public UserClasses(String classpath, String env) {
        this.entries = new ArrayList<>();
        add("--classpath", classpath);
        add(ENV, env);
    }

    /** @return the classes of {@code --classpath} and {@code FORESIGHT_CLASSPATH} of this process. */
    static UserClasses of(String classpath) {
        return new UserClasses(classpath, System.getenv(ENV));
    }

    private void add(String option, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        for (String part : value.split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            Path p = Path.of(part);
            if (!Files.exists(p)) {
                throw new IllegalArgumentException(option + " " + value + ": '" + part + "' does not exist");
            }
            if (!Files.isDirectory(p) && !part.endsWith(".jar")) {
                throw new IllegalArgumentException(option + " " + value + ": '" + part
                        + "' is neither a folder of classes nor a .jar");
            }
            entries.add(p.toAbsolutePath());
        }
    }

    /** The extra classpath entries, absolute. */
    public List<Path> entries() {
        return List.copyOf(entries);
    }

    /** @return the loader that sees the CLI's classes and the extra entries. */
    public synchronized ClassLoader loader() {
        if (loader == null) {
            ClassLoader parent = UserClasses.class.getClassLoader();
            if (entries.isEmpty()) {
                loader = parent;
            } else {
                URL[] urls = new URL[entries.size()];
                for (int i = 0; i < urls.length; i++) {
                    try {
                        urls[i] = entries.get(i).toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalArgumentException("--classpath: bad entry " + entries.get(i) + ": " + e.getMessage());
                    }
                }
                loader = new URLClassLoader("foresight-user", urls, parent);
            }
        }
        return loader;
    }

    /**
     * Creates an instance of a user's class through its public no-argument constructor.
     *
     * @param option the option that named it, for messages (e.g. "--plant class:my.Robot").
     * @param name   the fully qualified class name.
     * @param type   the type it must implement.
     * @param <T>    that type.
     * @return the instance.
     * @throws IllegalArgumentException one line naming the option and the reason: not found, not a
     *                                  {@code type}, no public no-argument constructor, abstract, or the
     *                                  constructor threw.
     */
    public <T> T instantiate(String option, String name, Class<T> type) {
        Class<?> c;
        try {
            c = Class.forName(name, true, loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(option + ": class " + name + " is not on the classpath"
                    + (entries.isEmpty() ? " (add its folder or jar with --classpath or " + ENV + ")"
                    : " (searched the CLI and " + entries + ")"));
        } catch (ExceptionInInitializerError e) {
            throw new IllegalArgumentException(option + ": the static initialiser of " + name + " threw "
                    + e.getCause());
        } catch (LinkageError e) {
            throw new IllegalArgumentException(option + ": class " + name + " cannot be loaded: " + e);
        }
        if (!type.isAssignableFrom(c)) {
            throw new IllegalArgumentException(option + ": " + name + " does not implement " + type.getName());
        }
        try {
            return type.cast(c.getConstructor().newInstance());
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(option + ": " + name + " has no public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(option + ": the constructor of " + name + " threw " + e.getCause());
        } catch (InstantiationException e) {
            throw new IllegalArgumentException(option + ": " + name + " is abstract or an interface");
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(option + ": " + name + " is not public");
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalArgumentException(option + ": creating " + name + " failed: " + e);
        }
    }
}
