package org.foresight.mpc.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.Planner;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.ObstacleField;
import org.junit.jupiter.api.Test;

/**
 * The spin of the stall recovery: a stalled robot facing away from the way on turns in place towards it, by the
 * shorter side, when it has room; without room, or facing the way on, it backs up as before.
 */
class StallSpinTest {
    private static final double DT = 0.05;
    private static final RecoveryConfig CFG = RecoveryConfig.defaults();
    private static final double HALF_LENGTH = 0.254;
    private static final double HALF_WIDTH = 0.215;

    /** Never moves the robot: commands (0, 0). */
    private static final class Standing implements Planner {
        int resets;

        @Override
        public String name() {
            return "standing";
        }

        @Override
        public void reset() {
            resets++;
        }

        @Override
        public void plan(PlanRequest request, Plan out) {
            out.command[ControlIndex.V] = 0.0;
            out.command[ControlIndex.OMEGA] = 0.0;
            out.mode = "standing";
        }
    }

    /** Free everywhere except, if {@code wallX} is finite, the half plane x &lt; wallX. */
    private static ObstacleField field(double wallX) {
        return HalfPlaneField.of(wallX);
    }

    /** The commands of each cycle of a robot at the origin that turns by the commanded ω (and never moves). */
    private static List<double[]> run(Planner p, ObstacleField f, double heading, GuidePath guide, int cycles) {
        List<double[]> commands = new ArrayList<>();
        Plan out = new Plan(10, 4);
        double theta = heading;
        for (int c = 0; c < cycles; c++) {
            p.plan(new PlanRequest(c * DT, new double[] {0, 0, theta}, f, 8, 0, 0.5, guide), out);
            double w = out.command[ControlIndex.OMEGA];
            commands.add(new double[] {out.command[ControlIndex.V], w, out.mode.equals("recovery") ? 1 : 0, theta});
            theta += w * DT;
        }
        return commands;
    }

    private static int stallCycles() {
        return (int) Math.round(CFG.stallTime() / DT);
    }

    @Test
    void aRobotFacingAwayFromTheGoalSpinsTheShorterWayUntilItFacesItThenPlansAfresh() {
        for (double heading : new double[] {2.8, -2.8}) { // the goal is east, at θ = 0
            Standing inner = new Standing();
            RecoveringPlanner p = new RecoveringPlanner(inner, CFG, HALF_LENGTH, HALF_WIDTH);
            List<double[]> cmds = run(p, field(Double.NaN), heading, null, stallCycles() + 80);
            int first = stallCycles();
            double sign = -Math.signum(heading);
            int spun = 0;
            for (int c = first; c < cmds.size() && cmds.get(c)[2] == 1; c++) {
                assertEquals(0.0, cmds.get(c)[0], 0.0, "a spin does not drive, cycle " + c);
                assertEquals(sign * StallRecovery.SPIN_RATE, cmds.get(c)[1], 0.0, "the shorter way, cycle " + c);
                spun++;
            }
            double end = cmds.get(first + spun)[3];
            assertTrue(Math.abs(end) < StallRecovery.SPIN_DONE, "ends facing the goal: " + end);
            assertTrue(Math.abs(end) > StallRecovery.SPIN_DONE - StallRecovery.SPIN_RATE * DT - 1e-9,
                    "and no later than needed: " + end);
            assertEquals(1, inner.resets, "the planner starts afresh once the spin ends");
            assertEquals(1, p.recoveries());
        }
    }

    @Test
    void theWayOnFollowsTheGuideNotTheStraightLineToTheGoal() {
        // facing the goal (east), but the guide leads west first, round something the map holds
        GuidePath west = new GuidePath(new double[] {0, 0, -2, 0, -2, 3, 8, 3, 8, 0});
        List<double[]> cmds = run(new RecoveringPlanner(new Standing(), CFG, HALF_LENGTH, HALF_WIDTH),
                field(Double.NaN), 0.0, west, stallCycles() + 5);
        double[] c = cmds.get(stallCycles());
        assertEquals(1, c[2], 0.0, "recovers");
        assertEquals(0.0, c[0], 0.0, "spins (the way on is behind)");
        assertEquals(StallRecovery.SPIN_RATE, Math.abs(c[1]), 0.0);
        // the same robot with the guide straight ahead backs up
        GuidePath east = new GuidePath(new double[] {0, 0, 8, 0});
        double[] b = run(new RecoveringPlanner(new Standing(), CFG, HALF_LENGTH, HALF_WIDTH), field(Double.NaN), 0.0,
                east, stallCycles() + 5).get(stallCycles());
        assertEquals(-CFG.speed(), b[0], 0.0, "facing the way on: backs up");
        assertEquals(0.0, b[1], 0.0);
    }

    @Test
    void withoutRoomForTheCircumcircleTheRobotBacksUpInstead() {
        double circumradius = Math.hypot(HALF_LENGTH, HALF_WIDTH);
        // facing west (away from the goal), a wall just ahead: inside the circumcircle plus clearance
        double tight = -(circumradius + StallRecovery.CLEARANCE) + 0.02;
        double[] b = run(new RecoveringPlanner(new Standing(), CFG, HALF_LENGTH, HALF_WIDTH), field(tight), Math.PI,
                null, stallCycles() + 1).get(stallCycles());
        assertEquals(-CFG.speed(), b[0], 0.0, "no room to spin: backs up, away from the wall");
        assertEquals(0.0, b[1], 0.0);
        // the same wall just outside the circle: spins
        double roomy = -(circumradius + StallRecovery.CLEARANCE) - 0.02;
        double[] s = run(new RecoveringPlanner(new Standing(), CFG, HALF_LENGTH, HALF_WIDTH), field(roomy), Math.PI,
                null, stallCycles() + 1).get(stallCycles());
        assertEquals(0.0, s[0], 0.0, "room to spin");
        assertEquals(StallRecovery.SPIN_RATE, Math.abs(s[1]), 0.0);
    }

    @Test
    void withSpinOffAStalledRobotFacingAwayBacksUp() {
        RecoveryConfig off = new RecoveryConfig(true, CFG.stallTime(), CFG.stallProgress(), CFG.time(), CFG.speed(),
                false, 0.0);
        double[] b = run(new RecoveringPlanner(new Standing(), off, HALF_LENGTH, HALF_WIDTH), field(Double.NaN), Math.PI,
                null, stallCycles() + 1).get(stallCycles());
        assertEquals(-off.speed(), b[0], 0.0, "recovery.spin=false: the back-up of sessions 7-15");
        assertEquals(0.0, b[1], 0.0);
    }
}
