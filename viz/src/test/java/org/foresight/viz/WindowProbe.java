package org.foresight.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Screen;
import org.foresight.dynamics.log.CycleRecord;
import org.foresight.dynamics.world.Footprint;

/**
 * Runs in a child JVM on a real (or Xvfb) display for {@link ReplayWindowTest}: opens the replay window
 * on a run, drives it (step, speed, a real click on the timeline and real arrow keys, follow), then a
 * {@link LiveView} fed from another thread and finished, takes screenshots of the whole screen with the
 * JavaFX robot and writes them with a properties file telling where on the screen the robot and an
 * obstacle should be and what the window said.
 *
 * <p>{@code WindowProbe RUNDIR OUTDIR CYCLE OBSTACLE_X OBSTACLE_Y}
 */
public final class WindowProbe {
    /** Cycles fed to the live view. */
    static final int LIVE_CYCLES = 60;
    /** y of the live robot [m]. */
    static final double LIVE_Y = 2.5;
    /** The live window is asked to close this long after the run [ms]. */
    static final long CLOSE_AFTER_MILLIS = 600;

    private WindowProbe() {
    }

    /** x of the live robot at cycle c [m]. */
    static double liveX(int c) {
        return 1.0 + 0.05 * c;
    }

    /**
     * @param args run directory, output directory, cycle to show, obstacle point x [m] and y [m].
     * @throws Exception on any failure (the exit code tells the test).
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        long jvmMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        Path runDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int cycle = Integer.parseInt(args[2]);
        double obsX = Double.parseDouble(args[3]);
        double obsY = Double.parseDouble(args[4]);
        Files.createDirectories(out);
        Properties p = new Properties();
        try {
            ReplayWindow w = ReplayLauncher.openRun(runDir, new CountDownLatch(1));
            waitFor(() -> FxPlatform.call(() -> w.framesDrawn() > 0 && w.stage().isShowing()), 20_000);
            p.setProperty("openMillis", String.format(Locale.ROOT, "%.0f", (System.nanoTime() - t0) * 1e-6));
            p.setProperty("jvmStartMillis", Long.toString(jvmMillis));

            // 1: the whole world at a given cycle, after stepping there with the controls' methods
            FxPlatform.call(() -> {
                w.setCycle(cycle - 3);
                w.step(+5);
                w.step(-2);
                w.setSpeed(50.0);
                p.setProperty("speedClamped", Double.toString(w.speed()));
                w.setPlaying(true);
                p.setProperty("playing", Boolean.toString(w.isPlaying()));
                w.setPlaying(false);
                return null;
            });
            settle(w);
            FxPlatform.call(() -> {
                p.setProperty("cycle", Integer.toString(w.cycle()));
                record(p, "robot", w, w.data().x(w.cycle()), w.data().y(w.cycle()));
                record(p, "obstacle", w, obsX, obsY);
                return null;
            });
            capture(out.resolve("fit.png"), p, "fit");

            // 1b: a real click on the timeline (which focuses the slider), then real ←/→ keys
            Robot robot = FxPlatform.call(Robot::new);
            Point2D click = FxPlatform.call(() -> {
                Bounds b = w.timeline().localToScreen(w.timeline().getBoundsInLocal());
                return new Point2D(b.getMinX() + 0.25 * b.getWidth(), b.getCenterY());
            });
            int beforeClick = FxPlatform.call(w::cycle);
            FxPlatform.call(() -> {
                robot.mouseMove(click);
                robot.mouseClick(MouseButton.PRIMARY);
                return null;
            });
            waitFor(() -> FxPlatform.call(() -> w.cycle() != beforeClick), 10_000);
            Thread.sleep(300);
            int clicked = FxPlatform.call(() -> {
                p.setProperty("slider.cycle", Integer.toString(w.cycle()));
                p.setProperty("slider.label", w.timeText());
                p.setProperty("slider.expectedLabel", label(w));
                p.setProperty("slider.focused", Boolean.toString(w.timeline().isFocused()));
                return w.cycle();
            });
            key(robot, KeyCode.RIGHT);
            waitFor(() -> FxPlatform.call(() -> w.cycle() != clicked), 10_000);
            Thread.sleep(300);
            int right = FxPlatform.call(w::cycle);
            p.setProperty("key.right", Integer.toString(right - clicked));
            key(robot, KeyCode.LEFT);
            key(robot, KeyCode.LEFT);
            waitFor(() -> FxPlatform.call(() -> w.cycle() != right), 10_000);
            Thread.sleep(300);
            FxPlatform.call(() -> {
                p.setProperty("key.left", Integer.toString(w.cycle() - right));
                p.setProperty("key.label", w.timeText());
                p.setProperty("key.expectedLabel", label(w));
                p.setProperty("key.sliderValue", Double.toString(w.timeline().getValue()));
                p.setProperty("key.expectedSliderValue", Double.toString(w.data().time(w.cycle())));
                return null;
            });

            // 1c: M toggles "robot's map only" (and its checkbox) wherever the focus is, a second M turns it off
            key(robot, KeyCode.M);
            waitFor(() -> FxPlatform.call(w::robotMapOnly), 10_000);
            FxPlatform.call(() -> {
                p.setProperty("key.m", Boolean.toString(w.robotMapOnly()));
                return null;
            });
            key(robot, KeyCode.M);
            waitFor(() -> FxPlatform.call(() -> !w.robotMapOnly()), 10_000);

            // 2: follow the robot, zoomed in
            FxPlatform.call(() -> {
                w.viewport().setScale(w.viewport().scale() * 3);
                w.setFollow(true);
                return null;
            });
            settle(w);
            FxPlatform.call(() -> {
                MapArea a = w.mapArea();
                Point2D s = w.imageView().localToScreen(a.centerX(), a.centerY());
                p.setProperty("follow.centre.x", Double.toString(s.getX()));
                p.setProperty("follow.centre.y", Double.toString(s.getY()));
                return null;
            });
            capture(out.resolve("follow.png"), p, "follow");
            FxPlatform.call(() -> {
                w.close();
                return null;
            });

            // 3: the live view fed from another thread
            LiveView live = LiveView.open(SyntheticRun.world(), Footprint.JACKAL, null, "live");
            Thread producer = new Thread(() -> {
                double[] state = new double[5];
                for (int c = 0; c < LIVE_CYCLES; c++) {
                    state[0] = liveX(c);
                    state[1] = LIVE_Y;
                    state[3] = 1.0;
                    double[] plan = SyntheticRun.arc(state[0], state[1], 0.0, 0.0, 1.0, 10);
                    live.cycle(new CycleRecord(c, c * SyntheticRun.DT, state, new double[] {1.0, 0.0}, 1.0, "mppi",
                            "ok", plan, new double[][] {plan}, new double[] {1.0}, null, List.of()));
                    state[0] = Double.NaN; // the producer reuses its buffer: the view must have copied it
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                live.finish("SUCCESS");
            }, "producer");
            producer.start();
            producer.join();
            waitFor(() -> FxPlatform.call(() -> live.window().data().cycles() == LIVE_CYCLES
                    && "SUCCESS".equals(live.window().data().outcome())), 10_000);
            waitFor(() -> FxPlatform.call(() -> live.window().banner() != null), 10_000);
            settle(live.window());
            FxPlatform.call(() -> {
                ReplayWindow lw = live.window();
                p.setProperty("live.cycles", Integer.toString(lw.data().cycles()));
                p.setProperty("live.shown", Integer.toString(lw.cycle()));
                p.setProperty("live.banner", lw.banner());
                p.setProperty("live.title", lw.stage().getTitle());
                record(p, "live.robot", lw, liveX(LIVE_CYCLES - 1), LIVE_Y);
                MapArea a = lw.mapArea();
                Point2D s = lw.imageView().localToScreen(a.x() + 3, a.y() + 3);
                p.setProperty("live.banner.x", Double.toString(s.getX()));
                p.setProperty("live.banner.y", Double.toString(s.getY()));
                return null;
            });
            capture(out.resolve("live.png"), p, "live");

            // 4: the CLI's --close-when-done: close by itself, called from this (non-FX) thread
            long closeStart = System.nanoTime();
            live.closeAfter(Duration.ofMillis(CLOSE_AFTER_MILLIS));
            waitFor(() -> FxPlatform.call(() -> live.window().stage().getTitle().contains("closes")), 5_000);
            p.setProperty("live.closingTitle", FxPlatform.call(() -> live.window().stage().getTitle()));
            waitFor(() -> !live.isOpen() && !FxPlatform.call(() -> live.window().stage().isShowing()), 10_000);
            p.setProperty("live.closeMillis", String.format(Locale.ROOT, "%.0f", (System.nanoTime() - closeStart) * 1e-6));
            live.awaitClosed();
            live.close(); // a no-op now
            live.closeAfter(Duration.ZERO);
            p.setProperty("ok", "true");
        } catch (Throwable e) {
            p.setProperty("error", e.toString());
            throw e;
        } finally {
            try (Writer wr = Files.newBufferedWriter(out.resolve("probe.properties"))) {
                p.store(wr, "window probe");
            }
            Platform.exit();
        }
        System.exit(0);
    }

    /** What the time label should say for the cycle shown. */
    private static String label(ReplayWindow w) {
        return String.format(Locale.ROOT, "%.2f / %.2f s", w.data().time(w.cycle()), w.data().endTime());
    }

    /** Presses and releases a key through the display (the window gets it like a user's key). */
    private static void key(Robot robot, KeyCode code) throws InterruptedException {
        FxPlatform.call(() -> {
            robot.keyPress(code);
            robot.keyRelease(code);
            return null;
        });
        Thread.sleep(100);
    }

    private static void record(Properties p, String key, ReplayWindow w, double x, double y) {
        MapArea a = w.mapArea();
        Viewport v = w.viewport();
        Point2D s = w.imageView().localToScreen(v.toScreenX(x, a), v.toScreenY(y, a));
        p.setProperty(key + ".x", Double.toString(s.getX()));
        p.setProperty(key + ".y", Double.toString(s.getY()));
    }

    /** Waits for a redraw after a change and for the scene to reach the screen. */
    private static void settle(ReplayWindow w) throws InterruptedException {
        long before = FxPlatform.call(w::framesDrawn);
        FxPlatform.call(() -> {
            w.requestRedraw();
            return null;
        });
        waitFor(() -> FxPlatform.call(w::framesDrawn) > before, 10_000);
        Thread.sleep(400);
    }

    private static void capture(Path png, Properties p, String key) throws IOException {
        BufferedImage img = FxPlatform.call(() -> {
            Rectangle2D b = Screen.getPrimary().getBounds();
            WritableImage shot = new Robot().getScreenCapture(null, b);
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            PixelReader r = shot.getPixelReader();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    bi.setRGB(x, y, r.getArgb(x, y));
                }
            }
            p.setProperty(key + ".scaleX", Double.toString(w / b.getWidth()));
            p.setProperty(key + ".scaleY", Double.toString(h / b.getHeight()));
            return bi;
        });
        FrameExporter.write(img, png);
    }

    private static void waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("timed out after " + millis + " ms");
            }
            Thread.sleep(50);
        }
    }
}
