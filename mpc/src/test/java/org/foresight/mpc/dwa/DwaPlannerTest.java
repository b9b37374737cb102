package org.foresight.mpc.dwa;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.critic.DynamicObstacleParams;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.DistanceGrid;
import org.foresight.mpc.perception.MovingDiscs;
import org.foresight.mpc.perception.ObstacleField;
import org.junit.jupiter.api.Test;

/** DWA on synthetic distance fields: the window, obstacles, a free corridor, escape, determinism, allocation. */
class DwaPlannerTest {
    private static final double EPS = 1e-9;
    private static final GuidePath STRAIGHT = new GuidePath(new double[] {-4, 0, 6, 0});

    /** A 16 × 16 m field around the origin at 0.05 m from an analytic signed distance. */
    static ObstacleField field(DoubleBinaryOperator sdf) {
        int n = 320;
        double res = 0.05;
        double o = -8;
        double[] v = new double[n * n];
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                v[ix * n + iy] = sdf.applyAsDouble(o + (ix + 0.5) * res, o + (iy + 0.5) * res);
            }
        }
        DistanceGrid g = new DistanceGrid(v, n, n, res, o, o);
        return () -> g;
    }

    private static PlanRequest request(double[] state, ObstacleField f) {
        return new PlanRequest(0, state, f, 6, 0, 0.5, STRAIGHT);
    }

    @Test
    void velocityWindowRespectsAccelerationLimits() {
        DwaConfig c = DwaConfig.defaults();
        double aT = c.accLimX() * c.controlPeriod();
        double alphaT = c.accLimTheta() * c.controlPeriod();
        DynamicWindow win = new DynamicWindow();
        Random rnd = new Random(11);
        for (int i = 0; i < 2000; i++) {
            double v = c.escapeVel() + rnd.nextDouble() * (c.maxVelX() - c.escapeVel());
            double w = (2 * rnd.nextDouble() - 1) * c.maxVelTheta();
            double goal = rnd.nextBoolean() ? Double.POSITIVE_INFINITY : 5 * rnd.nextDouble();
            win.set(c, v, w, goal);
            String at = "v=" + v + " w=" + w + " goal=" + goal + ": " + win;
            assertTrue(win.minVx <= win.maxVx && win.minVtheta <= win.maxVtheta, at);
            assertTrue(win.minVx >= c.minVelX() - EPS && win.maxVx <= c.maxVelX() + EPS, at);
            assertTrue(win.minVx >= v - aT - EPS, at);
            // Above the floor min_vel_x the window is within reach of the acceleration limit.
            assertTrue(win.maxVx <= Math.max(v + aT, c.minVelX()) + EPS, at);
            assertTrue(win.minVtheta >= w - alphaT - EPS && win.maxVtheta <= w + alphaT + EPS, at);
            assertTrue(win.minVtheta >= -c.maxVelTheta() - EPS && win.maxVtheta <= c.maxVelTheta() + EPS, at);
        }
        // The planner's forward commands lie in the window it computed.
        ObstacleField open = field((x, y) -> 5.0);
        DwaPlanner p = new DwaPlanner(c);
        Plan out = new Plan(64, 8);
        for (int i = 0; i < 150; i++) {
            double v = c.minVelX() + rnd.nextDouble() * (c.maxVelX() - c.minVelX());
            double w = (2 * rnd.nextDouble() - 1) * c.maxVelTheta();
            double th = (2 * rnd.nextDouble() - 1) * Math.PI;
            p.reset();
            p.plan(request(new double[] {-2, 0, th, v, w}, open), out);
            assertEquals(PlanStatus.OK, out.status);
            double cv = out.command[ControlIndex.V];
            double cw = out.command[ControlIndex.OMEGA];
            DynamicWindow win2 = p.window();
            String at = "v=" + v + " w=" + w + " th=" + th + " cmd=(" + cv + ", " + cw + ") " + win2;
            assertTrue(Math.abs(cw) <= c.maxVelTheta() + EPS, at);
            if (cv > 0) {
                assertTrue(cv >= win2.minVx - EPS && cv <= win2.maxVx + EPS, at);
                assertTrue(Math.abs(cv - v) <= aT + EPS, at);
                // ROS always samples the straight arc (vθ = 0) besides the window's yaw rates.
                assertTrue(cw == 0.0 || (cw >= win2.minVtheta - EPS && cw <= win2.maxVtheta + EPS
                        && Math.abs(cw - w) <= alphaT + EPS), at);
            } else {
                assertEquals(0.0, cv, at); // an in-place rotation
                assertTrue(Math.abs(cw) >= c.minInPlaceVelTheta() - EPS, at);
            }
        }
    }

    @Test
    void obstacleStraightAheadMakesItTurnOrStopNeverOnALethalArc() {
        DwaConfig c = DwaConfig.defaults();
        double clearanceFloor = c.inscribedRadius() - c.costmapResolution();
        double dt = c.controlPeriod();
        for (double ahead : new double[] {0.9, 1.6}) {
            for (double side : new double[] {0, 0.1}) {
                ObstacleField f = field((x, y) -> Math.hypot(x - ahead, y - side) - 0.4);
                DwaPlanner p = new DwaPlanner(c);
                Plan out = new Plan(64, 64);
                double[] s = {0, 0, 0, 0.5, 0};
                double maxTurn = 0;
                boolean stopped = false;
                // Closed loop over unicycle kinematics until the robot is level with the disc (or 6 s).
                for (int k = 0; k < 120 && s[0] < ahead; k++) {
                    p.plan(request(s, f), out);
                    String at = "disc at (" + ahead + ", " + side + "), cycle " + k + ": " + out.status + " cmd ("
                            + out.command[0] + ", " + out.command[1] + ")";
                    if (out.status != PlanStatus.OK) {
                        stopped = true;
                        break;
                    }
                    for (int i = 0; i < out.planLength; i++) {
                        double d = f.distance(out.planXY[2 * i], out.planXY[2 * i + 1]);
                        assertTrue(d > clearanceFloor, at + ": plan pose " + i + " only " + d + " m from the disc");
                    }
                    for (int r = 0; r < out.rolloutCount; r++) {
                        for (int i = 0; i < out.planLength; i++) {
                            double d = f.distance(out.rolloutXY[r][2 * i], out.rolloutXY[r][2 * i + 1]);
                            assertTrue(d > clearanceFloor, at + ": rollout " + r + " pose " + i + " only " + d + " m");
                        }
                    }
                    double v = out.command[ControlIndex.V];
                    double w = out.command[ControlIndex.OMEGA];
                    s[0] += v * Math.cos(s[2]) * dt;
                    s[1] += v * Math.sin(s[2]) * dt;
                    s[2] += w * dt;
                    s[3] = v;
                    s[4] = w;
                    maxTurn = Math.max(maxTurn, Math.abs(s[2]));
                    double d = f.distance(s[0], s[1]);
                    assertTrue(d > 0.5 * c.footprintWidth(), at + ": the robot came within " + d + " m of the disc");
                }
                assertTrue(stopped || maxTurn > 0.3, "disc at (" + ahead + ", " + side + "): neither turned nor stopped");
            }
        }
    }

    @Test
    void freeCorridorDrivesAlongTheGuideNearMaxSpeed() {
        DwaConfig c = DwaConfig.defaults();
        ObstacleField f = field((x, y) -> 1.5 - Math.abs(y));
        DwaPlanner p = new DwaPlanner(c);
        Plan out = new Plan(64, 16);
        double[] s = {-3, 0.05, 0, 0, 0};
        double dt = c.controlPeriod();
        double maxLateral = 0;
        for (int k = 0; k < 80; k++) {
            p.plan(request(s, f), out);
            assertEquals(PlanStatus.OK, out.status, "cycle " + k);
            double v = out.command[ControlIndex.V];
            double w = out.command[ControlIndex.OMEGA];
            assertTrue(v > 0, "cycle " + k + ": drives forward, got " + v);
            s[0] += v * Math.cos(s[2]) * dt;
            s[1] += v * Math.sin(s[2]) * dt;
            s[2] += w * dt;
            s[3] = v;
            s[4] = w;
            if (k > 20) {
                maxLateral = Math.max(maxLateral, Math.abs(s[1]));
            }
        }
        double lateral = maxLateral;
        double speed = s[3];
        double x = s[0];
        assertAll(
                () -> assertTrue(speed >= 0.9 * c.maxVelX(), "speed " + speed),
                () -> assertTrue(lateral < 0.1, "strays " + lateral + " m from the guide"),
                () -> assertTrue(x > -3 + 0.8 * 80 * dt * c.maxVelX(), "progress to x = " + x),
                () -> assertTrue(out.rolloutCount > 0 && out.feasibleRollouts >= out.rolloutCount),
                () -> assertEquals(p.horizonSteps() + 1, out.planLength));
        double sum = 0;
        for (int r = 0; r < out.rolloutCount; r++) {
            sum += out.rolloutWeights[r];
            assertTrue(r == 0 || out.rolloutWeights[r] <= out.rolloutWeights[r - 1], "heaviest first");
        }
        assertTrue(sum > 0 && sum <= 1 + EPS, "recorded weights are a part of a normalised batch: " + sum);
    }

    /** Closed loop in the free corridor with a disc crossing it; returns the least true clearance [m]. */
    private static double crossing(boolean told) {
        return crossing(told, DynamicObstacleParams.defaults());
    }

    /** {@link #crossing(boolean)} with the moving obstacles predicted and grown by {@code dynamic}. */
    private static double crossing(boolean told, DynamicObstacleParams dynamic) {
        DwaConfig c = DwaConfig.defaults();
        ObstacleField f = field((x, y) -> 3.0 - Math.abs(y));
        DwaPlanner p = new DwaPlanner(c, dynamic);
        Plan out = new Plan(64, 16);
        double[] s = {0, 0, 0, 0.5, 0};
        double dt = c.controlPeriod();
        double least = Double.POSITIVE_INFINITY;
        MovingDiscs discs = new MovingDiscs();
        for (int k = 0; k < 160; k++) {
            double t = k * dt;
            double dx = 1.5;
            double dy = -2.5 + 0.8 * t; // r = 0.5 m, crossing y = 0 at t ≈ 3.1 s when the robot would be at x ≈ 1.5
            discs.clear();
            discs.add(dx, dy, 0.0, 0.8, 0.5);
            PlanRequest req = new PlanRequest(t, s, f, 6, 0, 0.5, STRAIGHT, told ? discs : MovingDiscs.NONE);
            p.plan(req, out);
            double v = out.status == PlanStatus.OK ? out.command[ControlIndex.V] : 0;
            double w = out.status == PlanStatus.OK ? out.command[ControlIndex.OMEGA] : 0;
            s[0] += v * Math.cos(s[2]) * dt;
            s[1] += v * Math.sin(s[2]) * dt;
            s[2] += w * dt;
            s[3] = v;
            s[4] = w;
            // the true footprint (0.42 × 0.33 m) as three circles of radius hypot(0.165, 0.07) along the heading
            for (double a : new double[] {-0.14, 0, 0.14}) {
                double cx = s[0] + a * Math.cos(s[2]);
                double cy = s[1] + a * Math.sin(s[2]);
                least = Math.min(least, Math.hypot(cx - dx, cy - (dy + 0.8 * dt)) - 0.5 - Math.hypot(0.165, 0.07));
            }
        }
        return least;
    }

    @Test
    void aDiscCrossingThePathIsLetByWhenDwaIsToldOfIt() {
        double blind = crossing(false);
        double told = crossing(true);
        assertAll(() -> assertTrue(blind < 0, "without the disc DWA drives into it: clearance " + blind),
                () -> assertTrue(told > 0, "told of the disc, DWA keeps clear: clearance " + told));
    }

    /**
     * The prediction is the planner configuration's ({@code critics.dynamicObstacle}): with the disc's speed clipped
     * to almost nothing and no growth, DWA sees it only where it stands, as a costmap would, and lets it come closer.
     */
    @Test
    void theDynamicObstacleSettingsReachDwa() {
        DynamicObstacleParams d = DynamicObstacleParams.defaults();
        DynamicObstacleParams standing = new DynamicObstacleParams(d.weight(), d.collisionCost(), d.margin(), 0.0,
                1e-3, d.robotMaxSpeed(), 0.0, d.lead(), d.leadCost(), d.stopDecel(), d.stopCost());
        double predicted = crossing(true, d);
        double now = crossing(true, standing);
        assertTrue(now < predicted, "without prediction the least clearance " + now + " m is below the predicted "
                + predicted + " m");
    }

    /** A ring whose inside is clear of the centre but not of the padded footprint's corners. */
    private static ObstacleField ring() {
        return field((x, y) -> {
            double r = Math.hypot(x, y);
            return r < 0.33 ? 0.33 - r : (r > 0.6 ? r - 0.6 : -Math.min(r - 0.33, 0.6 - r));
        });
    }

    @Test
    void walledInItStopsWithAStatusOrBacksUpBlindlyAsRosDoes() {
        double[] state = {0, 0, 0, 0, 0};
        DwaPlanner careful = new DwaPlanner(DwaConfig.defaults().withBlindEscape(false));
        Plan out = new Plan(64, 8);
        careful.plan(request(state, ring()), out);
        assertAll(
                () -> assertEquals(PlanStatus.NO_COLLISION_FREE_ROLLOUT, out.status),
                () -> assertArrayEquals(new double[] {0, 0}, out.command, 0.0),
                () -> assertEquals(0, out.feasibleRollouts));
        DwaPlanner ros = new DwaPlanner(DwaConfig.defaults());
        ros.plan(request(state, ring()), out);
        assertAll(
                () -> assertEquals(PlanStatus.OK, out.status),
                () -> assertArrayEquals(new double[] {-0.5, 0}, out.command, 0.0),
                () -> assertEquals(DwaPlanner.MODE_ESCAPE, out.mode),
                () -> assertTrue(ros.escaping()));
    }

    @Test
    void sameInputsGiveIdenticalPlans() {
        ObstacleField f = field((x, y) -> Math.hypot(x - 1.5, y - 0.3) - 0.4);
        DwaPlanner a = new DwaPlanner(DwaConfig.defaults());
        DwaPlanner b = new DwaPlanner(DwaConfig.defaults());
        Plan pa = new Plan(64, 16);
        Plan pb = new Plan(64, 16);
        double[] s = {0, 0, 0.1, 0.3, 0.2};
        for (int k = 0; k < 3; k++) {
            a.plan(request(s, f), pa);
            b.plan(request(s, f), pb);
            assertArrayEquals(pa.command, pb.command, 0.0);
            assertArrayEquals(pa.planXYCopy(), pb.planXYCopy(), 0.0);
            assertArrayEquals(pa.rolloutWeightsCopy(), pb.rolloutWeightsCopy(), 0.0);
        }
    }

    @Test
    void badStateStopsAndBadConfigNamesTheField() {
        DwaPlanner p = new DwaPlanner(DwaConfig.defaults());
        Plan out = new Plan(64, 8);
        p.plan(request(new double[] {Double.NaN, 0, 0}, field((x, y) -> 5)), out);
        assertEquals(PlanStatus.BAD_STATE, out.status);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DwaConfig.defaults().withMaxVelX(-1));
        assertTrue(e.getMessage().contains("maxVelX") && e.getMessage().contains("m/s"), e.getMessage());
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> DwaConfig.defaults().withObstacleRange(0));
        assertTrue(r.getMessage().contains("obstacleRange") && r.getMessage().contains(" m"), r.getMessage());
    }

    @Test
    void planningAllocatesNothingOnceWarm() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean mx && mx.isThreadAllocatedMemorySupported(),
                "this JVM cannot count allocated bytes per thread");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        ObstacleField f = field((x, y) -> Math.hypot(x - 1.5, y - 0.3) - 0.4);
        DwaPlanner p = new DwaPlanner(DwaConfig.defaults());
        Plan out = new Plan(64, 32);
        PlanRequest req = request(new double[] {0, 0, 0, 0.4, 0}, f);
        for (int i = 0; i < 40; i++) {
            p.plan(req, out);
        }
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 40; i++) {
            p.plan(req, out);
        }
        long used = mx.getThreadAllocatedBytes(id) - before;
        assertTrue(used <= 1024, used + " bytes allocated over 40 warm planning cycles");
    }
}
