package org.foresight.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.foresight.dynamics.log.AtomicFiles;

/**
 * Checks that outputs can be written before any work starts, so that a long fit or benchmark never fails at
 * its end on a bad path. Every failure is one line naming the option, the path and the reason.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Creates (if needed) a directory to write into.
     *
     * @param option the option that named it, e.g. "--out".
     * @param dir    the directory.
     * @return the directory.
     * @throws IllegalArgumentException naming the option, the path and the reason.
     */
    static Path directory(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + ": is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + dir + ": cannot create the directory: " + reason(e));
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException(option + " " + dir + ": the directory is not writable");
        }
        return dir;
    }

    /**
     * Checks that a file can be written: not a directory, its folder exists or can be created and is
     * writable. Creates the folder; does not create the file.
     *
     * @param option the option that named it, e.g. "--report".
     * @param file   the file.
     * @return the file.
     * @throws IllegalArgumentException naming the option, the path and the reason.
     */
    static Path file(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a directory, expected a file name");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalArgumentException(option + " " + file + ": the file exists and is not writable");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            if (Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new IllegalArgumentException(option + " " + file + ": " + parent + " is a file, not a directory");
            }
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new IllegalArgumentException(option + " " + file + ": cannot create its directory: " + reason(e));
            }
            if (!Files.isWritable(parent)) {
                throw new IllegalArgumentException(option + " " + file + ": the directory " + parent + " is not writable");
            }
        }
        return file;
    }

    /** @return {@link AtomicFiles#reason}: Java's messages for file-system failures are often only the path. */
    static String reason(IOException e) {
        return AtomicFiles.reason(e);
    }
}
