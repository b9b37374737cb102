package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.junit.jupiter.api.Test;

class MapLocalizerTest {
    private static final LidarConfig HOKUYO = new LidarConfig(720, Math.toRadians(270), 30.0, 0.01);
    /** Control period [s]: one scan matched per period. */
    private static final double DT = 0.05;

    /**
     * The drive: along the reference path 0.05 m per period, spinning a full turn in place (0.1 rad per period) at
     * the middle, as a robot does when it looks for a way out.
     */
    private static List<double[]> drive(World w) {
        List<double[]> path = ScanMatcherTest.posesAlong(w, 0.05);
        List<double[]> out = new ArrayList<>(path.subList(0, path.size() / 2));
        double[] mid = path.get(path.size() / 2);
        for (int k = 0; k <= 63; k++) {
            out.add(new double[] {mid[0], mid[1], Angles.wrap(mid[2] + 0.1 * k)});
        }
        out.addAll(path.subList(path.size() / 2, path.size()));
        return out;
    }

    /**
     * Drives with an odometry whose gyro has a bias and whose wheels read 2 % long, building the map at the pose
     * the robot believes (with or without scan matching).
     *
     * @return the largest position error [m] and heading error [rad] of the belief over the drive, while the
     *         scans hold at least 100 returns.
     */
    private static double[] drift(World w, MapLocalizer localizer, double biasRadPerS) {
        SplittableRandom rng = new SplittableRandom(1);
        Lidar lidar = new Lidar(HOKUYO);
        LidarMap map = new LidarMap(LidarMapConfig.covering(w.grid()));
        List<double[]> truth = drive(w);
        double[] odom = truth.get(0).clone();
        double worstPos = 0;
        double worstTh = 0;
        for (int k = 0; k < truth.size(); k++) {
            double[] p = truth.get(k);
            if (k > 0) {
                double[] q = truth.get(k - 1);
                // Body-frame increment of the truth, measured with a scale error and a gyro bias.
                double dth = Angles.wrap(p[2] - q[2]);
                double ds = Math.hypot(p[0] - q[0], p[1] - q[1]) * 1.02;
                double mth = dth + biasRadPerS * DT;
                double mid = odom[2] + 0.5 * mth;
                odom[0] += ds * Math.cos(mid);
                odom[1] += ds * Math.sin(mid);
                odom[2] = Angles.wrap(odom[2] + mth);
            }
            double[] ranges = ScanMatcherTest.scan(w, lidar, p, rng);
            double[] state = {odom[0], odom[1], odom[2], 0.5, 0.0};
            if (localizer != null) {
                localizer.localize(state, ranges, HOKUYO, map);
            }
            map.integrate(ranges, HOKUYO, state[0], state[1], state[2]);
            if (returns(ranges) < 100) {
                continue; // leaving the world: nothing left to see, the odometry carries the pose alone
            }
            worstPos = Math.max(worstPos, Math.hypot(state[0] - p[0], state[1] - p[1]));
            worstTh = Math.max(worstTh, Math.abs(Angles.wrap(state[2] - p[2])));
        }
        return new double[] {worstPos, worstTh};
    }

    private static int returns(double[] ranges) {
        int n = 0;
        for (double r : ranges) {
            if (r < HOKUYO.maxRange()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void scanMatchingHoldsTheEstimateWhereOdometryDrifts() {
        for (int world : new int[] {62, 268}) {
            World w = WorldLoader.loadBarn(world);
            double[] raw = drift(w, null, 0.03);
            double[] matched = drift(w, new MapLocalizer(ScanMatcherConfig.DEFAULT), 0.03);
            assertAll("world " + world + " raw " + raw[0] + " m, " + raw[1] + " rad; matched " + matched[0] + " m, "
                            + matched[1] + " rad",
                    () -> assertTrue(raw[1] > 0.1, "the odometry drifts by more than 0.1 rad"),
                    () -> assertTrue(matched[0] < 0.06, "matched position within about a 5 cm cell of the map"),
                    () -> assertTrue(matched[1] < 0.015, "matched heading within 0.015 rad"));
        }
    }

    @Test
    void withoutAMapNothingMovesAndResetForgets() {
        World w = WorldLoader.loadBarn(0);
        LidarMap empty = new LidarMap(LidarMapConfig.covering(w.grid()));
        MapLocalizer loc = new MapLocalizer(ScanMatcherConfig.DEFAULT);
        double[] ranges = ScanMatcherTest.scan(w, new Lidar(HOKUYO), new double[] {-2, 2, Math.PI / 2},
                new SplittableRandom(2));
        double[] state = {-2.01, 2.02, 1.5, 0.3, 0.1};
        double[] before = state.clone();
        assertFalse(loc.localize(state, ranges, HOKUYO, empty));
        assertArrayEquals(before, state, 0.0);
        assertEquals(0, loc.matches());
        // A run of accepted matches leaves a correction; reset forgets it.
        drift(w, loc, 0.03);
        assertTrue(loc.acceptedMatches() > 0);
        loc.reset();
        assertAll(() -> assertEquals(0.0, loc.correctionX()), () -> assertEquals(0.0, loc.correctionY()),
                () -> assertEquals(0.0, loc.correctionTheta()), () -> assertEquals(0, loc.acceptedMatches()));
    }
}
