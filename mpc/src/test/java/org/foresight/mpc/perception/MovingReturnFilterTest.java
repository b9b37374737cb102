package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.MovingObstacle;
import org.foresight.dynamics.world.OccupancyGrid;
import org.junit.jupiter.api.Test;

/**
 * A lidar map built from the same scans that track the moving discs: a disc crossing the arena leaves no occupied
 * cell on its path, while a wall and a small post seen for the first time enter the map.
 */
class MovingReturnFilterTest {
    private static final double DT = 0.05;
    private static final int SCANS = 40;
    private static final LidarConfig HOKUYO = LidarConfig.HOKUYO_UST10LX;

    /** 20 × 20 m around the sensor at the origin: a wall along y = 4 for x ∈ [−2, 8], a 0.3 m post at (1.15, 2.65). */
    private static OccupancyGrid arena() {
        OccupancyGrid g = walled();
        for (int ix = g.cellX(1.0); ix <= g.cellX(1.29); ix++) {
            for (int iy = g.cellY(2.5); iy <= g.cellY(2.79); iy++) {
                g.setOccupied(ix, iy, true);
            }
        }
        return g;
    }

    /** @return 20 × 20 m at 0.05 m around the sensor at the origin, a wall along y = 4 for x ∈ [−2, 8]. */
    static OccupancyGrid walled() {
        OccupancyGrid g = new OccupancyGrid(400, 400, 0.05, -10, -10);
        for (int ix = g.cellX(-2); ix <= g.cellX(8); ix++) {
            for (int iy = g.cellY(4.0); iy <= g.cellY(4.14); iy++) {
                g.setOccupied(ix, iy, true);
            }
        }
        return g;
    }

    /** Result of one crossing: ghost cells on the disc's path in the filtered and in a plain map, wall and post cells. */
    private record Crossing(int ghosts, int plainGhosts, double wallSeen, int postCells) {
    }

    /**
     * One disc of radius 0.5 m at 0.5–1.9 m/s for 2 s: across the sensor's view (upwards from y = −3), or at 1.0–1.9 m/s
     * straight at the sensor from 7 m (bearing in [−1.2, 0.3] rad), which hides every cell it has painted behind it.
     */
    private static Crossing cross(long seed, boolean towards) {
        SplittableRandom rnd = new SplittableRandom(seed);
        OccupancyGrid g = arena();
        double speed = (towards ? 1.0 : 0.5) + (towards ? 0.9 : 1.4) * rnd.nextDouble();
        MovingObstacle disc;
        if (towards) {
            double a = -1.2 + 1.5 * rnd.nextDouble();
            disc = new MovingObstacle(7 * Math.cos(a), 7 * Math.sin(a), -speed * Math.cos(a), -speed * Math.sin(a), 0.5,
                    null);
        } else {
            double vx = -0.3 + 0.6 * rnd.nextDouble();
            disc = new MovingObstacle(3 + 3 * rnd.nextDouble(), -3.0, vx, speed, 0.5, null);
        }
        List<MovingObstacle> obs = new ArrayList<>(List.of(disc));
        Lidar lidar = new Lidar(HOKUYO);
        LidarMapConfig mc = LidarMapConfig.covering(g).withSensorOffset(0.0);
        LidarMap map = new LidarMap(mc);
        LidarMap plain = new LidarMap(mc);
        DiscTracker tracker = new DiscTracker(TrackerConfig.defaults(), lidar);
        MovingReturnFilter filter = new MovingReturnFilter(MovingFilterConfig.defaults());
        MovingDiscs clear = new MovingDiscs();
        double[] ranges = new double[HOKUYO.beams()];
        List<double[]> path = new ArrayList<>();
        for (int c = 0; c < SCANS; c++) {
            path.add(new double[] {disc.x(), disc.y()});
            lidar.scan(g, obs, 0, 0, 0, ranges, rnd);
            tracker.update(c * DT, ranges, 0, 0, 0, map.grid());
            filter.mark(tracker, lidar, ranges, 0, 0, 0);
            map.integrate(filter.ranges(), filter.held(), filter.clearing(tracker, clear), HOKUYO, 0, 0, 0);
            plain.integrate(ranges, HOKUYO, 0, 0, 0);
            disc.step(DT, g);
        }
        // the path: cells within 0.45 m of a past centre and farther than 1.0 m from the disc's last scanned centre
        double[] last = path.get(path.size() - 1);
        int ghosts = 0;
        int plainGhosts = 0;
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (double[] p : path) {
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        for (int ix = map.cellX(x0 - 0.5); ix <= map.cellX(x1 + 0.5); ix++) {
            for (int iy = map.cellY(y0 - 0.5); iy <= map.cellY(y1 + 0.5); iy++) {
                double x = map.originX() + (ix + 0.5) * map.resolution();
                double y = map.originY() + (iy + 0.5) * map.resolution();
                if (Math.hypot(x - last[0], y - last[1]) < 1.0 || g.isOccupied(ix, iy)) {
                    continue;
                }
                boolean onPath = false;
                for (double[] p : path) {
                    onPath |= Math.hypot(x - p[0], y - p[1]) < 0.45;
                }
                if (onPath && map.isOccupied(ix, iy)) {
                    ghosts++;
                }
                if (onPath && plain.isOccupied(ix, iy)) {
                    plainGhosts++;
                }
            }
        }
        // the wall's near face seen from the origin, x ∈ [−1.5, 7.5] (away from its ends), shadow of the post aside
        int face = 0;
        int seen = 0;
        int iy = g.cellY(4.0);
        for (int ix = g.cellX(-1.5); ix <= g.cellX(7.5); ix++) {
            double x = map.originX() + (ix + 0.5) * map.resolution();
            if (x > 0.6 && x < 2.3) {
                continue; // behind the post
            }
            face++;
            if (map.isOccupied(ix, iy)) {
                seen++;
            }
        }
        int post = 0;
        for (int ix = g.cellX(1.0); ix <= g.cellX(1.29); ix++) {
            for (int jy = g.cellY(2.5); jy <= g.cellY(2.79); jy++) {
                post += map.isOccupied(ix, jy) ? 1 : 0;
            }
        }
        return new Crossing(ghosts, plainGhosts, seen / (double) face, post);
    }

    @Test
    void aMovingDiscLeavesNoGhostWhileTheWallAndAPostSeenFirstAreMapped() {
        for (long seed = 1; seed <= 12; seed++) {
            boolean towards = seed % 2 == 0;
            Crossing c = cross(seed, towards);
            if (towards) {
                assertTrue(c.plainGhosts() > 0, "seed " + seed + ": without the filter the disc paints its path (else "
                        + "the test could not see a ghost)");
            }
            assertEquals(0, c.ghosts(), "seed " + seed + ": occupied cells on the disc's path (" + c.plainGhosts()
                    + " without the filter)");
            assertTrue(c.wallSeen() > 0.8, "seed " + seed + ": only " + c.wallSeen() + " of the wall's face mapped");
            assertTrue(c.postCells() > 0, "seed " + seed + ": the static post seen first never entered the map");
        }
    }

    @Test
    void aTrackIsHeldWhileYoungOrMovingAndReleasedWhenStatic() {
        Lidar lidar = new Lidar(HOKUYO);
        OccupancyGrid g = new OccupancyGrid(400, 400, 0.05, -10, -10);
        DiscTracker tracker = new DiscTracker(TrackerConfig.defaults(), lidar);
        MovingReturnFilter filter = new MovingReturnFilter(MovingFilterConfig.defaults());
        DistanceGrid empty = MapObstacleField.of(new org.foresight.dynamics.world.World("e", g,
                new org.foresight.dynamics.world.Pose2(0, 0, 0), 5, 0, 1.0, new double[] {0, 0, 5, 0},
                new org.foresight.dynamics.world.FieldBounds(-10, -10, 10, 10), List.of())).grid();
        double[] ranges = new double[HOKUYO.beams()];
        List<MovingObstacle> still = List.of(new MovingObstacle(4, 1, 0, 0, 0.3, null));
        MovingDiscs movers = new MovingDiscs();
        for (int c = 0; c <= 20; c++) {
            lidar.scan(g, still, 0, 0, 0, ranges);
            tracker.update(c * DT, ranges, 0, 0, 0, empty);
            int held = filter.mark(tracker, lidar, ranges, 0, 0, 0);
            filter.movers(tracker, movers);
            double age = c * DT;
            if (age < 0.5 - 1e-9) {
                assertTrue(held > 0, "cycle " + c + ": a young track's returns are held");
            } else {
                assertEquals(0, held, "cycle " + c + ": a track that has not moved in 0.5 s is static");
                assertEquals(0, movers.count(), "cycle " + c + ": a static track is the map's, not the planner's");
            }
        }
    }
    @Test
    void aSlowDiscIsNotTakenForAStaticObstacle() {
        // a disc at 0.3–0.55 m/s (it travels less than moveDistance = 0.3 m in staticAge = 0.5 s, as a DynaBARN disc
        // does as it sets off): its filtered speed keeps it moving, so it stays the planner's and out of the map
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 12; trial++) {
            double speed = 0.3 + 0.25 * rnd.nextDouble();
            double heading = 2 * Math.PI * rnd.nextDouble();
            double x0 = 2 + 3 * rnd.nextDouble();
            double y0 = -2 + 4 * rnd.nextDouble();
            MovingObstacle disc = new MovingObstacle(x0, y0, speed * Math.cos(heading), speed * Math.sin(heading), 0.5,
                    null);
            OccupancyGrid g = new OccupancyGrid(400, 400, 0.05, -10, -10);
            List<MovingObstacle> obs = List.of(disc);
            Lidar lidar = new Lidar(HOKUYO);
            LidarMap map = new LidarMap(LidarMapConfig.covering(g).withSensorOffset(0.0));
            DiscTracker tracker = new DiscTracker(TrackerConfig.defaults(), lidar);
            MovingReturnFilter filter = new MovingReturnFilter(MovingFilterConfig.defaults());
            MovingDiscs clear = new MovingDiscs();
            MovingDiscs movers = new MovingDiscs();
            double[] ranges = new double[HOKUYO.beams()];
            for (int c = 0; c < 20; c++) {
                lidar.scan(g, obs, 0, 0, 0, ranges, rnd);
                tracker.update(c * DT, ranges, 0, 0, 0, map.grid());
                filter.mark(tracker, lidar, ranges, 0, 0, 0);
                map.integrate(filter.ranges(), filter.held(), filter.clearing(tracker, clear), HOKUYO, 0, 0, 0);
                filter.movers(tracker, movers);
                if (c >= 3) {
                    assertEquals(1, movers.count(), "trial " + trial + " (" + speed + " m/s), cycle " + c
                            + ": the disc is the planner's");
                }
                disc.step(DT, g);
            }
            assertEquals(0, map.occupiedCount(), "trial " + trial + ": the disc painted cells into the map (nothing "
                    + "else is there)");
        }
    }
}
