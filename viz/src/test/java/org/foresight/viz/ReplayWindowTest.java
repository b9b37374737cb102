package org.foresight.viz;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.foresight.dynamics.world.OccupancyGrid;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the real replay window on a display, takes screenshots and checks that the window shows the
 * world: the robot where the log puts it, an obstacle in its colour, follow-robot centring the robot,
 * a click on the timeline moving the time label, ←/→ stepping one cycle although the click gave the
 * slider the focus, and a live view fed from another thread showing the newest cycle, saying that the
 * run is over and closing by itself.
 *
 * <p>The window runs in a child JVM ({@link WindowProbe}) so that it can be given a display: the
 * current DISPLAY when there is one, otherwise a fresh virtual one through {@code xvfb-run -a}
 * (installed by {@code .ci/viz-setup.sh}). Without either the test is skipped, saying so.
 */
class ReplayWindowTest {
    private static final int N = 400;

    @TempDir
    Path tmp;

    /** The command prefix that gives the child a display, or null when there is none. */
    static List<String> displayPrefix() {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            return List.of();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "xvfb-run")) && Files.isExecutable(Path.of(dir, "Xvfb"))) {
                return List.of(Path.of(dir, "xvfb-run").toString(), "-a", "-s", "-screen 0 1600x1000x24");
            }
        }
        return null;
    }

    @Test
    void windowShowsTheWorldTheRobotAndFollowsIt() throws Exception {
        List<String> prefix = displayPrefix();
        Assumptions.assumeTrue(prefix != null,
                "skipped: no DISPLAY and no xvfb-run/Xvfb on PATH; run .ci/viz-setup.sh to install them");
        Path run = SyntheticRun.write(tmp.resolve("run"), N, 16, 30, 90);
        Path out = tmp.resolve("probe");
        OccupancyGrid g = SyntheticRun.world().grid();
        double obsX = g.centerX((SyntheticRun.OBS_X_LO + SyntheticRun.OBS_X_HI) / 2);
        double obsY = g.centerY((SyntheticRun.OBS_Y_LO + SyntheticRun.OBS_Y_HI) / 2);
        int cycle = N / 2;

        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add("-Dprism.order=sw");
        cmd.add(WindowProbe.class.getName());
        cmd.add(run.toString());
        cmd.add(out.toString());
        cmd.add(Integer.toString(cycle));
        cmd.add(Double.toString(obsX));
        cmd.add(Double.toString(obsY));
        Path log = tmp.resolve("probe.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(ended, "window probe did not finish within 90 s:\n" + output);
        assertEquals(0, p.exitValue(), "window probe failed:\n" + output);

        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(out.resolve("probe.properties"))) {
            props.load(r);
        }
        BufferedImage fit = ImageIO.read(out.resolve("fit.png").toFile());
        BufferedImage follow = ImageIO.read(out.resolve("follow.png").toFile());
        BufferedImage live = ImageIO.read(out.resolve("live.png").toFile());
        // openMillis (child JVM start → JavaFX start ∥ read → first frame) is reported, not asserted.
        assertAll(
                () -> assertEquals("true", props.getProperty("ok"), output),
                () -> assertEquals(Integer.toString(cycle), props.getProperty("cycle"), "cycle after stepping"),
                () -> assertEquals("10.0", props.getProperty("speedClamped"), "speed clamped to 10x"),
                () -> assertEquals("true", props.getProperty("playing")),
                () -> assertEquals(hex(Palette.ROBOT.getRGB()), hex(pixel(fit, props, "robot")),
                        "robot on screen where the log puts it"),
                () -> assertEquals(hex(Palette.OBSTACLE.getRGB()), hex(pixel(fit, props, "obstacle")),
                        "obstacle on screen"),
                () -> assertTrue(count(fit, Palette.OBSTACLE.getRGB()) > 500, "obstacle pixels on screen"),
                () -> assertTrue(count(fit, Palette.WALL.getRGB()) > 500, "wall pixels on screen"),
                () -> assertTrue(count(fit, Palette.HUD_BG.getRGB()) > 5000, "heads-up bar on screen"),
                () -> assertEquals(hex(Palette.ROBOT.getRGB()), hex(pixel(follow, props, "follow.centre")),
                        "follow-robot puts the robot at the centre of the map"),
                () -> assertEquals(Integer.toString(WindowProbe.LIVE_CYCLES), props.getProperty("live.cycles"),
                        "every cycle handed to the live view arrived"),
                () -> assertEquals(Integer.toString(WindowProbe.LIVE_CYCLES - 1), props.getProperty("live.shown"),
                        "the live view shows the newest cycle"),
                () -> assertEquals(hex(Palette.ROBOT.getRGB()), hex(pixel(live, props, "live.robot")),
                        "live robot on screen at the last pose fed"),
                () -> assertTrue(Integer.parseInt(props.getProperty("slider.cycle")) < cycle,
                        "a click at a quarter of the timeline went back from cycle " + cycle + ": "
                                + props.getProperty("slider.cycle")),
                () -> assertEquals(props.getProperty("slider.expectedLabel"), props.getProperty("slider.label"),
                        "the time label follows a click on the timeline"),
                () -> assertEquals("true", props.getProperty("slider.focused"), "the click focused the slider"),
                () -> assertEquals("1", props.getProperty("key.right"), "\u2192 steps one cycle with the slider focused"),
                () -> assertEquals("-2", props.getProperty("key.left"), "\u2190\u2190 steps two cycles back"),
                () -> assertEquals(props.getProperty("key.expectedLabel"), props.getProperty("key.label")),
                () -> assertEquals("true", props.getProperty("key.m"), "M turns on the robot's map only"),
                () -> assertEquals(Double.parseDouble(props.getProperty("key.expectedSliderValue")),
                        Double.parseDouble(props.getProperty("key.sliderValue")), 1e-9, "slider at the cycle's time"),
                () -> assertEquals("run over: success \u2014 close the window to exit", props.getProperty("live.banner")),
                () -> assertTrue(props.getProperty("live.title").endsWith("run over: success \u2014 close the window to exit"),
                        props.getProperty("live.title")),
                () -> assertEquals(hex(Palette.BANNER_SUCCESS.getRGB()), hex(pixel(live, props, "live.banner")),
                        "green run-over banner on screen"),
                () -> assertTrue(props.getProperty("live.closingTitle").endsWith("the window closes in 1 s"),
                        props.getProperty("live.closingTitle")),
                () -> assertTrue(Double.parseDouble(props.getProperty("live.closeMillis")) >= WindowProbe.CLOSE_AFTER_MILLIS - 50
                        && Double.parseDouble(props.getProperty("live.closeMillis")) < 5_000,
                        "closed by itself after " + props.getProperty("live.closeMillis") + " ms"));
    }

    private static int pixel(BufferedImage img, Properties p, String key) {
        double sx = Double.parseDouble(p.getProperty("fit.scaleX", "1"));
        double sy = Double.parseDouble(p.getProperty("fit.scaleY", "1"));
        int x = (int) Math.floor(Double.parseDouble(p.getProperty(key + ".x")) * sx);
        int y = (int) Math.floor(Double.parseDouble(p.getProperty(key + ".y")) * sy);
        return img.getRGB(x, y);
    }

    private static int count(BufferedImage img, int argb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (argb & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String hex(int argb) {
        return String.format("#%06X", argb & 0xFFFFFF);
    }

}
