package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

class ScanMatcherTest {
    /** The harness's Hokuyo: 720 beams, 270°, 30 m, σ = 1 cm. */
    private static final LidarConfig HOKUYO = new LidarConfig(720, Math.toRadians(270), 30.0, 0.01);
    /**
     * Recovered position within this of the truth [m]: 0.4 of a 0.05 m cell. The residual has a dead band of a cell
     * around each mapped surface (ScanMatcher's Javadoc), so the optimum is a small plateau, not a point.
     */
    private static final double POS_EPS = 0.02;
    /** Recovered heading within this of the truth [rad] (0.69°): the dead band seen from obstacles 2–3 m away. */
    private static final double TH_EPS = 0.012;

    /** Poses (x, y, θ) every {@code step} metres along the world's reference path, heading along it. */
    static List<double[]> posesAlong(World w, double step) {
        double[] p = w.referencePath();
        List<double[]> out = new ArrayList<>();
        double carry = 0;
        for (int i = 2; i < p.length; i += 2) {
            double x0 = p[i - 2];
            double y0 = p[i - 1];
            double dx = p[i] - x0;
            double dy = p[i + 1] - y0;
            double len = Math.hypot(dx, dy);
            if (len == 0) {
                continue;
            }
            double th = Math.atan2(dy, dx);
            double t = carry;
            for (; t < len; t += step) {
                out.add(new double[] {x0 + dx * t / len, y0 + dy * t / len, th});
            }
            carry = t - len;
        }
        return out;
    }

    /** A noisy scan of the world's static grid from a robot pose. */
    static double[] scan(World w, Lidar lidar, double[] pose, SplittableRandom rng) {
        double off = LidarMapConfig.JACKAL_SENSOR_OFFSET;
        double[] r = new double[lidar.config().beams()];
        lidar.scan(w.grid(), List.of(), pose[0] + off * Math.cos(pose[2]), pose[1] + off * Math.sin(pose[2]), pose[2], r,
                rng);
        return r;
    }

    /** A map of the world built at the true poses of the first {@code n} poses of a drive. */
    private static LidarMap mapAlong(World w, List<double[]> poses, int n, SplittableRandom rng) {
        LidarMap map = new LidarMap(LidarMapConfig.covering(w.grid()));
        Lidar lidar = new Lidar(HOKUYO);
        for (int i = 0; i < n; i++) {
            double[] p = poses.get(i);
            map.integrate(scan(w, lidar, p, rng), HOKUYO, p[0], p[1], p[2]);
        }
        return map;
    }

    private static boolean match(ScanMatcher m, double[] ranges, LidarMap map, double[] pose) {
        return m.match(ranges, HOKUYO, map.config().sensorOffset(), map.config().minRange(), map.grid(), pose);
    }

    @Test
    void recoversAKnownOffsetFromTheTruePose() {
        SplittableRandom rng = new SplittableRandom(7);
        Lidar lidar = new Lidar(HOKUYO);
        ScanMatcher m = new ScanMatcher(ScanMatcherConfig.DEFAULT);
        int trials = 0;
        for (int world : new int[] {0, 62, 141, 268}) {
            World w = WorldLoader.loadBarn(world);
            List<double[]> poses = posesAlong(w, 0.1);
            int built = poses.size() / 2;
            LidarMap map = mapAlong(w, poses, built, rng);
            for (int k = 0; k < 10; k++) {
                double[] truth = poses.get(built - 1 - rng.nextInt(Math.min(built, 20)));
                double[] ranges = scan(w, lidar, truth, rng);
                double dx = rng.nextDouble(-0.06, 0.06);
                double dy = rng.nextDouble(-0.06, 0.06);
                double dt = rng.nextDouble(-0.03, 0.03);
                double[] pose = {truth[0] + dx, truth[1] + dy, truth[2] + dt, 0.7, -0.3};
                boolean ok = match(m, ranges, map, pose);
                String where = "world " + world + " offset " + dx + ", " + dy + ", " + dt + " → " + pose[0] + ", "
                        + pose[1] + ", " + pose[2] + " truth " + truth[0] + ", " + truth[1] + ", " + truth[2];
                assertAll(where,
                        () -> assertTrue(ok, "accepted"),
                        () -> assertEquals(truth[0], pose[0], POS_EPS, "x"),
                        () -> assertEquals(truth[1], pose[1], POS_EPS, "y"),
                        () -> assertEquals(0.0, Angles.wrap(pose[2] - truth[2]), TH_EPS, "θ"),
                        () -> assertEquals(0.7, pose[3], 0.0, "speed untouched"),
                        () -> assertEquals(-0.3, pose[4], 0.0, "yaw rate untouched"),
                        () -> assertTrue(m.costAfter() < m.costBefore(), "cost lowered"));
                trials++;
            }
        }
        assertEquals(40, trials);
    }

    @Test
    void aRejectedMatchLeavesThePoseBitForBit() {
        SplittableRandom rng = new SplittableRandom(3);
        World w = WorldLoader.loadBarn(141);
        List<double[]> poses = posesAlong(w, 0.1);
        int built = poses.size() / 2;
        LidarMap map = mapAlong(w, poses, built, rng);
        double[] truth = poses.get(built - 1);
        double[] ranges = scan(w, new Lidar(HOKUYO), truth, rng);
        // A gate too tight for any correction: the match would move the pose by centimetres and is rejected.
        ScanMatcherConfig d = ScanMatcherConfig.DEFAULT;
        ScanMatcher tight = new ScanMatcher(new ScanMatcherConfig(d.maxIterations(), d.huberDistance(),
                d.inlierDistance(), d.rangeStd(), d.priorStdXY(), d.priorStdTheta(), d.minInliers(), 1e-6, 1e-6, d.minImprovement()));
        for (int k = 0; k < 20; k++) {
            double[] pose = {truth[0] + rng.nextDouble(-0.04, 0.04), truth[1] + rng.nextDouble(-0.04, 0.04),
                    truth[2] + rng.nextDouble(-0.02, 0.02), Double.NaN, 1.5};
            double[] before = pose.clone();
            assertFalse(match(tight, ranges, map, pose));
            assertArrayEquals(before, pose, 0.0);
        }
        // An empty map: no inliers, no move.
        LidarMap empty = new LidarMap(LidarMapConfig.covering(w.grid()));
        ScanMatcher m = new ScanMatcher(ScanMatcherConfig.DEFAULT);
        double[] pose = {truth[0] + 0.03, truth[1], truth[2], 0, 0};
        double[] before = pose.clone();
        assertFalse(match(m, ranges, empty, pose));
        assertArrayEquals(before, pose, 0.0);
        // A scan with no returns (all max range): nothing to match.
        double[] none = new double[HOKUYO.beams()];
        java.util.Arrays.fill(none, HOKUYO.maxRange());
        assertFalse(match(m, none, map, pose));
        assertArrayEquals(before, pose, 0.0);
        assertEquals(0, m.points());
    }

    @Test
    void anAcceptedMatchNeverRaisesTheObjective() {
        SplittableRandom rng = new SplittableRandom(11);
        World w = WorldLoader.loadBarn(206);
        List<double[]> poses = posesAlong(w, 0.1);
        int built = poses.size() / 2;
        LidarMap map = mapAlong(w, poses, built, rng);
        Lidar lidar = new Lidar(HOKUYO);
        ScanMatcher m = new ScanMatcher(ScanMatcherConfig.DEFAULT);
        for (int k = 0; k < 30; k++) {
            // Also poses the map has hardly seen (ahead on the path), and larger offsets.
            double[] truth = poses.get(rng.nextInt(poses.size()));
            double[] ranges = scan(w, lidar, truth, rng);
            double[] pose = {truth[0] + rng.nextDouble(-0.15, 0.15), truth[1] + rng.nextDouble(-0.15, 0.15),
                    truth[2] + rng.nextDouble(-0.1, 0.1)};
            double[] before = pose.clone();
            boolean ok = match(m, ranges, map, pose);
            if (ok) {
                assertTrue(m.costAfter() <= m.costBefore() - ScanMatcherConfig.DEFAULT.minImprovement());
                assertTrue(Math.hypot(pose[0] - before[0], pose[1] - before[1]) <= ScanMatcherConfig.DEFAULT.maxShift());
                assertTrue(Math.abs(Angles.wrap(pose[2] - before[2])) <= ScanMatcherConfig.DEFAULT.maxTurn());
                assertTrue(m.inliers() >= ScanMatcherConfig.DEFAULT.minInliers());
            } else {
                assertArrayEquals(before, pose, 0.0);
            }
        }
    }

    @Test
    void sameInputSameBits() {
        SplittableRandom rng = new SplittableRandom(5);
        World w = WorldLoader.loadBarn(268);
        List<double[]> poses = posesAlong(w, 0.1);
        int built = poses.size() / 2;
        LidarMap map = mapAlong(w, poses, built, rng);
        double[] truth = poses.get(built - 3);
        double[] ranges = scan(w, new Lidar(HOKUYO), truth, rng);
        ScanMatcher a = new ScanMatcher(ScanMatcherConfig.DEFAULT);
        ScanMatcher b = new ScanMatcher(ScanMatcherConfig.DEFAULT);
        double[] pa = {truth[0] + 0.02, truth[1] - 0.03, truth[2] + 0.01};
        double[] pb = pa.clone();
        double[] pc = pa.clone();
        match(a, ranges, map, pa);
        match(b, ranges, map, pb);
        match(a, ranges, map, pc); // the same matcher again: no state carried between matches
        assertArrayEquals(pa, pb, 0.0);
        assertArrayEquals(pa, pc, 0.0);
    }

    @Test
    void badSettingsNameTheField() {
        ScanMatcherConfig d = ScanMatcherConfig.DEFAULT;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScanMatcherConfig(
                d.maxIterations(), 0.3, 0.2, d.rangeStd(), d.priorStdXY(), d.priorStdTheta(), d.minInliers(),
                d.maxShift(), d.maxTurn(), d.minImprovement()));
        assertTrue(e.getMessage().contains("inlierDistance"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ScanMatcherConfig(d.maxIterations(),
                d.huberDistance(), d.inlierDistance(), -1, d.priorStdXY(), d.priorStdTheta(), d.minInliers(),
                d.maxShift(), d.maxTurn(), d.minImprovement()));
        assertTrue(e.getMessage().contains("rangeStd"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ScanMatcherConfig(0, d.huberDistance(),
                d.inlierDistance(), d.rangeStd(), d.priorStdXY(), d.priorStdTheta(), d.minInliers(), d.maxShift(),
                d.maxTurn(), d.minImprovement()));
        assertThrows(IllegalArgumentException.class, () -> new ScanMatcherConfig(d.maxIterations(), d.huberDistance(),
                d.inlierDistance(), d.rangeStd(), d.priorStdXY(), d.priorStdTheta(), d.minInliers(), d.maxShift(),
                d.maxTurn(), -1));
    }
}
