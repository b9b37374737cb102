package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.MovingObstacle;
import org.foresight.dynamics.world.OccupancyGrid;
import org.junit.jupiter.api.Test;

/**
 * Only cells occupied for settleAge explain returns: a wall does once it has been seen that long, a slow disc whose
 * returns went into the map does not, so the tracker finds it again instead of leaving it to the map.
 */
class SettledCellsTest {
    private static final double DT = 0.05;
    private static final LidarConfig HOKUYO = LidarConfig.HOKUYO_UST10LX;

    /** 20 × 20 m around the sensor at the origin, a wall along y = 4 for x ∈ [−2, 8]. */
    private static OccupancyGrid arena() {
        return MovingReturnFilterTest.walled();
    }

    @Test
    void aWallExplainsItsReturnsOnlyOnceSettled() {
        OccupancyGrid g = arena();
        Lidar lidar = new Lidar(HOKUYO);
        LidarMap map = new LidarMap(LidarMapConfig.covering(g).withSensorOffset(0.0));
        SettledCells settled = new SettledCells(map, 1.0, 0.2);
        SettledCells at0 = new SettledCells(map, 0.0, 0.2);
        double[] ranges = new double[HOKUYO.beams()];
        SplittableRandom rnd = new SplittableRandom(3);
        boolean before = true;
        int firstSettled = -1;
        for (int c = 0; c <= 40; c++) {
            double t = c * DT;
            settled.at(t);
            at0.at(t);
            boolean explains = settled.explains(1.0, 3.98);
            if (c == 1) {
                assertTrue(at0.explains(1.0, 3.98), "settleAge 0: an occupied cell explains at once");
            }
            if (explains && firstSettled < 0) {
                firstSettled = c;
            }
            before &= c >= 20 || !explains;
            assertFalse(settled.explains(1.0, 2.0), "1.9 m from the wall: never the map's");
            assertFalse(at0.explains(1.0, 2.0));
            lidar.scan(g, List.of(), 0, 0, 0, ranges, rnd);
            map.integrate(ranges, HOKUYO, 0, 0, 0);
            settled.recorded(t);
            at0.recorded(t);
        }
        assertTrue(before, "the wall's cells do not explain before they have been occupied for 1 s");
        assertEquals(20, firstSettled, "occupied by the first scan, settled from 1.0 s");
        settled.reset();
        assertFalse(settled.at(3.0).explains(1.0, 3.98), "after a reset nothing is settled");
    }

    /**
     * A DynaBARN disc (radius 0.5 m) at 0.6 m/s across the view whose returns all went into the map for 1 s (its
     * track lost), then tracker, moving filter and map as in the closed loop: with the default settle age the tracker
     * has it confirmed again within 0.5 s; when every occupied cell explains, it never forms a cluster again.
     */
    @Test
    void aCapturedDiscIsFoundAgain() {
        assertEquals(0, trackedScans(0.0), "every occupied cell explains: the disc stays the map's");
        double age = MovingFilterConfig.defaults().settleAge();
        int tracked = trackedScans(age);
        assertTrue(tracked >= 20, "settle age " + age + " s: the disc is tracked again in " + tracked + " of 30 scans");
    }

    /** @return scans, of the 30 after the capture, whose confirmed tracks include one within 0.3 m of the disc. */
    private static int trackedScans(double settleAge) {
        OccupancyGrid g = arena();
        SplittableRandom rnd = new SplittableRandom(7);
        MovingObstacle disc = new MovingObstacle(1.0, 2.0, 0.6, 0.0, 0.5, null);
        List<MovingObstacle> obs = List.of(disc);
        Lidar lidar = new Lidar(HOKUYO);
        LidarMap map = new LidarMap(LidarMapConfig.covering(g).withSensorOffset(0.0));
        SettledCells settled = new SettledCells(map, settleAge, TrackerConfig.defaults().staticTolerance());
        DiscTracker tracker = new DiscTracker(TrackerConfig.defaults(), lidar);
        MovingReturnFilter filter = new MovingReturnFilter(MovingFilterConfig.defaults());
        MovingDiscs clear = new MovingDiscs();
        double[] ranges = new double[HOKUYO.beams()];
        int tracked = 0;
        for (int c = 0; c < 50; c++) {
            double t = c * DT;
            lidar.scan(g, obs, 0, 0, 0, ranges, rnd);
            if (c < 20) { // the capture: every return into the map
                map.integrate(ranges, HOKUYO, 0, 0, 0);
            } else { // the closed loop's order (TrackingLidarMap)
                tracker.update(t, ranges, 0, 0, 0, settled.at(t));
                filter.mark(tracker, lidar, ranges, 0, 0, 0);
                map.integrate(filter.ranges(), filter.held(), filter.clearing(tracker, clear), HOKUYO, 0, 0, 0);
                if (nearTrack(tracker, disc)) {
                    tracked++;
                }
            }
            settled.recorded(t);
            disc.step(DT, g);
        }
        return tracked;
    }

    private static boolean nearTrack(DiscTracker tracker, MovingObstacle disc) {
        for (int i = 0; i < tracker.trackCount(); i++) {
            if (tracker.confirmed(i) && Math.hypot(tracker.trackX(i) - disc.x(), tracker.trackY(i) - disc.y()) < 0.3) {
                return true;
            }
        }
        return false;
    }

    @Test
    void badSettingsAreRefused() {
        LidarMap map = new LidarMap(LidarMapConfig.covering(arena()));
        assertThrows(IllegalArgumentException.class, () -> new SettledCells(map, -1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new SettledCells(map, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SettledCells(null, 1, 0.2));
    }
}
