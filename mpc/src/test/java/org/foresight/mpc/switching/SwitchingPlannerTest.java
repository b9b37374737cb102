package org.foresight.mpc.switching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.ObstacleField;
import org.junit.jupiter.api.Test;

/** The switching planner in closed loop over the unicycle: modes bound the commands, stalls trigger recovery. */
class SwitchingPlannerTest {
    private static final MppiConfig MPPI = MppiConfig.defaults().withSamples(256).withHorizon(30).withThreads(1)
            .withSeed(7);
    private static final SwitchingConfig CFG = SwitchingConfig.defaults();
    private static final GuidePath EAST = new GuidePath(new double[] {-4, 0, 4, 0});

    private static SwitchingPlanner planner(int threads) {
        return new SwitchingPlanner(new Unicycle(), MPPI.withThreads(threads), CriticParams.defaults(), CFG);
    }

    /** Drives the unicycle east for {@code cycles} periods; returns commands and the mode per cycle. */
    private static Object[] drive(SwitchingPlanner p, ObstacleField f, int cycles) {
        double[][] cmds = new double[cycles][];
        String[] modes = new String[cycles];
        Plan out = new Plan(MPPI.horizon(), 4);
        double[] x = {-3.5, 0, 0};
        double[] xn = new double[3];
        Unicycle u = new Unicycle();
        for (int c = 0; c < cycles; c++) {
            p.plan(new PlanRequest(c * MPPI.dt(), x, f, 4, 0, 0.3, EAST), out);
            cmds[c] = out.command.clone();
            modes[c] = out.mode;
            u.step(x, out.command, MPPI.dt(), xn);
            System.arraycopy(xn, 0, x, 0, 3);
        }
        return new Object[] {cmds, modes};
    }

    @Test
    void everyCommandKeepsItsModesSpeedBoundsAndOpenSpaceReachesOpenMode() {
        try (SwitchingPlanner p = planner(1)) {
            Object[] r = drive(p, ModeSelectorTest.wallBelow(-0.9), 60);
            double[][] cmds = (double[][]) r[0];
            String[] modes = (String[]) r[1];
            boolean sawOpen = false;
            for (int c = 0; c < cmds.length; c++) {
                DrivingMode m = DrivingMode.valueOf(modes[c].toUpperCase(java.util.Locale.ROOT));
                sawOpen |= m == DrivingMode.OPEN;
                ModeLimits l = CFG.limits(m);
                double v = cmds[c][ControlIndex.V];
                assertTrue(v >= l.minV() - 1e-12 && v <= l.maxV() + 1e-12, "cycle " + c + " " + m + " v = " + v);
            }
            assertTrue(sawOpen, "0.9 m along the path is clear: open mode expected once upshifted");
        }
    }

    @Test
    void sameSeedGivesBitIdenticalCommandsForOneAndTwoThreads() {
        ObstacleField f = ModeSelectorTest.wallBelow(-0.4);
        double[][] one;
        double[][] two;
        try (SwitchingPlanner p = planner(1)) {
            one = (double[][]) drive(p, f, 30)[0];
        }
        try (SwitchingPlanner p = planner(2)) {
            two = (double[][]) drive(p, f, 30)[0];
        }
        for (int c = 0; c < one.length; c++) {
            assertArrayEquals(one[c], two[c], 0.0, "cycle " + c);
        }
    }

    @Test
    void aRobotThatMakesNoProgressBacksUpThenPlansAfresh() {
        ObstacleField f = ModeSelectorTest.wallBelow(-3.0);
        try (SwitchingPlanner p = planner(1)) {
            Plan out = new Plan(MPPI.horizon(), 0);
            double[] stuck = {-3.5, 0, 0}; // the measurement never changes: the robot is held in place
            int stallCycles = (int) Math.round(CFG.stallTime() / MPPI.dt());
            for (int c = 0; c < stallCycles; c++) {
                p.plan(new PlanRequest(c * MPPI.dt(), stuck, f, 4, 0, 0.3, EAST), out);
                assertNotEquals("recovery", out.mode, "cycle " + c);
            }
            p.plan(new PlanRequest(stallCycles * MPPI.dt(), stuck, f, 4, 0, 0.3, EAST), out);
            assertEquals("recovery", out.mode);
            assertEquals(PlanStatus.OK, out.status);
            assertEquals(-CFG.recoverySpeed(), out.command[ControlIndex.V], 0.0);
            assertEquals(0.0, out.command[ControlIndex.OMEGA], 0.0);
            int recoveryCycles = (int) Math.round(CFG.recoveryTime() / MPPI.dt()) + 1;
            p.plan(new PlanRequest((stallCycles + recoveryCycles) * MPPI.dt(), stuck, f, 4, 0, 0.3, EAST), out);
            assertNotEquals("recovery", out.mode, "recovery ends after recoveryTime");
        }
    }

    @Test
    void noRecoveryIntoAnObstacleBehind() {
        // Obstacle everywhere x < -3.6: the strip behind a robot at x = -3.5 facing +x is blocked.
        ObstacleField f = ModeSelectorTest.rotated(ModeSelectorTest.wallBelow(-3.6));
        try (SwitchingPlanner p = planner(1)) {
            Plan out = new Plan(MPPI.horizon(), 0);
            double[] stuck = {-3.2, 0, 0};
            int cycles = (int) Math.round(2 * CFG.stallTime() / MPPI.dt());
            for (int c = 0; c < cycles; c++) {
                p.plan(new PlanRequest(c * MPPI.dt(), stuck, f, 4, 0, 0.3, EAST), out);
                assertNotEquals("recovery", out.mode, "cycle " + c);
            }
        }
    }
}
