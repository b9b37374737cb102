package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.foresight.dynamics.world.DynaBarn;
import org.foresight.dynamics.world.FieldBounds;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.MovingDisc;
import org.foresight.dynamics.world.MovingObstacle;
import org.foresight.dynamics.world.OccupancyGrid;
import org.foresight.dynamics.world.Pose2;
import org.foresight.dynamics.world.World;
import org.junit.jupiter.api.Test;

/** The lidar disc tracker on scans of the simulator's own lidar: one disc, a jump, and a DynaBARN world. */
class DiscTrackerTest {
    private static final double DT = 0.05;

    /** An empty 40 × 40 m world (no static obstacles) with the given discs. */
    private static World empty(List<MovingObstacle> discs) {
        OccupancyGrid g = new OccupancyGrid(200, 200, 0.2, -20, -20);
        return new World("empty", g, new Pose2(0, 0, 0), 10, 0, 1.0, new double[] {0, 0, 10, 0},
                new FieldBounds(-20, -20, 20, 20), discs);
    }

    @Test
    void oneDiscAtConstantVelocityIsTrackedWithItsVelocity() {
        World w = empty(List.of(new MovingObstacle(6, -2, 1.0, 0.5, 0.4, null)));
        Lidar lidar = new Lidar(LidarConfig.DEFAULT);
        DiscTracker tr = new DiscTracker(TrackerConfig.defaults(), lidar);
        DistanceGrid map = MapObstacleField.of(w).grid();
        List<MovingDisc> obs = w.movingObstacles();
        double[] ranges = new double[LidarConfig.DEFAULT.beams()];
        MovingDiscs out = new MovingDiscs();
        for (int c = 0; c <= 40; c++) {
            lidar.scan(w.grid(), obs, 0, 0, 0, ranges);
            tr.update(c * DT, ranges, 0, 0, 0, map);
            for (MovingDisc o : obs) {
                o.step(DT, w.grid());
            }
        }
        tr.tracks(out);
        MovingDisc o = obs.get(0);
        assertEquals(1, out.count());
        // the track is at the scan time (one step before the disc's current state)
        assertEquals(o.x() - DT * 1.0, out.x(0), 0.05, "x [m]");
        assertEquals(o.y() - DT * 0.5, out.y(0), 0.05, "y [m]");
        assertEquals(1.0, out.vx(0), 0.1, "vx [m/s]");
        assertEquals(0.5, out.vy(0), 0.1, "vy [m/s]");
        assertEquals(0.4, out.radius(0), 0.1, "radius [m]");
        assertEquals(1, tr.births());
    }

    /** A disc of radius 0.4 m on a circle of radius R about (cx, cy), counter-clockwise at speed s. */
    private static final class CircleDisc implements MovingDisc {
        private final double cx;
        private final double cy;
        private final double rad;
        private final double s;
        private double ang;

        CircleDisc(double cx, double cy, double rad, double s, double ang) {
            this.cx = cx;
            this.cy = cy;
            this.rad = rad;
            this.s = s;
            this.ang = ang;
        }

        @Override
        public double x() {
            return cx + rad * Math.cos(ang);
        }

        @Override
        public double y() {
            return cy + rad * Math.sin(ang);
        }

        @Override
        public double vx() {
            return -s * Math.sin(ang);
        }

        @Override
        public double vy() {
            return s * Math.cos(ang);
        }

        @Override
        public double radius() {
            return 0.4;
        }

        @Override
        public void step(double dt, OccupancyGrid grid) {
            ang += s / rad * dt;
        }

        @Override
        public MovingDisc copy() {
            return new CircleDisc(cx, cy, rad, s, ang);
        }
    }

    @Test
    void aTurningDiscsTrackReportsItsTurnRateAndAStraightOneNone() {
        // a disc circling at 1.2 m/s on a 2 m circle 6 m ahead (ω = 0.6 rad/s), and one driving straight at
        // (1, 0.5) m/s: after 3 s the low-passed turn rate of the first is near 0.6 rad/s (the filter's lag and the
        // noiseless scans' cluster centres leave it within 0.2), the second's near 0, and neither accelerates
        Lidar lidar = new Lidar(LidarConfig.DEFAULT);
        DiscTracker tr = new DiscTracker(TrackerConfig.defaults(), lidar);
        List<MovingDisc> obs = List.of(new CircleDisc(7, 3, 2.0, 1.2, 0.0), new MovingObstacle(6, -4, 1.0, 0.5, 0.4,
                null));
        World w = empty(List.of());
        DistanceGrid map = MapObstacleField.of(w).grid();
        double[] ranges = new double[LidarConfig.DEFAULT.beams()];
        MovingDiscs out = new MovingDiscs();
        for (int c = 0; c <= 60; c++) {
            lidar.scan(w.grid(), obs, 0, 0, 0, ranges);
            tr.update(c * DT, ranges, 0, 0, 0, map);
            for (MovingDisc o : obs) {
                o.step(DT, w.grid());
            }
        }
        tr.tracks(out);
        assertEquals(2, out.count());
        int turning = Math.hypot(out.x(0) - 7, out.y(0) - 3) < 2.5 ? 0 : 1;
        int straight = 1 - turning;
        assertEquals(0.6, out.turnRate(turning), 0.2, "turn rate [rad/s]");
        assertEquals(0.0, out.turnRate(straight), 0.1, "turn rate [rad/s]");
        assertEquals(0.0, out.acceleration(turning), 0.3, "acceleration [m/s²]");
        assertEquals(0.0, out.acceleration(straight), 0.3, "acceleration [m/s²]");
    }

    @Test
    void aJumpIsADeathAndABirth() {
        Lidar lidar = new Lidar(LidarConfig.DEFAULT);
        DiscTracker tr = new DiscTracker(TrackerConfig.defaults(), lidar);
        World w = empty(List.of());
        DistanceGrid map = MapObstacleField.of(w).grid();
        double[] ranges = new double[LidarConfig.DEFAULT.beams()];
        MovingDiscs out = new MovingDiscs();
        for (int c = 0; c < 40; c++) {
            double x = c < 20 ? 5 : -5; // jumps 10 m at c = 20, stays within the front 270°
            double y = c < 20 ? 3 : 6;
            lidar.scan(w.grid(), List.of(new MovingObstacle(x, y, 0, 0, 0.5, null)), 0, 0, 0, ranges);
            tr.update(c * DT, ranges, 0, 0, 0, map);
            tr.tracks(out);
            if (c == 19 || c == 39) {
                assertEquals(1, out.count(), "cycle " + c);
                assertEquals(x, out.x(0), 0.1);
                assertEquals(y, out.y(0), 0.1);
            }
        }
        assertEquals(2, tr.births(), "the old track died, a new one was born");
    }

    @Test
    void aDiscThatSlipsIntoTheBlindSectorKeepsItsTrackWhileHidden() {
        // the Hokuyo sees ±135°; the disc (r = 0.3 m) walks down x = −2 at 1 m/s from bearing 116° into the blind
        // sector. From the moment it is no longer wholly in view (its cluster is cut by the edge of the field of view
        // and not measured) it keeps being reported, coasting, for 1.5 s, where a visible disc would die in 0.3 s.
        Lidar lidar = new Lidar(LidarConfig.HOKUYO_UST10LX);
        DiscTracker tr = new DiscTracker(TrackerConfig.defaults(), lidar);
        World w = empty(List.of());
        DistanceGrid map = MapObstacleField.of(w).grid();
        double[] ranges = new double[lidar.config().beams()];
        MovingDiscs out = new MovingDiscs();
        double cutAt = Double.NaN;
        for (int c = 0; c <= 100; c++) {
            double t = c * DT;
            double y = 4.0 - t;
            lidar.scan(w.grid(), List.of(new MovingObstacle(-2, y, 0, -1, 0.3, null)), 0, 0, 0, ranges);
            tr.update(t, ranges, 0, 0, 0, map);
            tr.tracks(out);
            boolean cut = Math.atan2(y, -2) + Math.asin(0.3 / Math.hypot(2, y)) > 0.75 * Math.PI;
            if (cut && Double.isNaN(cutAt)) {
                cutAt = t;
            }
            if (!Double.isNaN(cutAt) && t - cutAt <= 1.4) {
                assertEquals(1, out.count(), "t = " + t + " s, out of full view since " + cutAt + " s");
                assertEquals(y, out.y(0), 0.3, "the coasting track follows the disc, t = " + t);
            }
        }
        assertTrue(cutAt < 2.0, "the disc left the full view at " + cutAt + " s");
        assertEquals(0, out.count(), "dead 1.5 s after it was last seen");
    }

    @Test
    void twoDiscsSideBySideAreTwoTracksAtTheirCentres() {
        // two 0.5 m discs at the same depth, 0.6–1.1 m apart (touching or overlapping): one cluster of returns whose
        // ranges dip twice; split at the range maximum between the dips, each half is measured as its own disc.
        // Without the split the pair is one cluster too wide for a disc, or one disc between the two.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int good = 0;
        for (int trial = 0; trial < 40; trial++) {
            double range = 2 + 4 * rnd.nextDouble();
            double bearing = -1.5 + 3 * rnd.nextDouble();
            double gap = 0.6 + 0.5 * rnd.nextDouble();
            double ax = range * Math.cos(bearing);
            double ay = range * Math.sin(bearing);
            double bx = ax - gap * Math.sin(bearing);
            double by = ay + gap * Math.cos(bearing);
            List<MovingObstacle> pair = List.of(new MovingObstacle(ax, ay, 0, 0, 0.5, null),
                    new MovingObstacle(bx, by, 0, 0, 0.5, null));
            World w = empty(List.of());
            Lidar lidar = new Lidar(LidarConfig.HOKUYO_UST10LX);
            DiscTracker tr = new DiscTracker(TrackerConfig.defaults(), lidar);
            DistanceGrid map = MapObstacleField.of(w).grid();
            double[] ranges = new double[lidar.config().beams()];
            MovingDiscs out = new MovingDiscs();
            for (int c = 0; c < 5; c++) {
                lidar.scan(w.grid(), pair, 0, 0, 0, ranges, rnd);
                tr.update(c * DT, ranges, 0, 0, 0, map);
            }
            tr.tracks(out);
            boolean both = true;
            for (MovingObstacle o : pair) {
                double best = Double.POSITIVE_INFINITY;
                for (int i = 0; i < out.count(); i++) {
                    best = Math.min(best, Math.hypot(out.x(i) - o.x(), out.y(i) - o.y()));
                }
                both &= best < 0.2;
            }
            good += both ? 1 : 0;
        }
        // a piece cut at the seam measures its centre from its bottom's bearing, which the noise moves a little
        assertTrue(good >= 36, good + " of 40 pairs with a confirmed track within 0.2 m of each disc");
    }

    @Test
    void aSingleDiscIsNeverSplit() {
        // one disc at any range and bearing, scanned with the Hokuyo's noise: its ranges dip once, so one track
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int trial = 0; trial < 40; trial++) {
            double range = 1.0 + 7 * rnd.nextDouble();
            double bearing = -2.0 + 4 * rnd.nextDouble();
            double radius = 0.2 + 0.4 * rnd.nextDouble();
            List<MovingObstacle> one = List.of(new MovingObstacle(range * Math.cos(bearing), range * Math.sin(bearing),
                    0, 0, radius, null));
            World w = empty(List.of());
            Lidar lidar = new Lidar(LidarConfig.HOKUYO_UST10LX);
            DiscTracker tr = new DiscTracker(TrackerConfig.defaults(), lidar);
            DistanceGrid map = MapObstacleField.of(w).grid();
            double[] ranges = new double[lidar.config().beams()];
            for (int c = 0; c < 5; c++) {
                lidar.scan(w.grid(), one, 0, 0, 0, ranges, rnd);
                tr.update(c * DT, ranges, 0, 0, 0, map);
            }
            assertEquals(1, tr.trackCount(), "trial " + trial + ": range " + range + " m, bearing " + bearing + " rad");
            assertEquals(1, tr.births(), "trial " + trial);
        }
    }

    private static String describe(List<MovingDisc> obs, double x, double y) {
        StringBuilder sb = new StringBuilder();
        for (MovingDisc o : obs) {
            if (Math.hypot(o.x() - x, o.y() - y) < 2.0) {
                sb.append(String.format(java.util.Locale.ROOT, "[%.2f %.2f v %.2f %.2f] ", o.x(), o.y(), o.vx(), o.vy()));
            }
        }
        return sb.toString();
    }

    @Test
    void tracksTheDiscsOfADynaBarnWorldAndNotItsWalls() {
        World w = DynaBarn.load(40, 0.0);
        Lidar lidar = new Lidar(LidarConfig.HOKUYO_UST10LX);
        DiscTracker tr = new DiscTracker(TrackerConfig.defaults(), lidar);
        DistanceGrid map = MapObstacleField.of(w).grid();
        List<MovingDisc> obs = new ArrayList<>(w.movingObstacles());
        double[] ranges = new double[lidar.config().beams()];
        MovingDiscs out = new MovingDiscs();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        double sx = 2.0;
        double sy = 0.0;
        double st = Math.PI;
        int checked = 0;
        int lone = 0;
        int goodVelocity = 0;
        int onDisc = 0;
        for (int c = 0; c <= 100; c++) {
            lidar.scan(w.grid(), obs, sx, sy, st, ranges, rnd);
            tr.update(c * DT, ranges, sx, sy, st, map);
            tr.tracks(out);
            if (c >= 40 && c % 10 == 0) {
                // no track far from every disc (none on the walls); merged clusters of crossing discs and tracks
                // coasting for a moment may sit between discs
                for (int i = 0; i < out.count(); i++) {
                    double best = Double.POSITIVE_INFINITY;
                    double second = Double.POSITIVE_INFINITY;
                    MovingDisc near = null;
                    for (MovingDisc o : obs) {
                        double d = Math.hypot(o.x() - out.x(i), o.y() - out.y(i));
                        if (d < best) {
                            second = best;
                            best = d;
                            near = o;
                        } else if (d < second) {
                            second = d;
                        }
                    }
                    assertTrue(best < 1.5, "track " + i + " at cycle " + c + " is " + best + " m from any disc: "
                            + describe(obs, out.x(i), out.y(i)));
                    if (best < 0.35) {
                        onDisc++;
                    }
                    double speed = Math.hypot(near.vx(), near.vy());
                    // discs pass through each other: two within 1.2 m make one cluster, whose velocity is neither's
                    if (speed < 2.5 && second > 1.2) { // and not in a spline's speed spike
                        lone++;
                        if (Math.hypot(out.vx(i) - near.vx(), out.vy(i) - near.vy()) < 0.5) {
                            goodVelocity++;
                        }
                    }
                    checked++;
                }
                assertTrue(out.count() >= obs.size() / 3, "tracked " + out.count() + " of " + obs.size()
                        + " discs at cycle " + c);
            }
            for (MovingDisc o : obs) {
                o.step(DT, w.grid());
            }
        }
        assertTrue(checked > 30, "tracks checked: " + checked);
        assertTrue(onDisc >= 0.9 * checked, onDisc + " of " + checked + " tracks within 0.35 m of a disc");
        // the Hermite paths accelerate; a constant-velocity filter lags a little behind some of them
        assertTrue(goodVelocity >= 0.85 * lone, goodVelocity + " of " + lone + " lone-disc tracks within 0.5 m/s");
    }
}
