package org.foresight.viz;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import org.foresight.dynamics.log.CycleRecord;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.World;

/**
 * The replay window fed live, cycle by cycle, while an episode runs ({@code navigate --show}).
 *
 * <pre>{@code
 * try (LiveView view = LiveView.open(world, Footprint.JACKAL, lidarConfig, "navigate barn:0")) {
 *     while (!sim.done()) {
 *         ... plan, sim.advance(cmd) ...
 *         CycleRecord r = ...;          // the same record given to RunLogWriter.cycle
 *         view.cycle(r);                // any thread; copies r; never blocks
 *     }
 *     view.finish(outcome.name());     // "run over: success — close the window to exit"
 *     if (closeWhenDone) {
 *         view.closeAfter(Duration.ofSeconds(2)); // optional: close by itself
 *     }
 *     view.awaitClosed();              // keep the window until it is closed
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@link #cycle} copies the record on the calling thread into a lock-free queue; the
 * JavaFX thread drains it at each pulse (about 60 Hz) and redraws. While the slider sits at the newest
 * cycle the view follows the run; scrubbing back stays put until the slider is moved to the end again.
 * When the run ends ({@link #finish}), a banner across the top of the map and the window title say that
 * the run is over, with its outcome. After the window is closed, {@link #cycle}, {@link #finish} and
 * {@link #closeAfter} do nothing. {@link #close} and {@link #closeAfter} may be called from any thread.
 */
public final class LiveView implements AutoCloseable {
    private final ConcurrentLinkedQueue<CycleSnapshot> queue = new ConcurrentLinkedQueue<>();
    private final AtomicReference<String> outcome = new AtomicReference<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ReplayWindow window;
    private final String title;
    private volatile boolean open = true;
    /** The outcome shown as ended, or null while running (FX thread only). */
    private String shownOutcome;
    /** Delay of a scheduled close [ms], or -1 (FX thread only). */
    private long closingMillis = -1;

    private LiveView(ReplayData data, String title) {
        this.title = title;
        this.window = ReplayLauncher.open(data, title, closed);
        FxPlatform.call(() -> {
            window.setPulseHook(this::drain);
            window.stage().addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> open = false);
            return null;
        });
    }

    /**
     * Opens a live window (starting JavaFX if needed) and returns at once.
     *
     * @param world     the world of the episode (grid, start, goal, guide path).
     * @param footprint the robot's footprint.
     * @param lidar     the lidar whose ranges the cycles carry, or null.
     * @param title     window title.
     * @return the view.
     * @throws IllegalStateException when no window can be opened (no display); check
     *                               {@link FxPlatform#displayAvailable()} first to fall back quietly.
     */
    public static LiveView open(World world, Footprint footprint, LidarConfig lidar, String title) {
        return new LiveView(ReplayData.live(world, footprint, lidar), title);
    }

    /**
     * Hands one cycle to the window. Copies the record (the caller may reuse its arrays), never blocks.
     *
     * @param record the cycle. Not modified.
     */
    public void cycle(CycleRecord record) {
        if (open) {
            queue.add(CycleSnapshot.of(record));
        }
    }

    /**
     * Marks the episode as ended: the outcome appears in the heads-up line, and a banner over the map and
     * the window title say "run over: success — close the window to exit" (or, after
     * {@link #closeAfter}, that the window is closing). Any thread; never blocks.
     *
     * @param result e.g. "SUCCESS", "COLLISION", "TIMEOUT".
     */
    public void finish(String result) {
        outcome.set(result);
    }

    /** Whether the window is still open. */
    public boolean isOpen() {
        return open;
    }

    /**
     * Waits until the user closes the window.
     *
     * @throws InterruptedException when interrupted.
     */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** The window (use on the JavaFX thread only). */
    public ReplayWindow window() {
        return window;
    }

    /**
     * Closes the window after a delay, e.g. once the run is over ({@code navigate --show
     * --close-when-done}); returns at once. Any thread. Cycles and the outcome handed over before the call
     * are still shown while the window stays open; {@link #awaitClosed} returns once it has closed.
     * Nothing happens when the window is already closed.
     *
     * @param delay how long the window stays open from now; zero or negative closes at once.
     */
    public void closeAfter(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (!open) {
            return;
        }
        long millis = Math.max(0, delay.toMillis());
        Platform.runLater(() -> {
            if (!open) {
                return;
            }
            drain();
            closingMillis = millis;
            showEnded();
            PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(Math.max(1, millis)));
            wait.setOnFinished(e -> close());
            wait.play();
        });
    }

    /** Closes the window (if still open). Any thread; returns at once. */
    @Override
    public void close() {
        if (open) {
            open = false;
            Platform.runLater(window::close);
        }
    }

    /** On the FX thread: moves queued cycles into the data. */
    private void drain() {
        ReplayData data = window.data();
        CycleSnapshot s;
        while ((s = queue.poll()) != null) {
            data.append(s);
        }
        String o = outcome.getAndSet(null);
        if (o != null) {
            data.setOutcome(o);
            shownOutcome = o;
            showEnded();
        }
    }

    /** On the FX thread: the banner and title of an ended run (nothing while it runs). */
    private void showEnded() {
        if (shownOutcome == null) {
            return;
        }
        String text = endedText(shownOutcome, closingMillis);
        window.setBanner(text, "SUCCESS".equalsIgnoreCase(shownOutcome));
        window.stage().setTitle(title + " \u2014 " + text);
    }

    /**
     * What the window says once the run is over.
     *
     * @param outcome       the outcome, e.g. "SUCCESS".
     * @param closingMillis delay of a scheduled close [ms], or negative when the user closes the window.
     * @return e.g. "run over: success — close the window to exit".
     */
    static String endedText(String outcome, long closingMillis) {
        String o = outcome.toLowerCase(Locale.ROOT);
        if (closingMillis < 0) {
            return "run over: " + o + " \u2014 close the window to exit";
        }
        return String.format(Locale.ROOT, "run over: %s \u2014 the window closes in %.0f s", o,
                Math.ceil(closingMillis / 1000.0));
    }
}
