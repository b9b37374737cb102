package org.foresight.dynamics.log;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {
    @TempDir
    Path dir;

    private static CycleRecord cycle(int i, boolean scan) {
        double t = 0.05 * i;
        double[] state = {-2.25, 3 + t, Math.PI / 2, 1.0, 0.1 * i};
        double[][] rollouts = {{0, 0, 1, 1}, {0, 0, 1, 2, 3, 4}};
        return new CycleRecord(i, t, state, new double[] {1.0, -0.5}, 2.5 + i, "mppi", i == 2 ? "nan" : "ok",
                new double[] {1, 2, 3, 4, 5, 6}, rollouts, new double[] {0.25, 0.75},
                scan ? new double[] {1.0, 2.0, 30.0} : null, List.of());
    }

    @Test
    void roundTrip() {
        World w = WorldLoader.loadBarn(3);
        try (RunLogWriter out = RunLogWriter.create(dir, w, Footprint.JACKAL, LidarConfig.DEFAULT, Map.of("planner", "test"))) {
            for (int i = 0; i < 5; i++) {
                out.cycle(cycle(i, true));
            }
            out.finish(Map.of("outcome", "success", "score", 0.4));
        }
        RunLog run = RunLog.read(dir);
        assertEquals(5, run.cycles());
        assertEquals("success", run.outcome());
        assertEquals("test", run.meta.get("planner"));
        assertEquals(w.grid().occupiedCount(), run.grid.occupiedCount());
        for (int ix = 0; ix < w.grid().sizeX(); ix += 7) {
            for (int iy = 0; iy < w.grid().sizeY(); iy++) {
                assertEquals(w.grid().isOccupied(ix, iy), run.grid.isOccupied(ix, iy));
            }
        }
        assertArrayEquals(w.referencePath(), run.referencePath, 0.0);
        assertEquals("nan", run.statuses[2]);
        assertEquals(4.5, run.planMs[2]);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, run.plan(3));
        assertEquals(2, run.rollouts(4).length);
        assertArrayEquals(new float[] {0, 0, 1, 2, 3, 4}, run.rollouts(4)[1]);
        assertArrayEquals(new float[] {0.25f, 0.75f}, run.rolloutWeights(4));
        assertArrayEquals(new float[] {1, 2, 30}, run.scan(1));
        assertEquals(0.4, run.trajectory.column("omega")[4], 1e-12);
        assertEquals(2, run.cycleAt(0.1 + 1e-9));
        assertEquals(4, run.cycleAt(99));
        assertEquals(0, run.cycleAt(-1));
        assertTrue(run.lidarAngleIncrement > 0);
    }

    @Test
    void anInterruptedRunReadsUpToItsLastWholeCycle() throws IOException {
        World w = WorldLoader.loadBarn(0);
        RunLogWriter out = RunLogWriter.create(dir, w, Footprint.JACKAL, LidarConfig.DEFAULT, Map.of());
        for (int i = 0; i < 6; i++) {
            out.cycle(cycle(i, true));
        }
        // No finish and no close (a SIGKILL): the streams were flushed cycle by cycle.
        assertFalse(Files.exists(dir.resolve(RunFiles.RESULT)));
        assertFalse(Files.exists(dir.resolve(RunFiles.CYCLES)), "only .partial files until finish");
        RunLog all = RunLog.read(dir);
        assertTrue(all.interrupted());
        assertEquals(RunLog.INTERRUPTED, all.outcome());
        assertEquals(6, all.cycles());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, all.plan(5));
        assertEquals(0.25, all.times[5], 1e-12);
        // A cut in the middle of the last rollout record: that cycle is dropped, the rest is kept.
        Path rollouts = dir.resolve(RunFiles.ROLLOUTS + RunFiles.PARTIAL);
        byte[] b = Files.readAllBytes(rollouts);
        Files.write(rollouts, java.util.Arrays.copyOf(b, b.length - 5));
        RunLog cut = RunLog.read(dir);
        assertEquals(5, cut.cycles());
        assertEquals(2, cut.rollouts(4).length);
        out.close();
    }

    @Test
    void aRunInterruptedBeforeItsFirstCycleIsNamed() {
        World w = WorldLoader.loadBarn(0);
        RunLogWriter out = RunLogWriter.create(dir, w, Footprint.JACKAL, Map.of());
        out.close();
        assertEquals(0, RunLog.read(dir).cycles(), "a header-only trajectory: zero cycles, interrupted");
    }

    @Test
    void truncatedBinaryIsNamed() throws IOException {
        World w = WorldLoader.loadBarn(0);
        try (RunLogWriter out = RunLogWriter.create(dir, w, Footprint.JACKAL, Map.of())) {
            out.cycle(cycle(0, false));
            out.cycle(cycle(1, false));
            out.finish(Map.of("outcome", "timeout"));
        }
        assertNull(RunLog.read(dir).scan(0));
        Path plans = dir.resolve(RunFiles.PLANS);
        byte[] b = Files.readAllBytes(plans);
        Files.write(plans, java.util.Arrays.copyOf(b, b.length - 6));
        String m = assertThrows(LogFormatException.class, () -> RunLog.read(dir)).getMessage();
        assertTrue(m.contains("plans.bin") && m.contains("truncated"), m);
    }

    @Test
    void missingDirectoryIsNamed() {
        String m = assertThrows(LogFormatException.class, () -> RunLog.read(dir.resolve("nope"))).getMessage();
        assertTrue(m.contains("nope") && m.contains("not a run directory"), m);
    }

    /** A cycle in which the robot believed (x + 0.01·i, y − 0.02, θ) and, every 10th cycle, had a new map. */
    private static CycleRecord believing(int i) {
        CycleRecord r = cycle(i, true);
        double[] s = r.state();
        double[] estimate = {s[0] + 0.01 * i, s[1] - 0.02, s[2], s[3], s[4]};
        return new CycleRecord(r.index(), r.t(), s, r.cmd(), r.planMs(), r.mode(), r.status(), r.planXY(),
                r.rolloutsXY(), r.rolloutWeights(), r.scan(), r.obstacles(), r.latencyMs(), r.overrun(), estimate,
                i % 10 == 0 ? snapshot(i) : null);
    }

    /** The snapshot of cycle i: 1 + i/10 cells on a 40 × 30 grid of 0.05 m at (−1.5, 2.25). */
    private static MapSnapshot snapshot(int i) {
        int[] cells = new int[1 + i / 10];
        for (int k = 0; k < cells.length; k++) {
            cells[k] = 7 + 31 * k;
        }
        return new MapSnapshot(-1.5, 2.25, 0.05, 40, 30, cells);
    }

    @Test
    void estimatesAndMapSnapshotsRoundTrip() {
        World w = WorldLoader.loadBarn(3);
        try (RunLogWriter out = RunLogWriter.create(dir, w, Footprint.JACKAL, LidarConfig.DEFAULT, -0.05, Map.of())) {
            for (int i = 0; i < 25; i++) {
                out.cycle(believing(i));
            }
            out.finish(Map.of("outcome", "success"));
        }
        assertTrue(Files.exists(dir.resolve(RunFiles.ESTIMATE)) && Files.exists(dir.resolve(RunFiles.KNOWN_MAP)));
        RunLog run = RunLog.read(dir);
        MapSnapshot m10 = run.knownMapAt(10);
        assertAll(
                () -> assertEquals(25, run.cycles()),
                () -> assertTrue(run.hasEstimates() && run.hasKnownMap()),
                () -> assertArrayEquals(new double[] {-2.25 + 0.07, 3 + 0.35 - 0.02, Math.PI / 2, 1.0, 0.7},
                        run.estimate(7), 1e-12),
                () -> assertEquals(0.7, run.trajectory.column("omega")[7], 1e-12, "the trajectory stays the truth"),
                () -> assertArrayEquals(new int[] {7}, run.knownMapAt(0).occupied()),
                () -> assertArrayEquals(new int[] {7}, run.knownMapAt(9).occupied(), "the latest at or before"),
                () -> assertArrayEquals(new int[] {7, 38}, m10.occupied()),
                () -> assertEquals(-1.5, m10.originX()),
                () -> assertEquals(2.25, m10.originY()),
                () -> assertEquals(0.05, m10.resolution()),
                () -> assertEquals(40, m10.sizeX()),
                () -> assertEquals(30, m10.sizeY()),
                () -> assertArrayEquals(new int[] {7, 38, 69}, run.knownMapAt(24).occupied()),
                () -> assertEquals(-0.05, run.lidarOffset));
    }

    @Test
    void runsWithoutEstimatesOrMapsReadAsBefore() {
        World w = WorldLoader.loadBarn(0);
        try (RunLogWriter out = RunLogWriter.create(dir, w, Footprint.JACKAL, LidarConfig.DEFAULT, Map.of())) {
            out.cycle(cycle(0, true));
            out.finish(Map.of("outcome", "success"));
        }
        RunLog run = RunLog.read(dir);
        assertAll(
                () -> assertFalse(Files.exists(dir.resolve(RunFiles.ESTIMATE))),
                () -> assertFalse(Files.exists(dir.resolve(RunFiles.KNOWN_MAP))),
                () -> assertFalse(run.hasEstimates() || run.hasKnownMap()),
                () -> assertNull(run.estimate(0)),
                () -> assertNull(run.knownMapAt(0)),
                () -> assertEquals(RunFiles.DEFAULT_LIDAR_OFFSET, run.lidarOffset, "world.json without offset_m"));
    }

    @Test
    void anInterruptedRunKeepsItsEstimatesAndMapsUpToItsLastWholeCycle() throws IOException {
        World w = WorldLoader.loadBarn(0);
        RunLogWriter out = RunLogWriter.create(dir, w, Footprint.JACKAL, LidarConfig.DEFAULT, Map.of());
        for (int i = 0; i < 25; i++) {
            out.cycle(believing(i));
        }
        // No finish and no close (a SIGKILL): read from the .partial files.
        assertFalse(Files.exists(dir.resolve(RunFiles.KNOWN_MAP)), "only .partial files until finish");
        RunLog all = RunLog.read(dir);
        assertAll(
                () -> assertTrue(all.interrupted()),
                () -> assertEquals(25, all.cycles()),
                () -> assertEquals(-2.25 + 0.24, all.estimate(24)[0], 1e-12),
                () -> assertArrayEquals(new int[] {7, 38, 69}, all.knownMapAt(24).occupied()));
        // The estimate's last line cut: that cycle has no estimate, the rest stays.
        Path est = dir.resolve(RunFiles.ESTIMATE + RunFiles.PARTIAL);
        byte[] e = Files.readAllBytes(est);
        Files.write(est, java.util.Arrays.copyOf(e, e.length - 4));
        RunLog cutEstimate = RunLog.read(dir);
        assertAll(
                () -> assertEquals(25, cutEstimate.cycles()),
                () -> assertNull(cutEstimate.estimate(24)),
                () -> assertEquals(-2.25 + 0.23, cutEstimate.estimate(23)[0], 1e-12));
        // The last snapshot (cycle 20) cut: cycle 20 is not whole, the run ends before it with the snapshot of 10.
        Path maps = dir.resolve(RunFiles.KNOWN_MAP + RunFiles.PARTIAL);
        byte[] b = Files.readAllBytes(maps);
        Files.write(maps, java.util.Arrays.copyOf(b, b.length - 5));
        RunLog cut = RunLog.read(dir);
        assertAll(
                () -> assertEquals(20, cut.cycles()),
                () -> assertArrayEquals(new int[] {7, 38}, cut.knownMapAt(19).occupied()),
                () -> assertEquals(-2.25 + 0.19, cut.estimate(19)[0], 1e-12));
        out.close();
    }

    @Test
    void aTruncatedMapFileOfAFinishedRunIsNamed() throws IOException {
        World w = WorldLoader.loadBarn(0);
        try (RunLogWriter out = RunLogWriter.create(dir, w, Footprint.JACKAL, LidarConfig.DEFAULT, Map.of())) {
            for (int i = 0; i < 12; i++) {
                out.cycle(believing(i));
            }
            out.finish(Map.of("outcome", "timeout"));
        }
        Path maps = dir.resolve(RunFiles.KNOWN_MAP);
        byte[] b = Files.readAllBytes(maps);
        Files.write(maps, java.util.Arrays.copyOf(b, b.length - 3));
        String m = assertThrows(LogFormatException.class, () -> RunLog.read(dir)).getMessage();
        assertTrue(m.contains("map.bin") && m.contains("truncated"), m);
    }

    /** A cycle that, on cycles 0 and 3, switched to a new guide (two points per guide, x = the cycle). */
    private static CycleRecord guided(int i) {
        CycleRecord r = cycle(i, false);
        double[] guide = i == 0 || i == 3 ? new double[] {i, 0, i, 10} : null;
        return new CycleRecord(r.index(), r.t(), r.state(), r.cmd(), r.planMs(), r.mode(), r.status(), r.planXY(),
                r.rolloutsXY(), r.rolloutWeights(), r.scan(), r.obstacles(), r.latencyMs(), r.overrun(), null, null,
                null, guide);
    }

    @Test
    void eachCycleReadsTheGuideInForce() throws IOException {
        World w = WorldLoader.loadBarn(0);
        try (RunLogWriter out = RunLogWriter.create(dir, w, Footprint.JACKAL, Map.of())) {
            for (int i = 0; i < 6; i++) {
                out.cycle(guided(i));
            }
            out.finish(Map.of("outcome", "success"));
        }
        RunLog run = RunLog.read(dir);
        for (int c = 0; c < 6; c++) {
            float x = c < 3 ? 0 : 3;
            assertArrayEquals(new float[] {x, 0, x, 10}, run.guide(c), "cycle " + c);
        }
        // The last record cut in a finished run is an error naming the file; in an interrupted one it is dropped.
        Path guides = dir.resolve(RunFiles.GUIDES);
        byte[] b = Files.readAllBytes(guides);
        Files.write(guides, java.util.Arrays.copyOf(b, b.length - 4));
        String m = assertThrows(LogFormatException.class, () -> RunLog.read(dir)).getMessage();
        assertTrue(m.contains(RunFiles.GUIDES) && m.contains("cycle 3"), m);
    }

    @Test
    void anInterruptedRunDropsAGuideCutAtTheEnd() throws IOException {
        World w = WorldLoader.loadBarn(0);
        RunLogWriter out = RunLogWriter.create(dir, w, Footprint.JACKAL, Map.of());
        for (int i = 0; i < 6; i++) {
            out.cycle(guided(i));
        }
        Path guides = dir.resolve(RunFiles.GUIDES + RunFiles.PARTIAL);
        byte[] b = Files.readAllBytes(guides);
        Files.write(guides, java.util.Arrays.copyOf(b, b.length - 4));
        RunLog run = RunLog.read(dir);
        assertTrue(run.interrupted());
        assertArrayEquals(new float[] {0, 0, 0, 10}, run.guide(5));
        out.close();
    }

    @Test
    void runsWithoutGuidesHaveNone() {
        World w = WorldLoader.loadBarn(0);
        try (RunLogWriter out = RunLogWriter.create(dir, w, Footprint.JACKAL, Map.of())) {
            out.cycle(cycle(0, false));
            out.finish(Map.of("outcome", "success"));
        }
        assertNull(RunLog.read(dir).guide(0));
    }
}
