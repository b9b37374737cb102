package org.foresight.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.foresight.dynamics.log.CycleRecord;
import org.foresight.dynamics.log.RunLog;
import org.foresight.dynamics.world.Footprint;
import org.junit.jupiter.api.Test;

/**
 * Live replay data read back: every per-cycle column and geometry item returns what was appended, across the
 * columns' growth (600 cycles: past the first capacity of 256 and its doubling), the guide carries forward
 * between cycles that set none, and a recorded run refuses appends.
 */
class ReplayDataTest {
    @Test
    void liveDataReadsBackWhatWasAppendedAcrossGrowth() {
        Random r = new Random(5);
        ReplayData live = ReplayData.live(SyntheticRun.world(), Footprint.JACKAL, null);
        int cycles = 600;
        double[][] states = new double[cycles][];
        double[][] guides = new double[cycles][];
        int version = live.version();
        for (int c = 0; c < cycles; c++) {
            double[] s = {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()};
            states[c] = s.clone();
            guides[c] = c % 100 == 7 ? new double[] {c, -c} : null;
            double[] plan = {c, c + 0.5};
            live.append(new CycleRecord(c, 0.05 * c, s, new double[] {-s[3], -s[4]}, c % 3 == 0 ? Double.NaN : c,
                    "mppi", c % 5 == 0 ? "busy" : "ok", plan, new double[0][], new double[0], null, List.of(),
                    2.0 * c, c % 11 == 0, null, null, null, guides[c]));
            s[0] = -1; // the producer reuses its arrays
        }
        assertEquals(cycles, live.cycles());
        assertTrue(live.version() > version);
        assertEquals(0.05 * (cycles - 1), live.endTime(), 1e-12);
        float[] lastGuide = null;
        for (int c = 0; c < cycles; c++) {
            assertEquals(states[c][0], live.x(c));
            assertEquals(states[c][1], live.y(c));
            assertEquals(states[c][2], live.theta(c));
            assertEquals(states[c][3], live.v(c));
            assertEquals(states[c][4], live.omega(c));
            assertEquals(-states[c][3], live.cmdV(c));
            assertEquals(-states[c][4], live.cmdOmega(c));
            assertEquals(c % 3 == 0 ? Double.NaN : c, live.planMs(c));
            assertEquals(2.0 * c, live.latencyMs(c));
            assertEquals(c % 11 == 0, live.overrun(c));
            assertEquals(c % 5 == 0 ? "busy" : "ok", live.status(c));
            assertArrayEquals(new float[] {c, c + 0.5f}, live.plan(c));
            assertEquals(c, live.cycleAt(0.05 * c + 0.01));
            if (guides[c] != null) {
                lastGuide = live.guide(c);
                assertArrayEquals(new float[] {c, -c}, lastGuide);
            } else {
                assertSame(lastGuide, live.guide(c), "cycle " + c + ": the guide in force carries forward");
            }
            assertNull(live.estimate(c));
        }
        assertEquals(0, live.cycleAt(-1.0));
        assertEquals(cycles - 1, live.cycleAt(1e9));
        assertEquals(0, live.rollouts(0).length);
        assertEquals(0, live.obstacles(0).length);
        assertEquals(0, live.tracks(0).length);
    }

    @Test
    void recordedRunRefusesAppends() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("replay-data");
        ReplayData recorded = ReplayData.of(RunLog.read(SyntheticRun.write(dir, 30, 4, 6, 0)));
        assertEquals(30, recorded.cycles());
        assertThrows(IllegalStateException.class, () -> recorded.append(new CycleRecord(0, 0, new double[3],
                new double[2], 1.0, "mppi", "ok", new double[0], new double[0][], new double[0], null, List.of(),
                0.0, false)));
    }
}
