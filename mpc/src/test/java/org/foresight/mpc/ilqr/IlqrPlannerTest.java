package org.foresight.mpc.ilqr;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.DistanceGrid;
import org.foresight.mpc.perception.ObstacleField;
import org.junit.jupiter.api.Test;

/** Behaviour of the box-constrained iLQR planner on small synthetic scenes. */
class IlqrPlannerTest {
    private static final IlqrConfig CFG = IlqrConfig.defaults();
    /** Slack on bound checks [m/s or rad/s]: controls are clamped exactly, so none is needed beyond rounding. */
    private static final double BOUND_EPS = 1e-12;

    /** An open 12 m × 12 m area centred on the origin, with round obstacles of radius 0.5 m at (cx_i, cy_i). */
    static ObstacleField discs(double... centres) {
        int cells = 120;
        double res = 0.1;
        double[] v = new double[cells * cells];
        for (int ix = 0; ix < cells; ix++) {
            for (int iy = 0; iy < cells; iy++) {
                double px = -6 + (ix + 0.5) * res;
                double py = -6 + (iy + 0.5) * res;
                double d = 10.0;
                for (int k = 0; k < centres.length; k += 2) {
                    d = Math.min(d, Math.hypot(px - centres[k], py - centres[k + 1]) - 0.5);
                }
                v[ix * cells + iy] = d;
            }
        }
        DistanceGrid g = new DistanceGrid(v, cells, cells, res, -6, -6);
        return () -> g;
    }

    static PlanRequest request(double time, double[] state, ObstacleField f, double gx, double gy, GuidePath guide) {
        return new PlanRequest(time, state, f, gx, gy, 0.3, guide);
    }

    private static double minClearance(ObstacleField f, Plan p) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.planLength; i++) {
            min = Math.min(min, f.distance(p.planXY[2 * i], p.planXY[2 * i + 1]));
        }
        return min;
    }

    @Test
    void costNeverIncreasesOverIterationsFromRandomStarts() {
        SplittableRandom rnd = new SplittableRandom(7);
        ObstacleField f = discs(0.0, 0.3);
        IlqrConfig cfg = CFG.withConvergenceTolerance(0.0);
        Plan out = new Plan(cfg.horizon(), 0);
        for (int trial = 0; trial < 12; trial++) {
            double[] x = {-3 + rnd.nextDouble(), -1 + 2 * rnd.nextDouble(), Math.PI * (2 * rnd.nextDouble() - 1)};
            IlqrPlanner p = new IlqrPlanner(new Unicycle(), cfg);
            p.plan(request(0, x, f, 3, 0, null), out);
            double[] h = p.costHistory();
            assertTrue(h.length >= 2, "trial " + trial + ": at least one iteration ran");
            for (int i = 1; i < h.length; i++) {
                assertTrue(h[i] <= h[i - 1], "trial " + trial + ": cost rose at iteration " + i + ": "
                        + java.util.Arrays.toString(h));
            }
            assertTrue(h[h.length - 1] < h[0], "trial " + trial + ": the iterations reduced the cost");
        }
    }

    @Test
    void controlsStayInsideTheBoxEvenWhenTheyWantMore() {
        IlqrConfig cfg = CFG.withBounds(-0.2, 0.4, 0.5).withReferenceSpeed(2.0);
        IlqrPlanner p = new IlqrPlanner(new Unicycle(), cfg);
        Plan out = new Plan(cfg.horizon(), 4);
        // Goal behind and to the side: the unconstrained optimum turns and speeds harder than the box allows.
        double[] x = {0, 0, 0};
        boolean saturated = false;
        for (int c = 0; c < 20; c++) {
            p.plan(request(c * cfg.dt(), x, discs(), -4, 3, null), out);
            assertEquals(PlanStatus.OK, out.status);
            for (int t = 0; t < out.controlLength; t++) {
                double v = out.controls[2 * t];
                double w = out.controls[2 * t + 1];
                assertTrue(v >= -0.2 - BOUND_EPS && v <= 0.4 + BOUND_EPS, "v " + v + " at step " + t);
                assertTrue(Math.abs(w) <= 0.5 + BOUND_EPS, "omega " + w + " at step " + t);
                saturated |= Math.abs(w) >= 0.5 - 1e-9 || v >= 0.4 - 1e-9;
            }
            double[] xn = new double[3];
            new Unicycle().step(x, out.command, cfg.dt(), xn);
            x = xn;
        }
        assertTrue(saturated, "the box was active somewhere, so the test exercised the constraint");
    }

    /** Drives a unicycle plant with the planner; returns the final state. */
    private static double[] drive(IlqrPlanner p, DynamicsModel plant, double[] start, ObstacleField f, double gx,
                                  double gy, GuidePath guide, int cycles, double[] minPlanClearance) {
        IlqrConfig cfg = p.config();
        Plan out = new Plan(cfg.horizon(), 4);
        double[] x = start.clone();
        double[] xn = new double[x.length];
        for (int c = 0; c < cycles; c++) {
            p.plan(request(c * cfg.dt(), x, f, gx, gy, guide), out);
            if (out.status == PlanStatus.OK && minPlanClearance != null) {
                minPlanClearance[0] = Math.min(minPlanClearance[0], minClearance(f, out));
            }
            plant.step(x, out.command, cfg.dt(), xn);
            System.arraycopy(xn, 0, x, 0, x.length);
            if (minPlanClearance != null && minPlanClearance.length > 1) {
                minPlanClearance[1] = Math.min(minPlanClearance[1], f.distance(x[0], x[1]));
            }
            if (Math.hypot(x[0] - gx, x[1] - gy) < 0.2) {
                break;
            }
        }
        return x;
    }

    @Test
    void inAFreeFieldItDrivesToTheGoal() {
        IlqrPlanner p = new IlqrPlanner(new Unicycle(), CFG);
        double[] end = drive(p, new Unicycle(), new double[] {-3, -1, Math.PI / 2}, discs(), 3, 2, null, 200, null);
        assertTrue(Math.hypot(end[0] - 3, end[1] - 2) < 0.3, "ended at " + end[0] + ", " + end[1]);
    }

    @Test
    void aVelocityStateModelWithFiniteDifferenceJacobiansAlsoReachesTheGoal() {
        DynamicsModel jackal = new JackalDiffDrive(JackalParams.defaults().withoutNoise());
        IlqrPlanner p = new IlqrPlanner(jackal, CFG.withFiniteDifferenceJacobians(true));
        assertFalse(p.usesAnalyticJacobians());
        double[] end = drive(p, jackal, new double[] {-3, 0, 0, 0, 0}, discs(), 3, 1, null, 200, null);
        assertTrue(Math.hypot(end[0] - 3, end[1] - 1) < 0.3, "ended at " + end[0] + ", " + end[1]);
    }

    @Test
    void anObstacleOnTheStraightLineIsPassedAroundNeverThrough() {
        ObstacleField f = discs(0.0, 0.15);
        IlqrPlanner p = new IlqrPlanner(new Unicycle(), CFG);
        // First plan: bends around the disc with clearance near the barrier's margin.
        Plan out = new Plan(CFG.horizon(), 4);
        p.plan(request(0, new double[] {-1.5, 0, 0}, f, 3, 0, null), out);
        assertEquals(PlanStatus.OK, out.status);
        double first = minClearance(f, out);
        assertTrue(first > CFG.obstacleMargin() - 0.1, "first plan's clearance " + first + " m");
        // Closed loop: every accepted plan and the driven path keep clear; the robot gets past.
        double[] clear = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] end = drive(new IlqrPlanner(new Unicycle(), CFG), new Unicycle(), new double[] {-3, 0, 0}, f, 3, 0,
                null, 300, clear);
        assertAll(
                () -> assertTrue(clear[0] >= CFG.safetyRadius(), "min plan clearance " + clear[0]),
                () -> assertTrue(clear[1] > CFG.obstacleMargin() - 0.1, "min driven clearance " + clear[1]),
                () -> assertTrue(end[0] > 2.5, "got past the disc: x = " + end[0]));
    }

    @Test
    void aPlanThatWouldCollideFallsBackToAStopAndSaysSo() {
        // No barrier: tracking alone drives straight into the disc, so the safety check must catch it.
        IlqrConfig cfg = CFG.withObstacle(0.0, 0.35);
        IlqrPlanner p = new IlqrPlanner(new Unicycle(), cfg);
        Plan out = new Plan(cfg.horizon(), 4);
        p.plan(request(0, new double[] {-1.2, 0, 0}, discs(0.0, 0.0), 3, 0, null), out);
        assertAll(
                () -> assertEquals(PlanStatus.NO_COLLISION_FREE_ROLLOUT, out.status),
                () -> assertEquals(IlqrPlanner.FALLBACK_MODE, out.mode),
                () -> assertTrue(p.fellBack()),
                () -> assertEquals(0.0, out.command[ControlIndex.V]),
                () -> assertEquals(0.0, out.command[ControlIndex.OMEGA]),
                () -> assertEquals(0, out.planLength));
    }

    @Test
    void sameInputsGiveBitIdenticalCommands() {
        ObstacleField f = discs(0.0, 0.3, 1.5, -1.4);
        GuidePath guide = new GuidePath(new double[] {-3, 0, 0, -1.2, 3, 0});
        double[][] a = commands(f, guide);
        double[][] b = commands(f, guide);
        for (int c = 0; c < a.length; c++) {
            assertArrayEquals(a[c], b[c], 0.0, "cycle " + c);
        }
    }

    private static double[][] commands(ObstacleField f, GuidePath guide) {
        IlqrPlanner p = new IlqrPlanner(new Unicycle(), CFG);
        Plan out = new Plan(CFG.horizon(), 4);
        double[] x = {-3, 0, 0};
        double[] xn = new double[3];
        double[][] cmds = new double[40][];
        for (int c = 0; c < cmds.length; c++) {
            p.plan(request(c * CFG.dt(), x, f, 3, 0, guide), out);
            cmds[c] = out.command.clone();
            new Unicycle().step(x, out.command, CFG.dt(), xn);
            System.arraycopy(xn, 0, x, 0, 3);
        }
        return cmds;
    }

    @Test
    void followsAGuideAroundObstacles() {
        ObstacleField f = discs(0.0, 0.3, 1.5, -1.4);
        GuidePath guide = new GuidePath(new double[] {-3, 0, 0, -1.2, 3, 0});
        double[] clear = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] end = drive(new IlqrPlanner(new Unicycle(), CFG), new Unicycle(), new double[] {-3, 0, 0}, f, 3, 0,
                guide, 300, clear);
        assertAll(
                () -> assertTrue(Math.hypot(end[0] - 3, end[1]) < 0.3, "ended at " + end[0] + ", " + end[1]),
                () -> assertTrue(clear[1] > CFG.safetyRadius(), "min driven clearance " + clear[1]));
    }

    @Test
    void badStateStopsWithoutThrowing() {
        IlqrPlanner p = new IlqrPlanner(new Unicycle(), CFG);
        Plan out = new Plan(CFG.horizon(), 4);
        p.plan(request(0, new double[] {Double.NaN, 0, 0}, discs(), 3, 0, null), out);
        assertAll(
                () -> assertEquals(PlanStatus.BAD_STATE, out.status),
                () -> assertEquals(0.0, out.command[ControlIndex.V]),
                () -> assertEquals(0.0, out.command[ControlIndex.OMEGA]));
    }

    @Test
    void analyticJacobiansAreUsedWhenTheModelHasThem() {
        assertTrue(new IlqrPlanner(new Unicycle(), CFG).usesAnalyticJacobians());
        assertFalse(new IlqrPlanner(new Unicycle(), CFG.withFiniteDifferenceJacobians(true)).usesAnalyticJacobians());
    }

    @Test
    void planningAllocatesNothingOnceWarm() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean mx && mx.isThreadAllocatedMemorySupported(),
                "this JVM cannot count allocated bytes per thread");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        long id = Thread.currentThread().getId();
        IlqrPlanner p = new IlqrPlanner(new Unicycle(), CFG);
        Plan out = new Plan(CFG.horizon(), 16);
        PlanRequest req = request(0, new double[] {-3, 0, 0}, discs(0.0, 0.3), 3, 0,
                new GuidePath(new double[] {-3, 0, 0, -1.2, 3, 0}));
        for (int c = 0; c < 200; c++) {
            p.plan(req, out);
        }
        assertEquals(PlanStatus.OK, out.status);
        long start = mx.getThreadAllocatedBytes(id);
        for (int c = 0; c < 100; c++) {
            p.plan(req, out);
        }
        long used = mx.getThreadAllocatedBytes(id) - start;
        assertTrue(used <= 900, used + " bytes over 100 planning cycles");
    }

    @Test
    void configRejectsBadValuesNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CFG.withHorizon(0));
        assertTrue(e.getMessage().contains("horizon") && e.getMessage().contains("steps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CFG.withObstacle(1.0, 0.1));
        assertTrue(e.getMessage().contains("safetyRadius") && e.getMessage().contains(" m"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CFG.withBounds(1.0, 0.5, 1.0));
        assertTrue(e.getMessage().contains("minV/maxV"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CFG.withReferenceSpeed(-1));
        assertTrue(e.getMessage().contains("referenceSpeed") && e.getMessage().contains("m/s"), e.getMessage());
    }
}
