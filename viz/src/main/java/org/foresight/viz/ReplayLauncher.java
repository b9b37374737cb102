package org.foresight.viz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.foresight.dynamics.log.LogFormatException;
import org.foresight.dynamics.log.RunFiles;
import org.foresight.dynamics.log.RunLog;

/**
 * Opens the replay window for a run directory. Deliberately not a {@code javafx.application.Application}:
 * it starts the toolkit itself ({@link FxPlatform}), so it works from the fat jar on the plain classpath.
 *
 * <p>{@code java -cp foresight.jar org.foresight.viz.ReplayLauncher RUNDIR} (the CLI's {@code replay}
 * command does the same).
 */
public final class ReplayLauncher {
    private ReplayLauncher() {
    }

    /**
     * Reads a run and shows it in a window; returns when the window is closed.
     *
     * @param runDir the run directory.
     * @throws LogFormatException    naming the file when the run is missing or malformed.
     * @throws IllegalStateException when no window can be opened (no display).
     */
    public static void replay(Path runDir) {
        CountDownLatch closed = new CountDownLatch(1);
        openRun(runDir, closed);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads a run and opens its window without waiting for it to close. Starts the toolkit while the
     * run is read (both take a good part of a second for big runs); the cheap checks come first, so a
     * missing run does not start JavaFX at all.
     *
     * @param runDir the run directory.
     * @param closed counted down when the window is closed (may be null).
     * @return the window (use on the JavaFX thread only).
     * @throws LogFormatException    naming the file when the run is missing or malformed.
     * @throws IllegalStateException when no window can be opened (no display).
     */
    public static ReplayWindow openRun(Path runDir, CountDownLatch closed) {
        if (!Files.isDirectory(runDir) || !Files.isRegularFile(runDir.resolve(RunFiles.RESULT))) {
            RunLog.read(runDir); // throws the one-line error
        }
        CompletableFuture<Void> fx = FxPlatform.displayAvailable()
                ? CompletableFuture.runAsync(FxPlatform::start) : CompletableFuture.completedFuture(null);
        RunLog log;
        try {
            log = RunLog.read(runDir);
        } catch (RuntimeException e) {
            fx.thenRun(Platform::exit);
            throw e;
        }
        try {
            fx.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return open(ReplayData.of(log), "Foresight replay \u2014 " + runDir.toAbsolutePath().normalize().getFileName()
                + " (" + log.worldName + ", " + log.outcome() + ")", closed);
    }

    /**
     * Shows a run in a new window and waits until the user closes it.
     *
     * @param data  the run.
     * @param title window title.
     * @throws IllegalStateException when no window can be opened (no display).
     */
    public static void show(ReplayData data, String title) {
        CountDownLatch closed = new CountDownLatch(1);
        open(data, title, closed);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Opens a window on the FX thread without waiting for it to close.
     *
     * @param data   the run.
     * @param title  window title.
     * @param closed counted down when the window is closed (may be null).
     * @return the window.
     */
    static ReplayWindow open(ReplayData data, String title, CountDownLatch closed) {
        FxPlatform.start();
        return FxPlatform.call(() -> {
            ReplayWindow w = new ReplayWindow(data, new Stage(), title);
            if (closed != null) {
                w.stage().addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
            }
            w.show();
            return w;
        });
    }

    /**
     * Command-line entry: {@code ReplayLauncher RUNDIR}. Prints a one-line error and exits with 2 for a
     * missing or malformed run, 1 when there is no display.
     *
     * @param args the run directory.
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ReplayLauncher RUNDIR");
            System.exit(2);
        }
        try {
            replay(Path.of(args[0]));
        } catch (LogFormatException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }
}
