package org.foresight.mpc.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.Planner;
import org.foresight.mpc.perception.MovingDiscs;
import org.foresight.mpc.perception.ObstacleField;
import org.junit.jupiter.api.Test;

/** The stall recovery in front of a planner that never moves the robot: when it backs up, when it must not. */
class RecoveringPlannerTest {
    private static final double DT = 0.05;
    private static final RecoveryConfig CFG = RecoveryConfig.defaults();
    private static final double HALF_LENGTH = 0.254;
    private static final double HALF_WIDTH = 0.215;

    /** Commands (0.1, 0) and counts its calls and resets. */
    private static final class Creeping implements Planner {
        int plans;
        int resets;

        @Override
        public String name() {
            return "creeping";
        }

        @Override
        public void reset() {
            resets++;
        }

        @Override
        public void plan(PlanRequest request, Plan out) {
            plans++;
            out.command[ControlIndex.V] = 0.1;
            out.command[ControlIndex.OMEGA] = 0.0;
            out.mode = "creeping";
        }
    }

    /** Free everywhere except, if {@code wallX} is finite, the half plane x &lt; wallX. */
    private static ObstacleField field(double wallX) {
        return HalfPlaneField.of(wallX);
    }

    /**
     * Plans {@code cycles} periods from a robot that moves {@code step} m east per cycle (heading east) and
     * returns the mode per cycle.
     */
    private static String[] run(RecoveringPlanner p, ObstacleField f, int cycles, double step, double goalX) {
        String[] modes = new String[cycles];
        Plan out = new Plan(10, 4);
        for (int c = 0; c < cycles; c++) {
            double[] x = {c * step, 0, 0};
            p.plan(new PlanRequest(c * DT, x, f, goalX, 0, 0.5, null), out);
            modes[c] = out.mode;
            if (out.mode.equals("recovery")) {
                assertEquals(-CFG.speed(), out.command[ControlIndex.V], 0.0, "cycle " + c);
                assertEquals(0.0, out.command[ControlIndex.OMEGA], 0.0, "cycle " + c);
            }
        }
        return modes;
    }

    private static int count(String[] modes, String mode) {
        int n = 0;
        for (String m : modes) {
            n += m.equals(mode) ? 1 : 0;
        }
        return n;
    }

    @Test
    void aStalledRobotBacksUpForTheRecoveryTimeThenTheInnerPlannerStartsAfresh() {
        Creeping inner = new Creeping();
        RecoveringPlanner p = new RecoveringPlanner(inner, CFG, HALF_LENGTH, HALF_WIDTH);
        int stall = (int) Math.round(CFG.stallTime() / DT);
        int back = (int) Math.round(CFG.time() / DT);
        String[] modes = run(p, field(Double.NaN), stall + back + 5, 0.0, 8);
        for (int c = 0; c < stall; c++) {
            assertEquals("creeping", modes[c], "no stall within the first stall time, cycle " + c);
        }
        for (int c = stall; c < stall + back; c++) {
            assertEquals("recovery", modes[c], "cycle " + c);
        }
        assertEquals("creeping", modes[stall + back], "the recovery lasts its time, then the planner plans");
        assertEquals(1, inner.resets, "the planner forgets its warm start once, when the recovery ends");
        assertEquals(stall + 5, inner.plans, "the planner is not asked while the robot backs up");
        assertEquals(1, p.recoveries());
    }

    @Test
    void aRobotMakingProgressOrAtItsGoalNeverRecovers() {
        int cycles = (int) Math.round(3 * CFG.stallTime() / DT);
        // 0.2 m in 3 s is a stall; 0.5 m is not
        double step = 0.5 / (CFG.stallTime() / DT);
        RecoveringPlanner moving = new RecoveringPlanner(new Creeping(), CFG, HALF_LENGTH, HALF_WIDTH);
        assertEquals(0, count(run(moving, field(Double.NaN), cycles, step, 100), "recovery"));
        RecoveringPlanner atGoal = new RecoveringPlanner(new Creeping(), CFG, HALF_LENGTH, HALF_WIDTH);
        assertEquals(0, count(run(atGoal, field(Double.NaN), cycles, 0.0, 0.3), "recovery"), "0.3 m from the goal, within its 0.5 m");
        RecoveringPlanner stalled = new RecoveringPlanner(new Creeping(), CFG, HALF_LENGTH, HALF_WIDTH);
        assertTrue(count(run(stalled, field(Double.NaN), cycles, 0.3 * step, 100), "recovery") > 0, "0.15 m in 3 s is a stall");
    }

    @Test
    void noRecoveryIntoAWallBehindAndEachBlockedAttemptRestartsThePlanner() {
        Creeping inner = new Creeping();
        RecoveringPlanner p = new RecoveringPlanner(inner, CFG, HALF_LENGTH, HALF_WIDTH);
        // the wall 0.3 m behind the rear edge's check line: x < -(0.254 + 0.15) + 0.03
        int cycles = (int) Math.round(2.5 * CFG.stallTime() / DT);
        String[] modes = run(p, field(-(HALF_LENGTH + StallRecovery.CHECK_DISTANCE) + 0.03), cycles, 0.0, 8);
        assertEquals(0, count(modes, "recovery"));
        assertEquals(cycles, inner.plans);
        assertEquals(2, p.recoveries(), "a stall is judged afresh over a whole stall time after each attempt");
        assertEquals(2, inner.resets);
        // the same with room behind backs up
        RecoveringPlanner room = new RecoveringPlanner(new Creeping(), CFG, HALF_LENGTH, HALF_WIDTH);
        assertTrue(count(run(room, field(-(HALF_LENGTH + StallRecovery.CHECK_DISTANCE) - 0.1), cycles, 0.0, 8),
                "recovery") > 0);
    }

    @Test
    void aMovingObstacleComingUpBehindBlocksTheBackUp() {
        int stall = (int) Math.round(CFG.stallTime() / DT);
        for (double vx : new double[] {0.0, 1.0}) {
            Creeping inner = new Creeping();
            RecoveringPlanner p = new RecoveringPlanner(inner, CFG, HALF_LENGTH, HALF_WIDTH);
            // a 0.25 m disc 1.2 m behind the robot, standing or closing at 1 m/s
            MovingDiscs m = new MovingDiscs();
            m.add(-1.2, 0, vx, 0, 0.25);
            Plan out = new Plan(10, 4);
            int backing = 0;
            for (int c = 0; c <= stall + 5; c++) {
                p.plan(new PlanRequest(c * DT, new double[] {0, 0, 0}, field(Double.NaN), 8, 0, 0.5, null, m), out);
                backing += out.mode.equals("recovery") ? 1 : 0;
            }
            if (vx == 0) {
                assertTrue(backing > 0, "a standing disc 0.8 m beyond the check line leaves room");
            } else {
                assertEquals(0, backing, "a disc closing at 1 m/s would meet the strip within the next second");
            }
        }
    }

    @Test
    void withMovingObstaclesTheRobotStandsStillForTheStartHoldFromItsFirstRequest() {
        RecoveryConfig cfg = CFG.withStartHold(1.5);
        int hold = (int) Math.round(cfg.startHold() / DT);
        for (double t0 : new double[] {0.0, 12.0}) {
            Creeping inner = new Creeping();
            RecoveringPlanner p = new RecoveringPlanner(inner, cfg, HALF_LENGTH, HALF_WIDTH);
            MovingDiscs none = new MovingDiscs(); // a world with moving obstacles, none tracked yet
            Plan out = new Plan(10, 4);
            for (int c = 0; c <= hold + 2; c++) {
                out.command[ControlIndex.V] = Double.NaN;
                p.plan(new PlanRequest(t0 + c * DT, new double[] {0, 0, 0}, field(Double.NaN), 8, 0, 0.5, null, none),
                        out);
                if (c < hold) {
                    assertEquals("hold", out.mode, "t0 = " + t0 + ", cycle " + c);
                    assertEquals(0.0, out.command[ControlIndex.V], 0.0);
                    assertEquals(0.0, out.command[ControlIndex.OMEGA], 0.0);
                    assertEquals(0, inner.plans, "the planner is not asked while the robot holds");
                } else {
                    assertEquals("creeping", out.mode, "t0 = " + t0 + ", cycle " + c);
                }
            }
            assertEquals(3, inner.plans);
            p.reset();
            p.plan(new PlanRequest(t0 + 100, new double[] {0, 0, 0}, field(Double.NaN), 8, 0, 0.5, null, none), out);
            assertEquals("hold", out.mode, "a reset starts a new hold");
        }
    }

    @Test
    void withoutMovingObstaclesOrWithAZeroHoldThereIsNoHold() {
        assertEquals(0.0, CFG.startHold(), 0.0, "off by default");
        Creeping inner = new Creeping();
        RecoveringPlanner p = new RecoveringPlanner(inner, CFG.withStartHold(1.5), HALF_LENGTH, HALF_WIDTH);
        String[] modes = run(p, field(Double.NaN), 5, 0.1, 8); // PlanRequest without movers: MovingDiscs.NONE
        assertEquals(5, count(modes, "creeping"), "a static world starts at once");
        RecoveringPlanner zero = new RecoveringPlanner(new Creeping(), CFG, HALF_LENGTH, HALF_WIDTH);
        Plan out = new Plan(10, 4);
        zero.plan(new PlanRequest(0, new double[] {0, 0, 0}, field(Double.NaN), 8, 0, 0.5, null, new MovingDiscs()), out);
        assertEquals("creeping", out.mode);
    }
}
