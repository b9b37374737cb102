package org.foresight.mpc.mppi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.EnsembleDynamics;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.critic.SpreadParams;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.ObstacleField;
import org.junit.jupiter.api.Test;

/**
 * The spread of an ensemble's rollouts: zero when the members agree with the mean model, growing with their
 * disagreement and along the horizon; and MPPI with the spread critic stays deterministic for any thread count.
 */
class SpreadRolloutTest {

    /** A unicycle whose yaw rate is the command times a gain: x⁺ = x + dt·v·cos θ, θ⁺ = θ + dt·g·ω. */
    record GainUnicycle(double gain) implements DynamicsModel {
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
            return List.of("x", "y", "theta");
        }

        @Override
        public List<String> controlNames() {
            return List.of("cmd_v", "cmd_omega");
        }

        @Override
        public void step(double[] x, double[] u, double dt, double[] xNext) {
            xNext[0] = x[0] + dt * u[0] * Math.cos(x[2]);
            xNext[1] = x[1] + dt * u[0] * Math.sin(x[2]);
            xNext[2] = x[2] + dt * gain * u[1];
        }
    }

    /** Mean model gain 1, members 1 ± δ (and 1 itself). */
    record Toy(double delta) implements EnsembleDynamics {
        private static final GainUnicycle MEAN = new GainUnicycle(1.0);

        @Override
        public int memberCount() {
            return 3;
        }

        @Override
        public DynamicsModel member(int m) {
            return new GainUnicycle(1.0 + (m - 1) * delta);
        }

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
            return MEAN.stateNames();
        }

        @Override
        public List<String> controlNames() {
            return MEAN.controlNames();
        }

        @Override
        public void step(double[] x, double[] u, double dt, double[] xNext) {
            MEAN.step(x, u, dt, xNext);
        }
    }

    /** Rolls one block of 64 samples turning at rates spread over ±2 rad/s through the mean model, then fills σ. */
    private static RolloutBuffers rollOut(double delta) {
        int k = 64;
        int t = 20;
        double dt = 0.05;
        RolloutBuffers b = new RolloutBuffers();
        b.enableSpread();
        b.ensure(k, t);
        GainUnicycle mean = new GainUnicycle(1.0);
        double[] x0 = {0.5, -0.2, 0.3};
        double[] x = new double[3];
        double[] xn = new double[3];
        for (int j = 0; j < k; j++) {
            System.arraycopy(x0, 0, x, 0, 3);
            for (int s = 0; s < t; s++) {
                int i = b.index(j, s);
                b.cmdV[i] = 1.5;
                b.cmdOmega[i] = -2 + 4.0 * j / (k - 1);
                mean.step(x, new double[] {b.cmdV[i], b.cmdOmega[i]}, dt, xn);
                System.arraycopy(xn, 0, x, 0, 3);
                b.x[i] = x[StateIndex.X];
                b.y[i] = x[StateIndex.Y];
            }
        }
        new SpreadRollout(new Toy(delta), 1, 64).fill(0, b, 0, k, x0, dt);
        return b;
    }

    @Test
    void zeroWhenTheMembersAgree() {
        RolloutBuffers b = rollOut(0.0);
        for (int i = 0; i < 64 * 20; i++) {
            assertEquals(0.0, b.spread[i], 0.0, "entry " + i);
        }
    }

    @Test
    void growsWithDisagreementAndAlongTheHorizon() {
        RolloutBuffers small = rollOut(0.1);
        RolloutBuffers large = rollOut(0.3);
        for (int j = 0; j < 64; j++) {
            double turn = Math.abs(-2 + 4.0 * j / 63);
            for (int s = 0; s < 20; s++) {
                int i = small.index(j, s);
                assertTrue(large.spread[i] >= small.spread[i], "sample " + j + " step " + s);
                if (s > 0 && turn > 0.1 && turn <= 1.0) {
                    assertTrue(small.spread[i] > small.spread[small.index(j, s - 1)], "sample " + j + " step " + s);
                }
            }
        }
        // a straight rollout (no turn) has no doubt from a yaw-rate gain
        assertTrue(small.spread[small.index(31, 19)] < small.spread[small.index(0, 19)]);
    }

    @Test
    void mppiWithTheSpreadCriticIsTheSameForOneTwoAndThreeThreads() {
        ObstacleField f = MppiPlannerTest.disc(0, 0.6);
        CriticParams p = CriticParams.defaults();
        p = new CriticParams(p.goalWeight(), p.goalActivation(), p.pathFollowWeight(), p.pathAlignWeight(), p.pathAlignCap(),
                p.collisionCost(), p.obstacleWeight(), p.obstacleMargin(), p.collisionPad(), p.footprintLength(),
                p.footprintWidth(), p.footprintCircles(), p.effortWeightV(), p.effortWeightOmega(), p.rateWeightV(),
                p.rateWeightOmega(), p.preferForwardWeight(), p.speedWeight(), p.speedTarget(), p.dynamicObstacle(),
                new SpreadParams(50, 0.5));
        double[][] ref = null;
        for (int threads = 1; threads <= 3; threads++) {
            MppiConfig cfg = MppiConfig.defaults().withSamples(320).withHorizon(30).withThreads(threads).withSeed(42);
            double[][] cmds = new double[8][];
            try (MppiPlanner planner = new MppiPlanner(new Toy(0.3), cfg, CriticSet.defaults(p))) {
                assertTrue(planner.buffers().hasSpread());
                Plan out = new Plan(cfg.horizon(), 0);
                double[] x = {-2, 0, 0};
                double[] xn = new double[3];
                for (int c = 0; c < cmds.length; c++) {
                    planner.plan(new PlanRequest(0, x, f, 4, 0, 0.5, new GuidePath(new double[] {-4, 0, 4, 0})), out);
                    cmds[c] = out.command.clone();
                    new GainUnicycle(1.0).step(x, out.command, 0.05, xn);
                    System.arraycopy(xn, 0, x, 0, 3);
                }
            }
            if (ref == null) {
                ref = cmds;
            } else {
                for (int c = 0; c < cmds.length; c++) {
                    assertArrayEquals(ref[c], cmds[c], 0.0, "threads " + threads + " cycle " + c);
                }
            }
        }
    }
}
