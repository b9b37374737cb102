package org.foresight.viz;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Callable;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit once, from any thread, without an {@code Application} subclass (so the
 * viewer also runs from a fat jar on the plain classpath), and runs code on the FX thread.
 */
public final class FxPlatform {
    private static final Object LOCK = new Object();
    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" when it
     * runs from the classpath, which is how the fat jar runs it (and works); kept quiet. Held strongly so
     * the level sticks.
     */
    private static final java.util.logging.Logger FX_LOG = java.util.logging.Logger.getLogger("javafx");
    private static boolean started;

    private FxPlatform() {
    }

    /**
     * Whether a window can be shown: on Linux and other X11 systems, DISPLAY (or WAYLAND_DISPLAY) is set,
     * or a Monocle platform was chosen; on Windows and macOS always.
     *
     * @return true when a window can be opened.
     */
    public static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return true;
        }
        return nonEmpty(System.getenv("DISPLAY")) || nonEmpty(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * Starts the toolkit if it is not running; windows closing does not stop it (the caller decides when
     * the program ends). Asks for the software pipeline unless {@code prism.order} is set, since virtual
     * displays (Xvfb) and remote sessions have no usable GPU.
     *
     * @throws IllegalStateException with a one-line reason when there is no display or the toolkit fails.
     */
    public static void start() {
        synchronized (LOCK) {
            if (started) {
                return;
            }
            if (!displayAvailable()) {
                throw new IllegalStateException("no display (DISPLAY is not set): use --png FILE to write a frame instead");
            }
            if (System.getProperty("prism.order") == null) {
                System.setProperty("prism.order", "sw");
            }
            if (FX_LOG.getLevel() == null) {
                FX_LOG.setLevel(java.util.logging.Level.SEVERE);
            }
            CountDownLatch ready = new CountDownLatch(1);
            try {
                Platform.startup(ready::countDown);
            } catch (IllegalStateException alreadyRunning) {
                ready.countDown();
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                throw new IllegalStateException("cannot start JavaFX: " + e.getMessage(), e);
            }
            try {
                if (!ready.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("JavaFX did not start within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting JavaFX", e);
            }
            Platform.setImplicitExit(false);
            started = true;
        }
    }

    /**
     * Runs code on the FX thread and waits for its result (runs it directly when called on the FX thread).
     *
     * @param task the code.
     * @param <T>  result type.
     * @return the result.
     * @throws IllegalStateException when the code throws (cause attached) or the wait is interrupted.
     */
    public static <T> T call(Callable<T> task) {
        if (Platform.isFxApplicationThread()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        FutureTask<T> f = new FutureTask<>(task);
        Platform.runLater(f);
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the JavaFX thread", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(String.valueOf(c.getMessage()), c);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the JavaFX thread did not answer within 60 s", e);
        }
    }
}
