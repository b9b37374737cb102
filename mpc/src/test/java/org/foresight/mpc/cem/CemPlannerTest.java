package org.foresight.mpc.cem;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.critic.Critic;
import org.foresight.mpc.critic.CriticContext;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.mppi.RolloutBuffers;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.DistanceGrid;
import org.foresight.mpc.perception.ObstacleField;
import org.junit.jupiter.api.Test;

/** Behaviour of the CEM optimiser on small populations: determinism, the elite refit, bounds, safety stops. */
class CemPlannerTest {
    private static final CemConfig SMALL = CemConfig.defaults().withPopulation(320, 32).withIterations(3)
            .withHorizon(30).withThreads(1).withSeed(42);
    private static final double EPS = 1e-12;

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

    static PlanRequest request(double time, double[] state, ObstacleField f) {
        return new PlanRequest(time, state, f, 4, 0, 0.5, new GuidePath(new double[] {-4, 0, 4, 0}));
    }

    /** Drives the unicycle past the disc for {@code cycles} periods; returns the commands. */
    private static double[][] drive(CemConfig cfg, int cycles) {
        ObstacleField f = disc(0, 0.4);
        double[][] cmds = new double[cycles][];
        try (CemPlanner p = new CemPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()))) {
            Plan out = new Plan(cfg.horizon(), 8);
            double[] x = {-4, 0, 0};
            double[] xn = new double[3];
            Unicycle u = new Unicycle();
            for (int c = 0; c < cycles; c++) {
                p.plan(request(c * cfg.dt(), x, f), out);
                assertEquals(PlanStatus.OK, out.status, "cycle " + c);
                cmds[c] = out.command.clone();
                u.step(x, out.command, cfg.dt(), xn);
                System.arraycopy(xn, 0, x, 0, 3);
            }
        }
        return cmds;
    }

    @Test
    void sameSeedGivesBitIdenticalCommandsForOneTwoAndThreeThreads() {
        double[][] one = drive(SMALL.withThreads(1), 12);
        double[][] two = drive(SMALL.withThreads(2), 12);
        double[][] three = drive(SMALL.withThreads(3), 12);
        for (int c = 0; c < one.length; c++) {
            assertArrayEquals(one[c], two[c], 0.0, "cycle " + c);
            assertArrayEquals(one[c], three[c], 0.0, "cycle " + c);
        }
    }

    @Test
    void differentSeedsGiveDifferentCommands() {
        double[][] a = drive(SMALL, 3);
        double[][] b = drive(SMALL.withSeed(7), 3);
        assertTrue(a[2][0] != b[2][0] || a[2][1] != b[2][1]);
    }

    /** Toy cost Σ_t (u_v,t − v*)² + (u_ω,t − ω*)² [per (m/s)², (rad/s)²]: optimum u ≡ (v*, ω*). */
    static final class QuadraticCritic implements Critic {
        final double targetV;
        final double targetW;

        QuadraticCritic(double targetV, double targetW) {
            this.targetV = targetV;
            this.targetW = targetW;
        }

        @Override
        public String name() {
            return "quadratic";
        }

        @Override
        public void score(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
            int o0 = b.blockOffset(k0);
            for (int t = 0; t < b.horizon; t++) {
                for (int j = 0; j < k1 - k0; j++) {
                    double dv = b.cmdV[o0 + t * RolloutBuffers.BLOCK + j] - targetV;
                    double dw = b.cmdOmega[o0 + t * RolloutBuffers.BLOCK + j] - targetW;
                    costs[k0 + j] += dv * dv + dw * dw;
                }
            }
        }
    }

    /** RMS distance of the plan's control sequence (the final mean) from (v*, ω*). */
    private static double distance(Plan out, double v, double w) {
        double s = 0;
        for (int t = 0; t < out.controlLength; t++) {
            double dv = out.controls[2 * t] - v;
            double dw = out.controls[2 * t + 1] - w;
            s += dv * dv + dw * dw;
        }
        return Math.sqrt(s / out.controlLength);
    }

    @Test
    void eliteRefitMovesTheMeanTowardTheOptimumEveryIteration() {
        // (v*, ω*) is reachable from rest within one step's acceleration limit, so the optimum is feasible.
        double v = 0.2;
        double w = -0.3;
        for (long seed : new long[] {1, 2, 3}) {
            // Without a σ floor the distribution keeps contracting. A planner with i iterations runs exactly the
            // first i iterations of one with i + 1 (same noise streams), so the i-th plan is the mean after i.
            CemConfig cfg = CemConfig.defaults().withPopulation(200, 20).withHorizon(20).withThreads(1).withSeed(seed)
                    .withSigma(0.5, 1.0, 0.0, 0.0);
            double previous = Math.hypot(v, w); // the cold mean u ≡ 0
            double previousSigma = Double.POSITIVE_INFINITY;
            for (int it = 1; it <= 5; it++) {
                try (CemPlanner p = new CemPlanner(new Unicycle(), cfg.withIterations(it),
                        new CriticSet(List.of(new QuadraticCritic(v, w))))) {
                    Plan out = new Plan(cfg.horizon(), 0);
                    p.plan(request(0, new double[] {0, 0, 0}, disc(3, 3)), out);
                    assertEquals(PlanStatus.OK, out.status);
                    assertTrue(!p.lastUsedBestSample(), "the mean of a convex cost's elites is itself feasible");
                    double d = distance(out, v, w);
                    double sigmaSum = 0;
                    for (int t = 0; t < cfg.horizon(); t++) {
                        sigmaSum += p.sigmaV(t) + p.sigmaOmega(t);
                    }
                    double sigma = sigmaSum;
                    int iteration = it;
                    double before = previous;
                    double sigmaBefore = previousSigma;
                    assertAll("seed " + seed + ", iteration " + it,
                            () -> assertTrue(d < before, "mean distance " + d + " after iteration " + iteration
                                    + " not below " + before),
                            () -> assertTrue(sigma < sigmaBefore, "Σσ " + sigma + " not below " + sigmaBefore));
                    previous = d;
                    previousSigma = sigma;
                }
            }
        }
    }

    @Test
    void sigmaNeverFallsBelowItsFloor() {
        // Floors just under the initial σ: any contraction reaches them within a few iterations.
        CemConfig cfg = CemConfig.defaults().withPopulation(200, 20).withHorizon(20).withThreads(1).withIterations(8)
                .withSigma(0.5, 1.0, 0.45, 0.9);
        try (CemPlanner p = new CemPlanner(new Unicycle(), cfg, new CriticSet(List.of(new QuadraticCritic(0.2, 0))))) {
            Plan out = new Plan(cfg.horizon(), 0);
            p.plan(request(0, new double[] {0, 0, 0}, disc(3, 3)), out);
            for (int t = 0; t < cfg.horizon(); t++) {
                assertEquals(0.45, p.sigmaV(t), 0.0, "step " + t);
                assertEquals(0.9, p.sigmaOmega(t), 0.0, "step " + t);
            }
        }
    }

    @Test
    void commandsSamplesAndPlanRespectTheBoundsAndAccelerationLimits() {
        CemConfig cfg = SMALL.withBounds(-0.2, 0.6, 0.5).withAccelBounds(2.0, 4.0);
        double dv = cfg.maxAccel() * cfg.dt();
        double dw = cfg.maxAlpha() * cfg.dt();
        try (CemPlanner p = new CemPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()))) {
            Plan out = new Plan(cfg.horizon(), 32);
            double[] x = {-4, 0, 2.0}; // facing away from the path: wants to turn hard and speed up
            double[] xn = new double[3];
            double pv = 0;
            double pw = 0;
            Unicycle u = new Unicycle();
            for (int c = 0; c < 20; c++) {
                p.plan(request(c * cfg.dt(), x, disc(0, 3)), out);
                assertEquals(PlanStatus.OK, out.status);
                double v = out.command[ControlIndex.V];
                double w = out.command[ControlIndex.OMEGA];
                assertTrue(v >= -0.2 - EPS && v <= 0.6 + EPS && Math.abs(w) <= 0.5 + EPS, "cycle " + c);
                assertTrue(Math.abs(v - pv) <= dv + EPS && Math.abs(w - pw) <= dw + EPS, "cycle " + c + " rate");
                for (int t = 0; t < out.controlLength; t++) {
                    assertTrue(out.controls[2 * t] >= -0.2 - EPS && out.controls[2 * t] <= 0.6 + EPS);
                    assertTrue(Math.abs(out.controls[2 * t + 1]) <= 0.5 + EPS);
                }
                RolloutBuffers b = p.buffers();
                for (int k = 0; k < cfg.population(); k++) {
                    double prevV = pv;
                    double prevW = pw;
                    for (int t = 0; t < cfg.horizon(); t++) {
                        double sv = b.cmdV[b.index(k, t)];
                        double sw = b.cmdOmega[b.index(k, t)];
                        assertTrue(sv >= -0.2 - EPS && sv <= 0.6 + EPS && Math.abs(sw) <= 0.5 + EPS);
                        assertTrue(Math.abs(sv - prevV) <= dv + EPS && Math.abs(sw - prevW) <= dw + EPS);
                        prevV = sv;
                        prevW = sw;
                    }
                }
                pv = v;
                pw = w;
                u.step(x, out.command, cfg.dt(), xn);
                System.arraycopy(xn, 0, x, 0, 3);
            }
        }
    }

    @Test
    void fillsThePlanWithTheMeanAndTheElites() {
        try (CemPlanner p = new CemPlanner(new Unicycle(), SMALL, CriticSet.defaults(CriticParams.defaults()))) {
            Plan out = new Plan(SMALL.horizon(), 64);
            p.plan(request(0, new double[] {-4, 0, 0}, disc(0, 3)), out);
            double sum = 0;
            for (int r = 0; r < out.rolloutCount; r++) {
                sum += out.rolloutWeights[r];
            }
            double total = sum;
            assertAll(
                    () -> assertEquals(PlanStatus.OK, out.status),
                    () -> assertEquals("cem", out.mode),
                    () -> assertEquals(SMALL.horizon() + 1, out.planLength),
                    () -> assertEquals(SMALL.horizon(), out.controlLength),
                    () -> assertEquals(SMALL.elites(), out.rolloutCount, "all elites fit in 64 slots"),
                    () -> assertEquals(1.0, total, 1e-12, "elites share the weight equally"),
                    () -> assertEquals(out.command[0], out.controls[0], 0.0, "the command is the plan's first control"),
                    () -> assertEquals(-4, out.planXY[0], 0.0),
                    () -> assertTrue(out.planXY[2 * SMALL.horizon()] > -4, "the plan moves toward the goal"),
                    () -> assertTrue(out.feasibleRollouts > 0 && Double.isFinite(out.bestCost)));
        }
    }

    /**
     * Two equally good ways round: cost (|ω̄| − 1)² on the sequence's mean yaw rate ω̄, and a "collision" when
     * |ω̄| &lt; {@link #BAND} (an obstacle dead ahead). Elites split between turning left and right, so their
     * average runs straight into it.
     */
    static final class EitherWayCritic implements Critic {
        static final double BAND = 0.4;

        @Override
        public String name() {
            return "either_way";
        }

        @Override
        public void score(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
            int o0 = b.blockOffset(k0);
            for (int j = 0; j < k1 - k0; j++) {
                double s = 0;
                for (int t = 0; t < b.horizon; t++) {
                    s += b.cmdOmega[o0 + t * RolloutBuffers.BLOCK + j];
                }
                double mean = Math.abs(s / b.horizon);
                costs[k0 + j] += (mean - 1) * (mean - 1);
                if (mean < BAND) {
                    b.collided[k0 + j] = 1;
                }
            }
        }
    }

    @Test
    void whenTheMeanOfSplitElitesCollidesTheBestSampleIsCommanded() {
        // One refit from the symmetric cold start (μ ≡ 0): the elites turn both ways.
        CemConfig cfg = CemConfig.defaults().withPopulation(256, 32).withIterations(1).withHorizon(20).withThreads(1);
        for (long seed : new long[] {1, 2, 3}) {
            try (CemPlanner p = new CemPlanner(new Unicycle(), cfg.withSeed(seed),
                    new CriticSet(List.of(new EitherWayCritic())))) {
                Plan out = new Plan(cfg.horizon(), 4);
                p.plan(request(0, new double[] {0, 0, 0}, disc(3, 3)), out);
                double s = 0;
                for (int t = 0; t < out.controlLength; t++) {
                    s += out.controls[2 * t + 1];
                }
                double meanOmega = Math.abs(s / out.controlLength);
                assertAll("seed " + seed,
                        () -> assertEquals(PlanStatus.OK, out.status),
                        () -> assertTrue(p.lastUsedBestSample(), "the elites' mean collides"),
                        () -> assertTrue(meanOmega >= EitherWayCritic.BAND, "the plan commanded is collision-free, |ω̄| = "
                                + meanOmega),
                        () -> assertEquals(out.controls[1], out.command[ControlIndex.OMEGA], 0.0));
            }
        }
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
    void nanModelAndBadStateStopSafely() {
        try (CemPlanner p = new CemPlanner(new NanModel(), SMALL, CriticSet.defaults(CriticParams.defaults()))) {
            Plan out = new Plan(SMALL.horizon(), 4);
            out.command[0] = 9;
            p.plan(request(0, new double[] {-4, 0, 0}, disc(0, 3)), out);
            assertEquals(PlanStatus.NON_FINITE, out.status);
            assertArrayEquals(new double[] {0, 0}, out.command, 0.0);
        }
        try (CemPlanner p = new CemPlanner(new Unicycle(), SMALL, CriticSet.defaults(CriticParams.defaults()))) {
            Plan out = new Plan(SMALL.horizon(), 4);
            p.plan(request(0, new double[] {Double.NaN, 0, 0}, disc(0, 3)), out);
            assertEquals(PlanStatus.BAD_STATE, out.status);
            assertArrayEquals(new double[] {0, 0}, out.command, 0.0);
        }
    }

    @Test
    void boxedInStopsWithNoCollisionFreeRollout() {
        // Robot inside a hole free only within 0.22 m of the origin and made to move forward at ≥ 0.5 m/s.
        int n = 60;
        double res = 0.1;
        double[] v = new double[n * n];
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                v[ix * n + iy] = 0.22 - Math.hypot(-3 + (ix + 0.5) * res, -3 + (iy + 0.5) * res);
            }
        }
        DistanceGrid g = new DistanceGrid(v, n, n, res, -3, -3);
        CemConfig cfg = SMALL.withBounds(0.5, 2.0, 3.0);
        try (CemPlanner p = new CemPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()))) {
            Plan out = new Plan(cfg.horizon(), 4);
            p.plan(new PlanRequest(0, new double[] {0, 0, 0}, () -> g, 4, 0, 0.5, null), out);
            assertEquals(PlanStatus.NO_COLLISION_FREE_ROLLOUT, out.status);
            assertArrayEquals(new double[] {0, 0}, out.command, 0.0);
        }
    }

    @Test
    void configErrorsNameTheFieldAndUnit() {
        CemConfig d = CemConfig.defaults();
        assertAll(
                () -> assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withPopulation(40, 50))
                        .getMessage().contains("elites")),
                () -> assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withHorizon(0))
                        .getMessage().contains("horizon")),
                () -> assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withMomentum(1.0))
                        .getMessage().contains("momentum")),
                () -> assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withSigma(0.01, 1.0, 0.05, 0.1))
                        .getMessage().contains("initialSigmaV must be finite and >= minSigmaV = 0.05 m/s")),
                () -> assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withAccelBounds(0, 1))
                        .getMessage().contains("maxAccel must be finite and > 0 m/s^2")),
                () -> assertEquals(2000, d.population() * d.iterations(), "as many rollouts per cycle as MPPI's default"));
    }
}
