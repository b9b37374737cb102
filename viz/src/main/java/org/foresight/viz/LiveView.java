package org.foresight.viz;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
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
 *     view.finish(outcome.name());     // shown in the heads-up line
 *     view.awaitClosed();              // optional: keep the window until the user closes it
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@link #cycle} copies the record on the calling thread into a lock-free queue; the
 * JavaFX thread drains it at each pulse (about 60 Hz) and redraws. While the slider sits at the newest
 * cycle the view follows the run; scrubbing back stays put until the slider is moved to the end again.
 * After the user closes the window, {@link #cycle} and {@link #finish} do nothing.
 */
public final class LiveView implements AutoCloseable {
    private final ConcurrentLinkedQueue<ReplayData.Snapshot> queue = new ConcurrentLinkedQueue<>();
    private final AtomicReference<String> outcome = new AtomicReference<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ReplayWindow window;
    private volatile boolean open = true;

    private LiveView(ReplayData data, String title) {
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
            queue.add(ReplayData.Snapshot.of(record));
        }
    }

    /**
     * Marks the episode as ended; the outcome appears in the heads-up line.
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

    /** Closes the window (if still open). */
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
        ReplayData.Snapshot s;
        while ((s = queue.poll()) != null) {
            data.append(s);
        }
        String o = outcome.getAndSet(null);
        if (o != null) {
            data.setOutcome(o);
        }
    }
}
