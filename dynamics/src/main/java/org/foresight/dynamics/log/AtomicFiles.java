package org.foresight.dynamics.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a crash never leaves a truncated file that looks whole: content goes to a
 * temporary file in the same directory, which is then renamed over the target in one atomic step.
 */
public final class AtomicFiles {
    private static final java.util.concurrent.atomic.AtomicLong TEMP_COUNTER = new java.util.concurrent.atomic.AtomicLong();
    private AtomicFiles() {
    }

    /** Something that writes a file's whole content. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where to write. Owned by the caller (do not close).
         * @throws IOException on write failure.
         */
        void writeTo(Writer out) throws IOException;
    }

    /** Something that writes a file's whole content as bytes. */
    @FunctionalInterface
    public interface BinaryContent {
        /**
         * @param out where to write. Owned by the caller (do not close).
         * @throws IOException on write failure.
         */
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * Writes UTF-8 text to {@code target} atomically, creating parent directories.
     *
     * @param target  the final file.
     * @param content writes the text.
     * @throws UncheckedIOException naming the file on failure; the target is then unchanged.
     */
    public static void writeText(Path target, Content content) {
        writeBytes(target, out -> {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(w);
            w.flush();
        });
    }

    /**
     * Writes bytes to {@code target} atomically, creating parent directories.
     *
     * @param target  the final file.
     * @param content writes the bytes.
     * @throws UncheckedIOException naming the file on failure; the target is then unchanged.
     */
    public static void writeBytes(Path target, BinaryContent content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // A new file (not createTempFile, whose 0600 mode would survive the rename): the same mode as every
            // other file the process writes.
            tmp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + TEMP_COUNTER.incrementAndGet() + ".tmp");
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file has a dot name and a .tmp suffix
                }
            }
        }
    }

    /**
     * A readable reason for a file-system failure (Java's messages for these are often only the path).
     *
     * @param e the exception.
     * @return e.g. "permission denied on /x", "/x exists and is a file".
     */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " exists and is a file";
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + " does not exist";
        }
        if (e instanceof java.nio.file.NotDirectoryException n) {
            return n.getFile() + " is not a directory";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return (f.getFile() == null ? "" : f.getFile() + ": ")
                    + (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
