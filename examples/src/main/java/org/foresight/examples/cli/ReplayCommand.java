package org.foresight.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.foresight.dynamics.log.LogFormatException;
import org.foresight.dynamics.log.RunLog;
import org.foresight.viz.FrameExporter;
import org.foresight.viz.FxPlatform;
import org.foresight.viz.ReplayData;
import org.foresight.viz.ReplayLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code foresight replay RUNDIR [--png FILE] [--at SECONDS] [--frames DIR]}: opens the replay window
 * on a run directory, or writes frames as PNG without any display. Without a display and without
 * {@code --png}/{@code --frames} it writes one frame (the last cycle) to {@code RUNDIR/replay.png} and
 * says so. A missing or malformed run gets a one-line error and exit code 2.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a run in a window, or write PNG frames of it. " +
                    "Shows the map, robot footprint and trail, goal and guide path, lidar, the chosen plan and " +
                    "the sampled rollouts coloured by weight, with a timeline, play/pause, step, speed, pan, zoom, " +
                    "follow-robot, and plots of v, omega, the commands and the planning time. " +
                    "With --png or --frames it writes PNG files instead and needs no display.")
public final class ReplayCommand implements Callable<Integer> {
    /** Exit code for a missing or malformed run or bad options. */
    static final int EXIT_BAD_INPUT = 2;

    @Parameters(index = "0", paramLabel = "RUNDIR", description = "Run directory (written by navigate, simulate, demo).")
    Path runDir;

    @Option(names = "--png", paramLabel = "FILE", description = "Write one frame as PNG (no window, no display needed).")
    Path png;

    @Option(names = "--robot-map-only",
            description = "With --png: draw only what the robot had seen (its lidar map), not the true world's obstacles "
                    + "(the window has the same toggle on the M key).")
    boolean robotMapOnly;

    @Option(names = "--at", paramLabel = "SECONDS",
            description = "Time of the --png frame [s] from the start of the run. Default: the last cycle.")
    Double at;

    @Option(names = "--frames", paramLabel = "DIR",
            description = "Write a numbered frame sequence frame_00000.png, ... (for a GIF or video).")
    Path frames;

    @Option(names = "--fps", defaultValue = "10", paramLabel = "RATE",
            description = "Frames per simulated second for --frames. Default: ${DEFAULT-VALUE}.")
    double fps;

    @Option(names = "--size", defaultValue = "1280x800", paramLabel = "WxH",
            description = "Frame size in pixels for --png/--frames. Default: ${DEFAULT-VALUE}.")
    String size;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int[] wh;
        try {
            wh = parseSize(size);
            if (frames != null && (!(fps > 0) || !Double.isFinite(fps))) {
                throw new IllegalArgumentException("--fps " + fps + ": expected a positive number of frames per second");
            }
            if (at != null && !Double.isFinite(at)) {
                throw new IllegalArgumentException("--at " + at + ": expected a time in seconds");
            }
            if (png != null && !png.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                throw new IllegalArgumentException("--png " + png + ": the frame is written as PNG; name it *.png");
            }
            if (at != null && png == null) {
                throw new IllegalArgumentException("--at applies to --png (the time of that frame)");
            }
            if (Files.isRegularFile(runDir)) {
                throw new IllegalArgumentException(runDir + " is a file; replay takes a run directory (written by "
                        + "navigate, simulate or demo)");
            }
            if (png != null) {
                OutputPaths.file("--png", png);
            }
            if (frames != null) {
                OutputPaths.directory("--frames", frames);
            }
        } catch (IllegalArgumentException e) {
            err.println("foresight replay: error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        try {
            if (png == null && frames == null) {
                if (FxPlatform.displayAvailable()) {
                    ReplayLauncher.replay(runDir);
                    return 0;
                }
                ReplayData data = ReplayData.of(RunLog.read(runDir));
                Path file = runDir.resolve("replay.png");
                FrameExporter.writePng(data, Double.NaN, file, wh[0], wh[1]);
                out.println("no display (DISPLAY is not set): wrote the last frame to " + file
                        + " (use --png FILE [--at SECONDS] or --frames DIR for others)");
                return 0;
            }
            long t0 = System.nanoTime();
            ReplayData data = ReplayData.of(RunLog.read(runDir));
            if (png != null) {
                double t0run = data.cycles() > 0 ? data.time(0) : 0.0;
                double span = data.cycles() > 0 ? data.time(data.cycles() - 1) - t0run : 0.0;
                if (at != null && (at < 0 || at > span + 1e-9)) {
                    err.println(String.format(Locale.ROOT, "foresight replay: error: --at %s s is outside the run "
                            + "(0 to %.2f s)", fmt(at), span));
                    return EXIT_BAD_INPUT;
                }
                double t = at == null ? Double.NaN : t0run + at;
                int cycle = FrameExporter.writePng(data, t, png, wh[0], wh[1], robotMapOnly);
                out.printf(Locale.ROOT, "wrote %s (cycle %d of %d, t = %.2f s)%n", png, cycle + 1, data.cycles(),
                        data.cycles() > 0 ? data.time(cycle) : 0.0);
            }
            if (frames != null) {
                int n = FrameExporter.writeFrames(data, frames, fps, wh[0], wh[1]);
                out.printf(Locale.ROOT, "wrote %d frames to %s in %.1f s (e.g. ffmpeg -framerate %s -i %s/frame_%%05d.png run.mp4)%n",
                        n, frames, (System.nanoTime() - t0) * 1e-9, fmt(fps), frames);
            }
            return 0;
        } catch (LogFormatException e) {
            err.println("foresight replay: error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (IllegalStateException e) {
            err.println("foresight replay: error: " + e.getMessage());
            return 1;
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Parses "WxH" [px]. */
    static int[] parseSize(String s) {
        String[] p = s.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].trim());
                int h = Integer.parseInt(p[1].trim());
                if (w >= 64 && h >= 64 && w <= 8192 && h <= 8192) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("--size " + s + ": expected WIDTHxHEIGHT in pixels, each 64..8192 (e.g. 1280x800)");
    }
}
