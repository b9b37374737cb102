package org.foresight.dynamics.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private static Simulator sim(World w, long seed, boolean noise) {
        return new Simulator(w, new JackalDiffDrive(JackalParams.defaults()), Footprint.JACKAL,
                SimConfig.defaults(seed).withProcessNoise(noise).withLidar(LidarConfig.DEFAULT));
    }

    @Test
    void drivingBackwardsHitsTheBackWall() {
        // The back wall is at y = 0.075, 2.9 m behind the start: reversing must end in a collision there.
        Simulator s = sim(WorldLoader.loadBarn(0), 1, false);
        while (!s.done()) {
            s.advance(new double[] {-1.0, 0.0});
        }
        assertEquals(Outcome.COLLISION, s.outcome());
        double rearY = s.state()[StateIndex.Y] - Footprint.JACKAL.length() / 2;
        assertEquals(0.15, rearY, 0.1, "rear of the robot at the back wall's face (y = 0.15)");
        assertEquals(0.0, s.result().score());
    }

    @Test
    void standingStillTimesOutWithTheTimerNeverStarted() {
        Simulator s = new Simulator(WorldLoader.loadBarn(1), new JackalDiffDrive(JackalParams.defaults()),
                Footprint.JACKAL, SimConfig.defaults(3).withProcessNoise(false).withTimeout(2.0));
        int periods = 0;
        while (!s.done()) {
            s.advance(new double[] {0, 0});
            periods++;
        }
        assertEquals(Outcome.TIMEOUT, s.outcome());
        assertEquals(40, periods);
        assertEquals(0.0, s.result().time());
        assertEquals(2.0, s.result().simTime(), 1e-12);
    }

    @Test
    void sameSeedSameEpisode() {
        double[][] a = drive(42);
        double[][] b = drive(42);
        double[][] c = drive(43);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
        assertTrue(a[a.length - 1][StateIndex.X] != c[c.length - 1][StateIndex.X], "noise depends on the seed");
    }

    private static double[][] drive(long seed) {
        Simulator s = sim(WorldLoader.loadBarn(5), seed, true);
        SplittableRandom r = new SplittableRandom(9);
        double[][] out = new double[20][];
        for (int i = 0; i < 20 && !s.done(); i++) {
            s.advance(new double[] {r.nextDouble(0, 1), r.nextDouble(-1, 1)});
            out[i] = s.state();
        }
        return out;
    }

    @Test
    void lidarSeesTheCorridorWallsAtTheStart() {
        // At the start (x = -2.25, facing +y) the side walls' faces are at x = -4.35 and x = -0.15: 2.1 m either side.
        Simulator s = sim(WorldLoader.loadBarn(0), 1, false);
        double[] scan = s.scan();
        assertEquals(720, scan.length);
        org.foresight.dynamics.world.Lidar lidar = new org.foresight.dynamics.world.Lidar(LidarConfig.DEFAULT);
        int left = 0;
        int right = 0;
        for (int i = 0; i < scan.length; i++) {
            assertTrue(scan[i] > 0 && scan[i] <= 30.0);
            if (Math.abs(lidar.beamAngle(i) - Math.PI / 2) < Math.abs(lidar.beamAngle(left) - Math.PI / 2)) {
                left = i;
            }
            if (Math.abs(lidar.beamAngle(i) + Math.PI / 2) < Math.abs(lidar.beamAngle(right) + Math.PI / 2)) {
                right = i;
            }
        }
        assertEquals(2.1, scan[left], 0.01);
        assertEquals(2.1, scan[right], 0.01);
    }

    @Test
    void nonFiniteCommandIsRejected() {
        Simulator s = sim(WorldLoader.loadBarn(0), 1, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.advance(new double[] {Double.NaN, 0}));
        assertTrue(e.getMessage().contains("cmd_v"));
    }

    @Test
    void barnScoreClipsAtTwoAndEightTimesOt() {
        assertEquals(0.5, BarnScore.score(true, 1.0, 5.0));
        assertEquals(0.5, BarnScore.score(true, 10.0, 5.0));
        assertEquals(5.0 / 20.0, BarnScore.score(true, 20.0, 5.0), 1e-15);
        assertEquals(0.125, BarnScore.score(true, 400.0, 5.0));
        assertEquals(0.0, BarnScore.score(false, 10.0, 5.0));
        assertThrows(IllegalArgumentException.class, () -> BarnScore.score(true, 1, 0));
    }
}
