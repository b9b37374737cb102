package org.foresight.dynamics.log;

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
}
