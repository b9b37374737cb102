package org.foresight.dynamics.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.junit.jupiter.api.Test;

/** The robot's own estimate: exact without errors and slip, drifting about 1 % with the Jackal's errors. */
class OdometryTest {
    private static final World WORLD = WorldLoader.loadBarn(0);

    private static Simulator sim(JackalParams p, OdometryConfig o, long seed) {
        return new Simulator(WORLD, new JackalDiffDrive(p), Footprint.JACKAL,
                SimConfig.defaults(seed).withOdometry(o).withProcessNoise(false));
    }

    @Test
    void withoutErrorsOrSlipTheEstimateFollowsTheTruth() {
        Simulator s = sim(JackalParams.defaults().withoutSlip(), new OdometryConfig(0, 0, 0, 0, 0), 1);
        for (int i = 0; i < 40; i++) {
            s.advance(new double[] {1.0, 0.4});
        }
        double[] e = s.estimate();
        double[] t = s.state();
        assertEquals(t[StateIndex.X], e[StateIndex.X], 1e-3);
        assertEquals(t[StateIndex.Y], e[StateIndex.Y], 1e-3);
        assertEquals(t[StateIndex.THETA], e[StateIndex.THETA], 1e-9);
    }

    @Test
    void theJackalsOdometryDriftsAboutOnePercentOfTheDistance() {
        double sum = 0;
        int n = 20;
        for (int seed = 0; seed < n; seed++) {
            Simulator s = sim(JackalParams.defaults(), OdometryConfig.JACKAL, seed);
            for (int i = 0; i < 60 && !s.done(); i++) {
                s.advance(new double[] {1.5, 0.0});
            }
            double[] e = s.estimate();
            double[] t = s.state();
            double dist = Math.hypot(t[0] - WORLD.start().x(), t[1] - WORLD.start().y());
            sum += Math.hypot(e[0] - t[0], e[1] - t[1]) / dist;
        }
        double mean = sum / n;
        assertTrue(mean > 0.002 && mean < 0.03, "mean drift " + mean + " of distance");
    }

    @Test
    void sameSeedSameEstimateAndItsOwnStream() {
        Simulator a = sim(JackalParams.defaults(), OdometryConfig.JACKAL, 5);
        Simulator b = sim(JackalParams.defaults(), OdometryConfig.JACKAL, 5);
        Simulator plain = new Simulator(WORLD, new JackalDiffDrive(JackalParams.defaults()), Footprint.JACKAL,
                SimConfig.defaults(5).withProcessNoise(false));
        for (int i = 0; i < 30; i++) {
            a.advance(new double[] {1.0, 0.2});
            b.advance(new double[] {1.0, 0.2});
            plain.advance(new double[] {1.0, 0.2});
        }
        assertArrayEquals(a.estimate(), b.estimate());
        assertArrayEquals(plain.state(), a.state(), "odometry does not change the true motion");
        assertThrows(IllegalStateException.class, plain::estimate);
        assertThrows(IllegalArgumentException.class, () -> new OdometryConfig(-0.01, 0, 0, 0, 0));
    }
}
