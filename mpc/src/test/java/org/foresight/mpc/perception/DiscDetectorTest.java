package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.MovingObstacle;
import org.foresight.dynamics.world.OccupancyGrid;
import org.junit.jupiter.api.Test;

/** One scan's disc measurements: the circle fit's centre and radius, and pieces hidden in part. */
class DiscDetectorTest {
    private static final OccupancyGrid EMPTY = new OccupancyGrid(200, 200, 0.2, -20, -20);
    private static final ReturnExplainer NOTHING_STATIC = (x, y) -> false;

    private final Lidar lidar = new Lidar(LidarConfig.HOKUYO_UST10LX);
    private final DiscDetector detector = new DiscDetector(TrackerConfig.defaults(), lidar);
    private final double[] ranges = new double[lidar.config().beams()];

    private int scan(List<MovingObstacle> discs, SplittableRandom rnd) {
        lidar.scan(EMPTY, discs, 0, 0, 0, ranges, rnd);
        return detector.detect(ranges, 0, 0, 0, NOTHING_STATIC);
    }

    @Test
    void aWholeDiscsCentreAndRadiusAreWithinACentimetreAtMostRanges() {
        // 0.5 m and 0.3 m discs 1.5–12 m away, anywhere in view, with the Hokuyo's 1 cm range noise. The outermost
        // beams miss part of the width, so bearing and width alone put the centre 2–8 cm short; the fit does not.
        SplittableRandom rnd = new SplittableRandom(11);
        double[] centre = new double[200];
        double[] radiusError = new double[200];
        for (int trial = 0; trial < 200; trial++) {
            double radius = trial % 2 == 0 ? 0.5 : 0.3;
            double range = 1.5 + 10.5 * rnd.nextDouble();
            double bearing = -2.0 + 4.0 * rnd.nextDouble();
            MovingObstacle disc = new MovingObstacle(range * Math.cos(bearing), range * Math.sin(bearing), 0, 0,
                    radius, null);
            assertEquals(1, scan(List.of(disc), rnd), "trial " + trial + ": one disc, one measurement");
            centre[trial] = Math.hypot(detector.x(0) - disc.x(), detector.y(0) - disc.y());
            radiusError[trial] = Math.abs(detector.r(0) - radius);
        }
        java.util.Arrays.sort(centre);
        java.util.Arrays.sort(radiusError);
        assertTrue(centre[100] < 0.01, "median centre error " + centre[100] + " m");
        assertTrue(radiusError[100] < 0.01, "median radius error " + radiusError[100] + " m");
        // the worst: a 0.3 m disc 12 m away spans 7 beams
        assertTrue(centre[199] < 0.05, "worst centre error " + centre[199] + " m");
        assertTrue(radiusError[199] < 0.05, "worst radius error " + radiusError[199] + " m");
    }

    @Test
    void aDiscHalfHiddenIsMeasuredByItsArcAndASliverIsNot() {
        // a 0.5 m disc 3 m in front hides part of one 6 m away. With the far one's centre 0.3 m beside the line of
        // sight past the near one's edge, 0.8 m of its 1 m width shows, an arc of 2.2 rad about its centre: measured
        // from that arc. With its centre 0.3 m inside the shadow, a sliver of 0.2 m (0.9 rad): no measurement rather
        // than a wrong one. The near disc is measured whole either way.
        SplittableRandom rnd = new SplittableRandom(5);
        MovingObstacle near = new MovingObstacle(3, 0, 0, 0, 0.5, null);
        double edge = 6 * Math.tan(Math.asin(0.5 / 3)); // where the near disc's tangent passes at 6 m
        for (double beside : new double[] {0.3, -0.3}) {
            MovingObstacle far = new MovingObstacle(6, edge + beside, 0, 0, 0.5, null);
            int n = scan(List.of(near, far), rnd);
            int onFar = 0;
            int onNear = 0;
            for (int j = 0; j < n; j++) {
                if (Math.hypot(detector.x(j) - far.x(), detector.y(j) - far.y()) < 0.05) {
                    onFar++;
                }
                if (Math.hypot(detector.x(j) - near.x(), detector.y(j) - near.y()) < 0.05) {
                    onNear++;
                }
                assertTrue(Math.hypot(detector.x(j) - far.x(), detector.y(j) - far.y()) < 0.05
                                || Math.hypot(detector.x(j) - near.x(), detector.y(j) - near.y()) < 0.05,
                        "measurement " + j + " at (" + detector.x(j) + ", " + detector.y(j) + ") is on neither disc");
            }
            assertEquals(1, onNear, "near disc");
            assertEquals(beside > 0 ? 1 : 0, onFar, "far disc " + beside + " m beside the near one's shadow");
        }
    }
}
