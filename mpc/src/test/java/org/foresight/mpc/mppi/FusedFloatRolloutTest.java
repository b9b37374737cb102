package org.foresight.mpc.mppi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.EulerUnicycle;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.critic.FusedCosts;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.DistanceGrid;
import org.foresight.mpc.perception.MovingDiscs;
import org.foresight.mpc.perception.ObstacleField;
import org.junit.jupiter.api.Test;

/**
 * {@link RolloutKernel#FUSED_FLOAT} against {@link RolloutKernel#GENERIC} on a cluttered field: the same sample
 * costs to float rounding, commands within a bound over a driven run, identical commands for any thread count,
 * the generic path in a cycle it cannot fuse, and one clear refusal for what it cannot fuse; for the unicycle (both
 * integrations) and a body-frame model ({@link LaggedBodyFrame}, the form of a learned linear model).
 */
class FusedFloatRolloutTest {
    /** The critics the kernel fuses: the defaults without the path, moving-obstacle and spread terms. */
    private static final List<String> FUSABLE = List.of("obstacle", "goal", "control_effort", "control_rate",
            "prefer_forward", "speed");

    /**
     * 12 m × 12 m at 0.1 m around the origin: a ring of five discs (0.2–0.25 m) 0.7–0.9 m around (−4, 0), open
     * behind, and 40 random discs of 0.15–0.45 m elsewhere (none within 1.2 m of (−4, 0)).
     */
    static ObstacleField clutter() {
        int n = 120;
        double res = 0.1;
        double[] v = new double[n * n];
        java.util.Arrays.fill(v, 10.0);
        Random r = new Random(5);
        double[][] ring = {{-3.2, 0.0, 0.25}, {-3.4, 0.7, 0.25}, {-3.4, -0.7, 0.25}, {-4.0, 0.9, 0.2}, {-4.0, -0.9, 0.2}};
        for (int o = 0; o < 45; o++) {
            double cx = o < 5 ? ring[o][0] : -6 + 12 * r.nextDouble();
            double cy = o < 5 ? ring[o][1] : -6 + 12 * r.nextDouble();
            if (o >= 5 && Math.hypot(cx + 4, cy) < 1.2) {
                continue;
            }
            double rad = o < 5 ? ring[o][2] : 0.15 + 0.3 * r.nextDouble();
            for (int ix = 0; ix < n; ix++) {
                for (int iy = 0; iy < n; iy++) {
                    double d = Math.hypot(-6 + (ix + 0.5) * res - cx, -6 + (iy + 0.5) * res - cy) - rad;
                    v[ix * n + iy] = Math.min(v[ix * n + iy], d);
                }
            }
        }
        DistanceGrid g = new DistanceGrid(v, n, n, res, -6, -6);
        return () -> g;
    }

    private static PlanRequest request(double[] state, ObstacleField f) {
        return new PlanRequest(0, state, f, 4, 0, 0.5, new GuidePath(new double[] {-4, 0, 4, 0}));
    }

    private static MppiPlanner planner(DynamicsModel model, int threads, RolloutKernel kernel) {
        MppiConfig cfg = MppiConfig.defaults().withThreads(threads).withSeed(4);
        return new MppiPlanner(model, cfg, CriticSet.fromNames(FUSABLE, CriticParams.defaults()), kernel);
    }

    /**
     * Per-sample costs and collision flags of both kernels after six identical cycles, for both integrations and
     * three cost sets: the fusable defaults with the goal out of reach (inactive), the same with the goal 1.7 m
     * away (active, charged every step), and the parity benchmark's set (one circle, the goal at the last step).
     */
    @Test
    void sampleCostsMatchTheGenericKernelToFloatRounding() {
        double t = 56;
        CriticSet parity = new CriticSet(List.of(
                new org.foresight.mpc.critic.ObstacleCritic(1000.0, 20.0 * t * 0.25 * 0.25, 0.25, new double[] {0.0}, 0.25, 0.0),
                new org.foresight.mpc.critic.ControlEffortCritic(0.1 * t, 0.05 * t),
                new org.foresight.mpc.critic.PreferForwardCritic(0.02 * t),
                new org.foresight.mpc.critic.GoalCritic(5.0, 1000.0, true)));
        CriticSet fusable = CriticSet.fromNames(FUSABLE, CriticParams.defaults());
        CriticSet defaults = CriticSet.defaults(CriticParams.defaults());
        for (DynamicsModel model : new DynamicsModel[] {new Unicycle(), new EulerUnicycle(), new LaggedBodyFrame()}) {
            compareCosts(model, fusable, 4, 0, "goal inactive");
            compareCosts(model, fusable, -2.8, 1.2, "goal per step");
            compareCosts(model, parity, -2.8, 1.2, "parity terms");
            compareCosts(model, defaults, 4, 0, "all default critics");
        }
    }

    private static void compareCosts(DynamicsModel model, CriticSet critics, double goalX, double goalY, String what) {
        ObstacleField f = clutter();
        MppiConfig cfg = MppiConfig.defaults().withThreads(2).withSeed(4);
        String label = model.describe() + ", " + what;
        try (MppiPlanner generic = new MppiPlanner(model, cfg, critics, RolloutKernel.GENERIC);
             MppiPlanner fused = new MppiPlanner(model, cfg, critics, RolloutKernel.FUSED_FLOAT)) {
            PlanRequest req = new PlanRequest(0, new double[] {-4, 0, 0.3}, f, goalX, goalY, 0.5,
                    new GuidePath(new double[] {-4, 0, 4, 0}));
            Plan a = new Plan(56, 0);
            Plan b = new Plan(56, 0);
            for (int cycle = 0; cycle < 6; cycle++) { // a warm start that reaches the ring
                generic.plan(req, a);
                fused.plan(req, b);
            }
            RolloutBuffers g = generic.buffers();
            RolloutBuffers u = fused.buffers();
            int samples = cfg.samples();
            int flagsDiffer = 0;
            int collided = 0;
            double worst = 0;
            for (int k = 0; k < samples; k++) {
                collided += g.collided[k];
                if (g.collided[k] != u.collided[k]) {
                    flagsDiffer++;
                    continue;
                }
                worst = Math.max(worst, Math.abs(g.costs[k] - u.costs[k]) / (1 + Math.abs(g.costs[k])));
            }
            System.out.printf("%s: %d of %d rollouts collide, %d flags differ, relative cost difference %.2e%n",
                    label, collided, samples, flagsDiffer, worst);
            assertTrue(collided >= 10 && collided <= samples - 10,
                    label + ": the scene should make some rollouts collide and not others, got " + collided);
            assertTrue(flagsDiffer <= samples / 200, label + ": " + flagsDiffer
                    + " collision flags differ (rounding can flip a sample at the threshold, not many)");
            assertTrue(worst < 1e-4, label + ": relative cost difference " + worst);
        }
    }

    @Test
    void commandsStayCloseToTheGenericKernelsOverADrivenRun() {
        commandsStayClose(new Unicycle(), FUSABLE, new double[] {-4, 0, 0.3});
        commandsStayClose(new LaggedBodyFrame(), CriticParams.DEFAULT_CRITICS, new double[] {-4, 0, 0.3, 0, 0});
    }

    private static void commandsStayClose(DynamicsModel model, List<String> critics, double[] start) {
        ObstacleField f = clutter();
        MppiConfig cfg = MppiConfig.defaults().withThreads(2).withSeed(4);
        CriticSet set = CriticSet.fromNames(critics, CriticParams.defaults());
        try (MppiPlanner generic = new MppiPlanner(model, cfg, set, RolloutKernel.GENERIC);
             MppiPlanner fused = new MppiPlanner(model, cfg, set, RolloutKernel.FUSED_FLOAT)) {
            double[] x = start.clone();
            double[] next = new double[x.length];
            Plan a = new Plan(56, 0);
            Plan b = new Plan(56, 0);
            double worstV = 0;
            double worstW = 0;
            for (int cycle = 0; cycle < 40; cycle++) {
                PlanRequest req = new PlanRequest(cycle * 0.05, x.clone(), f, 4, 0, 0.5,
                        new GuidePath(new double[] {-4, 0, 4, 0}));
                generic.plan(req, a);
                fused.plan(req, b);
                worstV = Math.max(worstV, Math.abs(a.command[0] - b.command[0]));
                worstW = Math.max(worstW, Math.abs(a.command[1] - b.command[1]));
                model.step(x, a.command, 0.05, next); // both planners see the generic one's run
                System.arraycopy(next, 0, x, 0, x.length);
            }
            System.out.printf("%s, fused vs generic over 40 cycles: |dv| <= %.1e m/s, |dw| <= %.1e rad/s%n",
                    model.describe(), worstV, worstW);
            assertTrue(worstV < 0.01, "cmd_v differs by " + worstV + " m/s");
            assertTrue(worstW < 0.02, "cmd_omega differs by " + worstW + " rad/s");
        }
    }

    @Test
    void sameCommandsForAnyThreadCount() {
        ObstacleField f = clutter();
        assertArrayEquals(commands(1, false, f), commands(3, false, f), 0.0);
        try (MppiPlanner one = bodyFramePlanner(1); MppiPlanner three = bodyFramePlanner(3)) {
            Plan a = new Plan(56, 0);
            Plan b = new Plan(56, 0);
            for (int cycle = 0; cycle < 10; cycle++) {
                PlanRequest req = request(new double[] {-4 + 0.05 * cycle, 0, 0.3, 0.5, 0.1}, f);
                one.plan(req, a);
                three.plan(req, b);
                assertArrayEquals(a.command, b.command, 0.0, "cycle " + cycle);
            }
        }
    }

    private static MppiPlanner bodyFramePlanner(int threads) {
        MppiConfig cfg = MppiConfig.defaults().withThreads(threads).withSeed(4);
        return new MppiPlanner(new LaggedBodyFrame(), cfg, CriticSet.defaults(CriticParams.defaults()),
                RolloutKernel.FUSED_FLOAT);
    }

    /**
     * A moving disc within the dynamic_obstacle critic's reach cannot be fused: those cycles run the generic path,
     * so the fused planner commands exactly what the generic one does.
     */
    @Test
    void aCycleWithAMovingDiscInReachRunsTheGenericPath() {
        ObstacleField f = clutter();
        MppiConfig cfg = MppiConfig.defaults().withThreads(2).withSeed(4);
        CriticSet a = CriticSet.defaults(CriticParams.defaults());
        CriticSet b = CriticSet.defaults(CriticParams.defaults());
        MovingDiscs movers = new MovingDiscs();
        movers.add(-2.5, 0.3, -0.5, 0.0, 0.3);
        try (MppiPlanner generic = new MppiPlanner(new LaggedBodyFrame(), cfg, a, RolloutKernel.GENERIC);
             MppiPlanner fused = new MppiPlanner(new LaggedBodyFrame(), cfg, b, RolloutKernel.FUSED_FLOAT)) {
            Plan pa = new Plan(56, 0);
            Plan pb = new Plan(56, 0);
            for (int cycle = 0; cycle < 5; cycle++) {
                PlanRequest req = new PlanRequest(cycle * 0.05, new double[] {-4 + 0.05 * cycle, 0, 0.3, 0.5, 0}, f, 4,
                        0, 0.5, new GuidePath(new double[] {-4, 0, 4, 0}), movers);
                generic.plan(req, pa);
                fused.plan(req, pb);
                assertArrayEquals(pa.command, pb.command, 0.0, "cycle " + cycle);
            }
            assertFalse(FusedCosts.of(b).fusableThisCycle(), "the disc is in reach");
        }
    }

    @Test
    void noiseDrawnAheadGivesTheSameCommandsAsNoiseDrawnInline() {
        ObstacleField f = clutter();
        // ahead: read in float from its own rows; inline: converted per chunk
        assertArrayEquals(commands(2, false, f), commands(2, true, f), 0.0);
    }

    /** The commands of 10 cycles of a fused planner along a line through the ring. */
    private static double[] commands(int threads, boolean ahead, ObstacleField f) {
        try (MppiPlanner p = planner(new Unicycle(), threads, RolloutKernel.FUSED_FLOAT)) {
            double[] cmds = new double[20];
            Plan out = new Plan(56, 0);
            for (int cycle = 0; cycle < 10; cycle++) {
                if (ahead) {
                    p.presampleNoise();
                }
                p.plan(request(new double[] {-4 + 0.05 * cycle, 0, 0.3}, f), out);
                cmds[2 * cycle] = out.command[0];
                cmds[2 * cycle + 1] = out.command[1];
            }
            return cmds;
        }
    }

    @Test
    void refusesWhatItCannotFuseInOneLine() {
        MppiConfig cfg = MppiConfig.defaults().withThreads(1);
        CriticSet fusable = CriticSet.fromNames(FUSABLE, CriticParams.defaults());
        IllegalArgumentException model = assertThrows(IllegalArgumentException.class, () -> new MppiPlanner(
                new JackalDiffDrive(JackalParams.defaults().withoutNoise()), cfg, fusable, RolloutKernel.FUSED_FLOAT));
        assertTrue(model.getMessage().contains("unicycle-kinematics"), model.getMessage());
        CriticParams doubt = org.foresight.mpc.config.PlannerConfig.defaults().withSet("critics.spread.weight=30").critics();
        IllegalArgumentException critic = assertThrows(IllegalArgumentException.class, () -> new MppiPlanner(
                new Unicycle(), cfg, CriticSet.defaults(doubt), RolloutKernel.FUSED_FLOAT));
        assertTrue(critic.getMessage().contains("[spread]"), critic.getMessage());
        IllegalArgumentException bound = assertThrows(IllegalArgumentException.class, () -> new MppiPlanner(
                new Unicycle(), cfg.withBounds(-0.5, 2.0, 40.0), fusable, RolloutKernel.FUSED_FLOAT));
        assertTrue(bound.getMessage().contains("maxOmega"), bound.getMessage());
        assertEquals(1, critic.getMessage().lines().count());
    }
}
