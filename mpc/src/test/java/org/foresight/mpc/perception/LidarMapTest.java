package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.OccupancyGrid;
import org.foresight.dynamics.world.SignedDistanceField;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.junit.jupiter.api.Test;

class LidarMapTest {
    /** The incremental field against the from-scratch one [m]: both take √(integer)·res − res/2. */
    private static final double SDF_EPS = 1e-9;
    /** The harness's Hokuyo: 720 beams, 270°, 30 m, σ = 1 cm. */
    private static final LidarConfig HOKUYO = new LidarConfig(720, Math.toRadians(270), 30.0, 0.01);
    private static final LidarConfig HOKUYO_EXACT = new LidarConfig(720, Math.toRadians(270), 30.0, 0.0);

    // ------------------------------------------------------------------------------------------------ helpers

    /** Poses (x, y, θ) every {@code step} metres along the world's reference path, heading along it. */
    private static List<double[]> posesAlong(World w, double step) {
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
            for (double t = carry; t < len; t += step) {
                out.add(new double[] {x0 + dx * t / len, y0 + dy * t / len, th});
                carry = t + step - len;
            }
        }
        return out;
    }

    /** A scan of the world's static grid from a robot pose, the sensor 0.065 m behind the centre. */
    private static double[] scan(World w, Lidar lidar, double[] pose, SplittableRandom rng) {
        double off = LidarMapConfig.JACKAL_SENSOR_OFFSET;
        double sx = pose[0] + off * Math.cos(pose[2]);
        double sy = pose[1] + off * Math.sin(pose[2]);
        double[] r = new double[lidar.config().beams()];
        if (rng == null) {
            lidar.scan(w.grid(), List.of(), sx, sy, pose[2], r);
        } else {
            lidar.scan(w.grid(), List.of(), sx, sy, pose[2], r, rng);
        }
        return r;
    }

    /** The from-scratch field of the map's classification (unknown = free), capped at ±sdfReach. */
    private static double[] fromScratch(LidarMap map) {
        double[] v = new SignedDistanceField(map.toOccupancyGrid()).values().clone();
        double cap = map.config().sdfReach();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(-cap, Math.min(cap, v[i]));
        }
        return v;
    }

    private static void assertFieldMatchesFromScratch(LidarMap map, String where) {
        double[] ref = fromScratch(map);
        double[] got = map.grid().values();
        for (int i = 0; i < ref.length; i++) {
            if (Math.abs(ref[i] - got[i]) > SDF_EPS) {
                int ix = i / map.sizeY();
                int iy = i % map.sizeY();
                fail(where + ": cell (" + ix + ", " + iy + ") incremental " + got[i] + " m, from scratch " + ref[i] + " m");
            }
        }
    }

    private static boolean[] occupancy(LidarMap map) {
        boolean[] o = new boolean[map.sizeX() * map.sizeY()];
        for (int ix = 0; ix < map.sizeX(); ix++) {
            for (int iy = 0; iy < map.sizeY(); iy++) {
                o[ix * map.sizeY() + iy] = map.isOccupied(ix, iy);
            }
        }
        return o;
    }

    private static LidarMapConfig cfg(World w) {
        return LidarMapConfig.covering(w.grid());
    }

    // ------------------------------------------------------------------------------------------------ config

    @Test
    void configRejectsBadFieldsNamingThem() {
        LidarMapConfig d = LidarMapConfig.DEFAULT;
        assertAll(
                () -> assertMessage("resolution", () -> d.withResolution(0.0)),
                () -> assertMessage("resolution", () -> d.withResolution(Double.NaN)),
                () -> assertMessage("width", () -> d.withExtent(0, 0, 0.04, 1.0)),
                () -> assertMessage("height", () -> d.withExtent(0, 0, 1.0, -1.0)),
                () -> assertMessage("originX", () -> d.withExtent(Double.POSITIVE_INFINITY, 0, 1.0, 1.0)),
                () -> assertMessage("too large", () -> d.withExtent(0, 0, 1e6, 1e6)),
                () -> assertMessage("sensorOffset", () -> d.withSensorOffset(Double.NaN)),
                () -> assertMessage("sdfReach", () -> d.withSdfReach(0.01)),
                () -> assertMessage("logOddsMiss", () -> new LidarMapConfig(0.05, 0, 0, 1, 1, 0, 0.1, 0.8, 0.1, -2, 3, 0, 1)),
                () -> assertMessage("logOddsHit", () -> new LidarMapConfig(0.05, 0, 0, 1, 1, 0, 0.1, 0.0, -0.4, -2, 3, 0, 1)),
                () -> assertMessage("logOddsMin", () -> new LidarMapConfig(0.05, 0, 0, 1, 1, 0, 0.1, 0.8, -0.4, 0.5, 3, 0, 1)),
                () -> assertMessage("minRange", () -> new LidarMapConfig(0.05, 0, 0, 1, 1, 0, -1, 0.8, -0.4, -2, 3, 0, 1)));
        assertEquals(210, d.sizeX());
        assertEquals(360, d.sizeY());
    }

    private static void assertMessage(String field, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(field), "message \"" + e.getMessage() + "\" should name " + field);
    }

    @Test
    void integrateRejectsShortScansAndNonFinitePoses() {
        LidarMap map = new LidarMap(LidarMapConfig.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> map.integrate(new double[10], HOKUYO, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> map.integrate(new double[720], HOKUYO, Double.NaN, 0, 0));
    }

    // ------------------------------------------------------------------------------------------------ occupancy

    @Test
    void scanFromBarnStartMarksTheWallsOccupiedAndTheWayThereFree() {
        for (int index : new int[] {0, 150, 268}) {
            World w = WorldLoader.loadBarn(index);
            LidarMap map = new LidarMap(cfg(w));
            double[] pose = {w.start().x(), w.start().y(), w.start().theta()};
            double[] r = scan(w, new Lidar(HOKUYO_EXACT), pose, null);
            map.integrate(r, HOKUYO_EXACT, pose[0], pose[1], pose[2]);
            double off = LidarMapConfig.JACKAL_SENSOR_OFFSET;
            double px = pose[0] + off * Math.cos(pose[2]);
            double py = pose[1] + off * Math.sin(pose[2]);
            Lidar lidar = new Lidar(HOKUYO_EXACT);
            int walls = 0;
            for (int i = 0; i < 720; i++) {
                double a = pose[2] + lidar.beamAngle(i);
                double dx = Math.cos(a);
                double dy = Math.sin(a);
                if (r[i] < 4.0) { // a wall near the robot: its cell is occupied
                    walls++;
                    double hx = px + (r[i] + 1e-6) * dx;
                    double hy = py + (r[i] + 1e-6) * dy;
                    assertTrue(map.isOccupied(map.cellX(hx), map.cellY(hy)), "world " + index + " beam " + i + " hit at "
                            + hx + ", " + hy + " not occupied");
                }
                // Every cell the beam crossed before the last cell in front of the hit is known and free.
                double reach = Math.min(r[i], 8.0) - map.resolution();
                for (double t = 0.0; t < reach; t += 0.02) {
                    int cx = map.cellX(px + t * dx);
                    int cy = map.cellY(py + t * dy);
                    assertTrue(map.isKnown(cx, cy) && !map.isOccupied(cx, cy), "world " + index + " beam " + i + " at t = "
                            + t + " m should be free");
                }
            }
            assertTrue(walls > 50, "world " + index + ": the back and side walls are within 4 m, got " + walls + " beams");
            // Nothing occupied that is not a true obstacle (noise-free scan): every occupied 0.05 m cell lies in a
            // 0.15 m square of the world.
            for (int ix = 0; ix < map.sizeX(); ix++) {
                for (int iy = 0; iy < map.sizeY(); iy++) {
                    if (map.isOccupied(ix, iy)) {
                        double cx = map.originX() + (ix + 0.5) * map.resolution();
                        double cy = map.originY() + (iy + 0.5) * map.resolution();
                        assertTrue(w.grid().isOccupiedAt(cx, cy), "world " + index + ": cell (" + ix + ", " + iy
                                + ") occupied in the map but free in the world");
                    }
                }
            }
            // The field never sees an obstacle closer than the truth does (it knows a subset of the walls); the
            // tolerance covers the world field's corner over-estimate (0.03 m) and its bilinear error at 0.15 m.
            double[] v = map.grid().values();
            SignedDistanceField truth = w.sdf();
            for (int ix = 0; ix < map.sizeX(); ix += 3) {
                for (int iy = 0; iy < map.sizeY(); iy += 3) {
                    double cx = map.originX() + (ix + 0.5) * map.resolution();
                    double cy = map.originY() + (iy + 0.5) * map.resolution();
                    double t = Math.min(map.config().sdfReach(), truth.distance(cx, cy));
                    if (v[ix * map.sizeY() + iy] > 0 && t > 0) {
                        assertTrue(v[ix * map.sizeY() + iy] >= t - 0.1,
                                "world " + index + " at " + cx + ", " + cy + ": map " + v[ix * map.sizeY() + iy]
                                        + " m < truth " + t + " m");
                    }
                }
            }
        }
    }

    @Test
    void maxRangeReturnsMarkFreeToTheRangeAndNoHit() {
        LidarMapConfig c = LidarMapConfig.DEFAULT.withExtent(-5, -5, 10, 10).withSensorOffset(0.0);
        LidarMap map = new LidarMap(c);
        LidarConfig ring = new LidarConfig(64, 2 * Math.PI, 3.0, 0.0);
        double[] r = new double[64];
        java.util.Arrays.fill(r, 3.0);
        r[5] = Double.POSITIVE_INFINITY; // beyond max range reads as max range too
        r[6] = 7.0;
        map.integrate(r, ring, 0.0, 0.0, 0.0);
        assertEquals(0, map.occupiedCount(), "a max-range return is no hit");
        assertFalse(map.occupancyChanged());
        assertEquals(c.sdfReach(), map.distance(0, 0), 0.0, "nothing seen: the field reads its reach");
        Lidar lidar = new Lidar(ring);
        for (int i = 0; i < 64; i++) {
            double a = lidar.beamAngle(i);
            for (double t = 0.0; t < 2.97; t += 0.01) {
                assertTrue(map.isKnown(map.cellX(t * Math.cos(a)), map.cellY(t * Math.sin(a))), "beam " + i + " t " + t);
            }
            assertFalse(map.isKnown(map.cellX(3.2 * Math.cos(a)), map.cellY(3.2 * Math.sin(a))), "beyond the range");
        }
    }

    @Test
    void shortAndNaNReturnsAreDropped() {
        LidarMap map = new LidarMap(LidarMapConfig.DEFAULT.withExtent(-5, -5, 10, 10).withSensorOffset(0.0));
        LidarConfig two = new LidarConfig(2, Math.PI / 2, 3.0, 0.0);
        map.integrate(new double[] {0.05, Double.NaN}, two, 0.0, 0.0, 0.0);
        assertEquals(0, map.knownCount());
        assertEquals(0, map.version(), "nothing changed");
    }

    @Test
    void theSensorSitsBehindTheRobotCentre() {
        // One beam straight ahead hits at 1.0 m from the sensor: with the sensor 0.065 m behind a robot at the
        // origin heading +x, the wall is at x = 0.935.
        LidarMap map = new LidarMap(LidarMapConfig.DEFAULT.withExtent(-5, -5, 10, 10));
        LidarConfig one = new LidarConfig(1, 0.1, 3.0, 0.0);
        map.integrate(new double[] {1.0}, one, 0.0, 0.0, 0.0);
        assertTrue(map.isOccupied(map.cellX(0.935 + 1e-6), map.cellY(0.0)));
        assertEquals(1, map.occupiedCount());
        assertTrue(map.isKnown(map.cellX(-0.06), map.cellY(0.0)), "the sensor's own cell");
        assertFalse(map.isKnown(map.cellX(-0.11), map.cellY(0.0)), "behind the sensor");
    }

    @Test
    void theSameScanTwiceConvergesToTheClamps() {
        World w = WorldLoader.loadBarn(42);
        LidarMap map = new LidarMap(cfg(w));
        double[] pose = {w.start().x(), w.start().y() + 1.0, w.start().theta()};
        double[] r = scan(w, new Lidar(HOKUYO), pose, new SplittableRandom(7));
        map.integrate(r, HOKUYO, pose[0], pose[1], pose[2]);
        long v1 = map.version();
        int occupied = map.occupiedCount();
        map.integrate(r, HOKUYO, pose[0], pose[1], pose[2]);
        assertEquals(occupied, map.occupiedCount(), "a repeated scan confirms, it does not add");
        assertFalse(map.occupancyChanged());
        assertEquals(v1, map.version(), "no cell changed class");
        for (int i = 0; i < 20; i++) {
            map.integrate(r, HOKUYO, pose[0], pose[1], pose[2]);
        }
        LidarMapConfig c = map.config();
        int atMax = 0;
        int atMin = 0;
        for (int ix = 0; ix < map.sizeX(); ix++) {
            for (int iy = 0; iy < map.sizeY(); iy++) {
                float l = map.logOdds(ix, iy);
                if (map.isOccupied(ix, iy)) {
                    assertEquals((float) c.logOddsMax(), l, 0f, "occupied cell clamped at the top");
                    atMax++;
                } else if (map.isKnown(ix, iy)) {
                    assertEquals((float) c.logOddsMin(), l, 0f, "free cell clamped at the bottom");
                    atMin++;
                }
            }
        }
        assertEquals(occupied, atMax);
        assertTrue(atMin > 1000);
        assertFieldMatchesFromScratch(map, "after 22 identical scans");
    }

    // ------------------------------------------------------------------------------------------------ field

    @Test
    void incrementalFieldEqualsFromScratchAlongPaths() {
        int[] worlds = {0, 77, 268, 299};
        for (int index : worlds) {
            World w = WorldLoader.loadBarn(index);
            LidarMap map = new LidarMap(cfg(w));
            Lidar lidar = new Lidar(HOKUYO);
            SplittableRandom rng = new SplittableRandom(index);
            List<double[]> poses = posesAlong(w, 0.2);
            for (int i = 0; i < poses.size(); i++) {
                double[] p = poses.get(i);
                map.integrate(scan(w, lidar, p, rng), HOKUYO, p[0], p[1], p[2]);
                if (i % 8 == 0 || i == poses.size() - 1) {
                    assertFieldMatchesFromScratch(map, "world " + index + " scan " + i);
                }
            }
        }
    }

    @Test
    void incrementalFieldFollowsRemovalsAndOddGeometry() {
        // An odd resolution and reach, a map smaller than the world (walls at its border, beams leaving it), and a
        // second world driven through the same map so that walls vanish (occupied → free flips).
        World a = WorldLoader.loadBarn(5);
        World b = WorldLoader.loadBarn(200);
        LidarMapConfig c = LidarMapConfig.DEFAULT.withResolution(0.07).withExtent(-4.6, 1.0, 4.9, 9.1).withSdfReach(0.45);
        LidarMap map = new LidarMap(c);
        LidarConfig lc = new LidarConfig(360, Math.toRadians(270), 30.0, 0.01);
        Lidar lidar = new Lidar(lc);
        SplittableRandom rng = new SplittableRandom(3);
        boolean[] wallsOfA = null;
        for (World w : new World[] {a, b}) {
            if (w == b) {
                wallsOfA = occupancy(map);
            }
            List<double[]> poses = posesAlong(w, 0.3);
            for (int i = 0; i < poses.size(); i++) {
                double[] p = poses.get(i);
                for (int rep = 0; rep < (w == b ? 12 : 1); rep++) { // 9 misses overturn a clamped wall
                    map.integrate(scan(w, lidar, p, rng), lc, p[0], p[1], p[2]);
                }
                if (i % 6 == 0) {
                    assertFieldMatchesFromScratch(map, w.name() + " scan " + i);
                }
            }
        }
        boolean[] now = occupancy(map);
        int removed = 0;
        for (int i = 0; i < now.length; i++) {
            if (wallsOfA[i] && !now[i]) {
                removed++;
            }
        }
        assertTrue(removed >= 10, "the second world should clear some of the first one's walls, cleared " + removed);
        assertFieldMatchesFromScratch(map, "end");
    }

    @Test
    void aPublishedGridDoesNotChangeThroughTheNextIntegrate() {
        World w = WorldLoader.loadBarn(10);
        LidarMap map = new LidarMap(cfg(w));
        Lidar lidar = new Lidar(HOKUYO);
        SplittableRandom rng = new SplittableRandom(1);
        List<double[]> poses = posesAlong(w, 0.3);
        double[] p0 = poses.get(0);
        map.integrate(scan(w, lidar, p0, rng), HOKUYO, p0[0], p0[1], p0[2]);
        for (int i = 1; i < poses.size(); i++) {
            DistanceGrid held = map.grid();
            double[] copy = held.values().clone();
            double[] p = poses.get(i);
            map.integrate(scan(w, lidar, p, rng), HOKUYO, p[0], p[1], p[2]);
            assertArrayEquals(copy, held.values(), 0.0, "scan " + i + " changed the grid a planner held");
            if (map.occupancyChanged()) {
                assertNotSame(held, map.grid(), "a changed field is published as the other buffer");
            }
        }
        DistanceGrid held = map.grid();
        double[] copy = held.values().clone();
        map.reset();
        assertArrayEquals(copy, held.values(), 0.0, "reset must not touch the published grid");
        assertEquals(0, map.knownCount());
        assertEquals(map.config().sdfReach(), map.distance(-2, 8), 0.0);
        double[] p = poses.get(3);
        map.integrate(scan(w, lidar, p, rng), HOKUYO, p[0], p[1], p[2]);
        assertFieldMatchesFromScratch(map, "after reset");
    }

    @Test
    void sameScansGiveBitIdenticalMaps() {
        World w = WorldLoader.loadBarn(123);
        LidarMap m1 = new LidarMap(cfg(w));
        LidarMap m2 = new LidarMap(cfg(w));
        Lidar lidar = new Lidar(HOKUYO);
        SplittableRandom r1 = new SplittableRandom(9);
        SplittableRandom r2 = new SplittableRandom(9);
        for (double[] p : posesAlong(w, 0.5)) {
            m1.integrate(scan(w, lidar, p, r1), HOKUYO, p[0], p[1], p[2]);
            m2.integrate(scan(w, lidar, p, r2), HOKUYO, p[0], p[1], p[2]);
        }
        assertArrayEquals(m1.grid().values(), m2.grid().values(), 0.0);
        assertEquals(m1.version(), m2.version());
        for (int ix = 0; ix < m1.sizeX(); ix++) {
            for (int iy = 0; iy < m1.sizeY(); iy++) {
                assertEquals(m1.logOdds(ix, iy), m2.logOdds(ix, iy), 0f);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ guide API

    @Test
    void versionAndChangedBoxTellTheGuideWhatBecameOccupied() {
        LidarMap map = new LidarMap(LidarMapConfig.DEFAULT.withExtent(-5, -5, 10, 10).withSensorOffset(0.0));
        LidarConfig fan = new LidarConfig(21, Math.toRadians(20), 5.0, 0.0);
        double[] r = new double[21];
        // A wall x = 2 in front of the robot at the origin heading +x: range 2/cos α.
        Lidar lidar = new Lidar(fan);
        for (int i = 0; i < 21; i++) {
            r[i] = 2.0 / Math.cos(lidar.beamAngle(i));
        }
        long v0 = map.version();
        map.integrate(r, fan, 0, 0, 0);
        assertTrue(map.version() > v0);
        assertTrue(map.occupancyChanged());
        int wall = map.cellX(2.0 + 1e-6);
        assertEquals(wall, map.changedMinIx());
        assertEquals(wall, map.changedMaxIx());
        assertEquals(map.cellY(-2.0 * Math.tan(Math.toRadians(10)) + 1e-6), map.changedMinIy());
        assertEquals(map.cellY(2.0 * Math.tan(Math.toRadians(10))), map.changedMaxIy());
        int wy = map.cellY(0.0);
        assertTrue(map.becameOccupiedAfter(wall, wy, v0));
        assertFalse(map.becameOccupiedAfter(wall, wy, map.version()));
        assertFalse(map.becameOccupiedAfter(wall - 3, wy, v0), "free cells never count");
        // The field knows the wall: 1 m in front of it the clearance is 1 m.
        assertEquals(1.0, map.distance(1.0, 0.0), 0.03);
        long v1 = map.version();
        map.integrate(r, fan, 0, 0, 0);
        assertFalse(map.occupancyChanged());
        assertTrue(map.changedMinIx() > map.changedMaxIx(), "empty box");
        assertEquals(v1, map.version());
        OccupancyGrid g = new OccupancyGrid(map.sizeX(), map.sizeY(), map.resolution(), map.originX(), map.originY());
        map.copyOccupancy(g, false);
        assertEquals(map.occupiedCount(), g.occupiedCount());
        map.copyOccupancy(g, true);
        assertEquals(map.sizeX() * map.sizeY() - map.knownCount() + map.occupiedCount(), g.occupiedCount());
        assertThrows(IllegalArgumentException.class, () -> map.copyOccupancy(new OccupancyGrid(3, 3, 0.05, 0, 0), false));
    }

    // ------------------------------------------------------------------------------------------------ allocation

    @Test
    void integrateAllocatesNothingOnceWarm() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean mx && mx.isThreadAllocatedMemorySupported(),
                "this JVM cannot count allocated bytes per thread");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        World w = WorldLoader.loadBarn(33);
        Lidar lidar = new Lidar(HOKUYO);
        SplittableRandom rng = new SplittableRandom(5);
        List<double[]> poses = posesAlong(w, 0.1);
        double[][] scans = new double[poses.size()][];
        for (int i = 0; i < scans.length; i++) {
            scans[i] = scan(w, lidar, poses.get(i), rng);
        }
        LidarMap map = new LidarMap(cfg(w));
        long id = Thread.currentThread().getId();
        long budget = 1024; // the JIT may re-materialise a few eliminated objects; one object per scan is more
        for (int warm = 0; warm < 3; warm++) { // JIT and the beam table; the map keeps changing on every pass
            map.reset();
            for (int i = 0; i < scans.length; i++) {
                double[] p = poses.get(i);
                map.integrate(scans[i], HOKUYO, p[0], p[1], p[2]);
            }
        }
        map.reset();
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < scans.length; i++) {
            double[] p = poses.get(i);
            map.integrate(scans[i], HOKUYO, p[0], p[1], p[2]);
        }
        long used = mx.getThreadAllocatedBytes(id) - before;
        assertTrue(used <= budget, used + " bytes allocated over " + scans.length + " scans (budget " + budget + " B)");
    }
}
