package org.foresight.mpc.mppi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.DistanceGrid;
import org.foresight.mpc.perception.ObstacleField;
import org.junit.jupiter.api.Test;

/** Behaviour of the MPPI optimiser on small batches: determinism, safety stops, sane steering. */
class MppiPlannerTest {
    private static final MppiConfig SMALL = MppiConfig.defaults().withSamples(320).withHorizon(30).withThreads(1)
            .withSeed(42);

    /** An open 10 m × 10 m area with one round obstacle of radius 0.5 m at (cx, cy). */
    static ObstacleField disc(double cx, double cy) {
        int n = 100;
        double res = 0.1;
        double[] v = new double[n * n];
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                v[ix * n + iy] = Math.hypot(-5 + (ix + 0.5) * res - cx, -5 + (iy + 0.5) * res - cy) - 0.5;
            }
        }
        DistanceGrid g = new DistanceGrid(v, n, n, res, -5, -5);
        return () -> g;
    }

    private static PlanRequest request(double[] state, ObstacleField f) {
        return new PlanRequest(0, state, f, 4, 0, 0.5, new GuidePath(new double[] {-4, 0, 4, 0}));
    }

    private static double[][] drive(MppiConfig cfg, int cycles) {
        ObstacleField f = disc(0, 1.5);
        double[][] cmds = new double[cycles][];
        try (MppiPlanner p = new MppiPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()))) {
            Plan out = new Plan(cfg.horizon(), 8);
            double[] x = {-4, 0, 0};
            double[] xn = new double[3];
            Unicycle u = new Unicycle();
            for (int c = 0; c < cycles; c++) {
                p.plan(request(x, f), out);
                cmds[c] = out.command.clone();
                u.step(x, out.command, 0.05, xn);
                System.arraycopy(xn, 0, x, 0, 3);
            }
        }
        return cmds;
    }

    @Test
    void sameSeedGivesBitIdenticalCommandsForOneAndTwoThreads() {
        double[][] one = drive(SMALL.withThreads(1), 15);
        double[][] two = drive(SMALL.withThreads(2), 15);
        double[][] three = drive(SMALL.withThreads(3), 15);
        for (int c = 0; c < one.length; c++) {
            assertArrayEquals(one[c], two[c], 0.0, "cycle " + c);
            assertArrayEquals(one[c], three[c], 0.0, "cycle " + c);
        }
    }

    @Test
    void noiseDrawnAheadGivesTheSameCommandsBitForBit() {
        ObstacleField f = disc(0, 1.5);
        MppiConfig cfg = SMALL.withThreads(2);
        try (MppiPlanner a = new MppiPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()));
             MppiPlanner b = new MppiPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()))) {
            Plan oa = new Plan(cfg.horizon(), 0);
            Plan ob = new Plan(cfg.horizon(), 0);
            double[] x = {-4, 0, 0};
            for (int c = 0; c < 6; c++) {
                a.plan(request(x, f), oa);
                if (c % 2 == 0) {
                    b.presampleNoise(); // every other cycle: both paths must agree
                }
                b.plan(request(x, f), ob);
                assertArrayEquals(oa.command, ob.command, 0.0, "cycle " + c);
                assertArrayEquals(oa.controls, ob.controls, 0.0, "cycle " + c);
                x[0] += 0.05 * oa.command[0];
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentCommands() {
        double[][] a = drive(SMALL, 3);
        double[][] b = drive(SMALL.withSeed(7), 3);
        assertTrue(a[2][0] != b[2][0] || a[2][1] != b[2][1]);
    }

    @Test
    void headsTowardTheGoalInOpenSpace() {
        double[][] cmds = drive(SMALL, 30);
        double[] last = cmds[cmds.length - 1];
        assertTrue(last[ControlIndex.V] > 0.8, "forward speed after 1.5 s: " + last[ControlIndex.V]);
    }

    /** A model that returns NaN: the planner must stop with a status, not throw. */
    static final class NanModel implements DynamicsModel {
        @Override
        public int stateDim() {
            return 3;
        }

        @Override
        public int controlDim() {
            return 2;
        }

        @Override
        public List<String> stateNames() {
            return StateIndex.POSE_NAMES;
        }

        @Override
        public List<String> controlNames() {
            return ControlIndex.NAMES;
        }

        @Override
        public void step(double[] x, double[] u, double dt, double[] xNext) {
            xNext[0] = Double.NaN;
            xNext[1] = x[1];
            xNext[2] = x[2];
        }
    }

    @Test
    void nanModelStopsSafely() {
        try (MppiPlanner p = new MppiPlanner(new NanModel(), SMALL, CriticSet.defaults(CriticParams.defaults()))) {
            Plan out = new Plan(SMALL.horizon(), 4);
            out.command[0] = 9;
            p.plan(request(new double[] {-4, 0, 0}, disc(0, 3)), out);
            assertEquals(PlanStatus.NON_FINITE, out.status);
            assertArrayEquals(new double[] {0, 0}, out.command, 0.0);
            assertEquals("stop:non-finite", out.status.label());
        }
    }

    @Test
    void nonFiniteStateStopsSafely() {
        try (MppiPlanner p = new MppiPlanner(new Unicycle(), SMALL, CriticSet.defaults(CriticParams.defaults()))) {
            Plan out = new Plan(SMALL.horizon(), 4);
            p.plan(request(new double[] {Double.NaN, 0, 0}, disc(0, 3)), out);
            assertEquals(PlanStatus.BAD_STATE, out.status);
            assertArrayEquals(new double[] {0, 0}, out.command, 0.0);
        }
    }

    @Test
    void boxedInStopsWithNoCollisionFreeRollout() {
        // Robot inside a 0.6 m-wide hole in an obstacle: every motion deepens the contact.
        int n = 60;
        double res = 0.1;
        double[] v = new double[n * n];
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                double r = Math.hypot(-3 + (ix + 0.5) * res, -3 + (iy + 0.5) * res);
                v[ix * n + iy] = 0.22 - r; // free only within 0.22 m of the origin
            }
        }
        DistanceGrid g = new DistanceGrid(v, n, n, res, -3, -3);
        MppiConfig cfg = SMALL.withBounds(0.5, 2.0, 3.0); // must move forward at ≥ 0.5 m/s
        try (MppiPlanner p = new MppiPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()))) {
            Plan out = new Plan(cfg.horizon(), 4);
            p.plan(new PlanRequest(0, new double[] {0, 0, 0}, () -> g, 4, 0, 0.5, null), out);
            assertEquals(PlanStatus.NO_COLLISION_FREE_ROLLOUT, out.status);
            assertArrayEquals(new double[] {0, 0}, out.command, 0.0);
        }
    }

    @Test
    void commandsRespectBounds() {
        MppiConfig cfg = SMALL.withBounds(-0.2, 1.0, 0.5);
        try (MppiPlanner p = new MppiPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()))) {
            Plan out = new Plan(cfg.horizon(), 32);
            double[] x = {-4, 0, 2.0};
            for (int c = 0; c < 20; c++) {
                p.plan(request(x, disc(0, 3)), out);
                assertTrue(out.command[0] <= 1.0 && out.command[0] >= -0.2);
                assertTrue(Math.abs(out.command[1]) <= 0.5);
            }
            assertEquals(32, out.rolloutCount);
            double sum = 0;
            for (int r = 0; r < out.rolloutCount; r++) {
                sum += out.rolloutWeights[r];
                if (r > 0) {
                    assertTrue(out.rolloutWeights[r] <= out.rolloutWeights[r - 1], "heaviest first");
                }
            }
            assertTrue(sum <= 1.0 + 1e-9);
            RolloutBuffers b = p.buffers();
            for (int k = 0; k < cfg.samples(); k++) {
                for (int t = 0; t < cfg.horizon(); t++) {
                    int i = b.index(k, t);
                    // Sampled commands are clipped to within rounding (see CommandClip).
                    double ulp = 1e-15;
                    assertTrue(b.cmdV[i] <= 1.0 + ulp && b.cmdV[i] >= -0.2 - ulp && Math.abs(b.cmdOmega[i]) <= 0.5 + ulp,
                            "sample " + k + " step " + t + ": " + b.cmdV[i] + ", " + b.cmdOmega[i]);
                }
            }
        }
    }
}
