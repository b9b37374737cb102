package org.foresight.viz;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.foresight.dynamics.log.LogFormatException;
import org.foresight.dynamics.log.RunLog;
import org.foresight.dynamics.log.RunFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG export without a display: single frames, frame sequences, and clear errors for bad runs. */
class FrameExporterTest {
    private static final int N = 120;

    @TempDir
    static Path tmp;
    private static Path runDir;
    private static ReplayData run;

    @BeforeAll
    static void writeRun() {
        runDir = SyntheticRun.write(tmp.resolve("run"), N, 8, 12, 0);
        run = ReplayData.of(RunLog.read(runDir));
    }

    @Test
    void pngAtATimeShowsTheRobotAtThatTime() throws IOException {
        Path png = tmp.resolve("out/frame.png");
        double at = 3.0;
        int cycle = FrameExporter.writePng(run, at, png, 800, 500);
        BufferedImage img = ImageIO.read(png.toFile());
        FrameRenderer r = new FrameRenderer(run);
        Viewport view = r.fitView(800, 500);
        MapArea area = FrameLayout.of(800, 500).map();
        int px = (int) view.toScreenX(SyntheticRun.x(cycle, N), area);
        int py = (int) view.toScreenY(SyntheticRun.y(cycle, N), area);
        assertAll(
                () -> assertEquals((int) Math.round(at / SyntheticRun.DT), cycle),
                () -> assertEquals(800, img.getWidth()),
                () -> assertEquals(500, img.getHeight()),
                () -> assertEquals(Palette.ROBOT.getRGB() & 0xFFFFFF, img.getRGB(px, py) & 0xFFFFFF),
                () -> assertFalse(Files.exists(png.resolveSibling("frame.png.partial"))));
    }

    @Test
    void pngWithoutATimeShowsTheLastCycle() {
        assertEquals(N - 1, FrameExporter.writePng(run, Double.NaN, tmp.resolve("last.png"), 400, 300));
    }

    @Test
    void framesAreNumberedAndCoverTheRunAtTheFrameRate() throws IOException {
        Path dir = tmp.resolve("frames");
        int count = FrameExporter.writeFrames(run, dir, 4.0, 320, 240);
        double duration = (N - 1) * SyntheticRun.DT;
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertAll(
                () -> assertEquals((int) Math.floor(duration * 4.0) + 2, count, "one frame per 0.25 s plus the last cycle"),
                () -> assertEquals(count, names.size()),
                () -> assertEquals("frame_00000.png", names.get(0)),
                () -> assertEquals(String.format("frame_%05d.png", count - 1), names.get(count - 1)));
        assertThrows(IllegalArgumentException.class, () -> FrameExporter.writeFrames(run, dir, 0.0, 320, 240));
    }

    @Test
    void missingRunGivesAOneLineErrorNamingTheDirectory() {
        Path missing = tmp.resolve("no-such-run");
        LogFormatException e = assertThrows(LogFormatException.class, () -> RunLog.read(missing));
        assertTrue(e.getMessage().contains("no-such-run"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void malformedRunGivesAOneLineErrorNamingTheFile() throws IOException {
        Path bad = tmp.resolve("bad");
        SyntheticRun.write(bad, 10, 2, 5, 0);
        Files.writeString(bad.resolve(RunFiles.CYCLES), "cycle,t,plan_ms,mode,status\n0,0.0,x,mppi,ok\n");
        LogFormatException e = assertThrows(LogFormatException.class, () -> RunLog.read(bad));
        assertTrue(e.getMessage().contains(RunFiles.CYCLES), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aRunWithoutCyclesStillGivesAFrame() throws IOException {
        // a live run before its first cycle (RunLog refuses a finished run without cycles)
        ReplayData data = ReplayData.live(SyntheticRun.world(), org.foresight.dynamics.world.Footprint.JACKAL, null);
        assertEquals(0, data.cycles());
        FrameExporter.writePng(data, Double.NaN, tmp.resolve("empty.png"), 640, 400);
        assertEquals(1, FrameExporter.writeFrames(data, tmp.resolve("empty-frames"), 10, 320, 240));
        assertEquals(640, ImageIO.read(tmp.resolve("empty.png").toFile()).getWidth());
    }

    @Test
    void tooSmallFramesAreRejectedNamingTheSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameExporter.writePng(run, 0.0, tmp.resolve("tiny.png"), 10, 10));
        assertTrue(e.getMessage().contains("10×10"), e.getMessage());
    }
}
