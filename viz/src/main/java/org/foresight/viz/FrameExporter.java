package org.foresight.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes frames of a run as PNG files without any display: plain Java2D into an image (the same
 * {@link FrameRenderer} the window uses), no JavaFX toolkit. Sets {@code java.awt.headless=true} when
 * nothing else has chosen, so that a stale DISPLAY cannot break export.
 */
public final class FrameExporter {
    /** Default frame width [px]. */
    public static final int DEFAULT_WIDTH = 1280;
    /** Default frame height [px]. */
    public static final int DEFAULT_HEIGHT = 800;

    private FrameExporter() {
    }

    /**
     * Writes the frame at a time as a PNG (written to a temporary file, then renamed).
     *
     * @param data    the run. Not modified.
     * @param atTime  time [s]; the cycle in effect then is drawn (clamped to the run; NaN = last cycle).
     * @param file    the PNG file (parent directories are created).
     * @param width   width [px].
     * @param height  height [px].
     * @return the cycle drawn.
     * @throws UncheckedIOException naming the file when it cannot be written.
     */
    public static int writePng(ReplayData data, double atTime, Path file, int width, int height) {
        return writePng(data, atTime, file, width, height, false);
    }

    /**
     * As {@link #writePng(ReplayData, double, Path, int, int)}, optionally drawing only what the robot had
     * seen (its own map) instead of the true world's obstacles.
     *
     * @param data          the run. Not modified.
     * @param atTime        time [s] (NaN = last cycle).
     * @param file          the PNG file.
     * @param width         width [px].
     * @param height        height [px].
     * @param robotMapOnly  whether to hide what the robot had not seen yet.
     * @return the cycle drawn.
     */
    public static int writePng(ReplayData data, double atTime, Path file, int width, int height, boolean robotMapOnly) {
        headless();
        int cycle = Double.isNaN(atTime) ? data.cycles() - 1 : data.cycleAt(atTime);
        FrameRenderer renderer = new FrameRenderer(data);
        renderer.setRobotMapOnly(robotMapOnly);
        write(renderer.render(cycle, width, height, null), file);
        return cycle;
    }

    /**
     * Writes a numbered frame sequence {@code frame_00000.png, frame_00001.png, …} at a fixed rate of
     * simulated time, for a GIF or video (e.g. {@code ffmpeg -framerate 10 -i frame_%05d.png run.mp4}).
     * The last cycle is always included.
     *
     * @param data   the run. Not modified.
     * @param dir    output directory (created).
     * @param fps    frames per simulated second [1/s], &gt; 0.
     * @param width  width [px].
     * @param height height [px].
     * @return the number of frames written.
     * @throws UncheckedIOException naming the file when one cannot be written.
     */
    public static int writeFrames(ReplayData data, Path dir, double fps, int width, int height) {
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("frame rate must be a positive number of frames per second, got " + fps);
        }
        headless();
        FrameRenderer renderer = new FrameRenderer(data);
        Viewport view = renderer.fitView(width, height);
        int n = data.cycles();
        if (n == 0) {
            write(renderer.render(0, width, height, view), dir.resolve("frame_00000.png"));
            return 1;
        }
        double t0 = data.time(0);
        double end = data.endTime();
        int frames = (int) Math.floor((end - t0) * fps + 1e-9) + 1;
        int lastCycle = -1;
        int written = 0;
        for (int i = 0; i <= frames; i++) {
            int cycle = i < frames ? data.cycleAt(t0 + i / fps) : n - 1;
            if (i == frames && cycle == lastCycle) {
                break;
            }
            lastCycle = cycle;
            write(renderer.render(cycle, width, height, view),
                    dir.resolve(String.format(Locale.ROOT, "frame_%05d.png", written)));
            written++;
        }
        return written;
    }

    /**
     * Writes an image as PNG through a temporary file and an atomic rename.
     *
     * @param image the image.
     * @param file  the destination (parent directories are created).
     */
    static void write(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".partial");
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = rgb.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
            if (!ImageIO.write(rgb, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Chooses headless AWT unless the application already decided. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
