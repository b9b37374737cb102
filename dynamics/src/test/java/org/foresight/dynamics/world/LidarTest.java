package org.foresight.dynamics.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LidarTest {
    private static final double EPS = 1e-9; // m

    @Test
    void beamLayoutCoversTheFieldOfView() {
        Lidar l = new Lidar(LidarConfig.DEFAULT);
        assertEquals(720, l.config().beams());
        assertEquals(-Math.toRadians(135), l.beamAngle(0), 1e-12);
        assertEquals(Math.toRadians(135), l.beamAngle(719), 1e-12);
        assertEquals(Math.toRadians(270) / 719, l.beamAngle(1) - l.beamAngle(0), 1e-12);
    }

    @Test
    void rangesToAStraightWallAreAnalytic() {
        // wall: cells ix = 40 (x ∈ [4.0, 4.1)) over the whole grid height
        OccupancyGrid g = new OccupancyGrid(60, 400, 0.1, 0.0, -20.0);
        for (int j = 0; j < 400; j++) {
            g.setOccupied(40, j, true);
        }
        Lidar l = new Lidar(LidarConfig.DEFAULT);
        double[] r = new double[720];
        double x = 1.23;
        double y = 0.37;
        double th = 0.3;
        l.scan(g, List.of(), x, y, th, r);
        for (int i = 0; i < 720; i++) {
            double phi = th + l.beamAngle(i);
            double c = Math.cos(phi);
            double want = 30.0;
            if (c > 0) {
                double t = (4.0 - x) / c;
                double yHit = y + t * Math.sin(phi);
                if (t <= 30.0 && yHit > -20.0 && yHit < 20.0) {
                    want = t;
                }
            }
            assertEquals(want, r[i], EPS, "beam " + i);
        }
    }

    @Test
    void matchesFineRayMarchingOnRandomGrids() {
        SplittableRandom rnd = new SplittableRandom(17);
        OccupancyGrid g = new OccupancyGrid(30, 30, 0.15, -1.0, 2.0);
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                g.setOccupied(i, j, rnd.nextDouble() < 0.06);
            }
        }
        double step = 1e-4;
        for (int k = 0; k < 200; k++) {
            double x = -2.0 + 6.5 * rnd.nextDouble();
            double y = 1.0 + 6.5 * rnd.nextDouble();
            double phi = rnd.nextDouble() * 2 * Math.PI;
            double dx = Math.cos(phi);
            double dy = Math.sin(phi);
            double got = Lidar.castRay(g, List.of(), x, y, dx, dy, 8.0);
            double want = 8.0;
            for (double t = 0; t <= 8.0; t += step) {
                if (g.isOccupiedAt(x + t * dx, y + t * dy)) {
                    want = t;
                    break;
                }
            }
            assertEquals(want, got, 2 * step, "ray " + k);
        }
    }

    @Test
    void movingDiscIsSeenAtItsSurface() {
        OccupancyGrid empty = new OccupancyGrid(10, 10, 0.1, 0.0, 0.0);
        Lidar l = new Lidar(new LidarConfig(3, Math.PI / 2, 10.0, 0.0));
        double[] r = new double[3];
        List<MovingObstacle> disc = List.of(new MovingObstacle(5.0, 2.0, 0.3, 0, 0.4, null));
        l.scan(empty, disc, 1.0, 2.0, 0.0, r);
        assertEquals(10.0, r[0], EPS, "right beam misses");
        assertEquals(3.6, r[1], EPS, "straight ahead: 4 − 0.4");
        assertEquals(10.0, r[2], EPS);
        // the disc behind the sensor is not seen; inside it the range is 0
        l.scan(empty, disc, 5.2, 2.0, 0.0, r);
        assertEquals(0.0, r[1], EPS);
        l.scan(empty, disc, 6.0, 2.0, 0.0, r);
        assertEquals(10.0, r[1], EPS);
        // nearer of wall and disc
        OccupancyGrid wall = new OccupancyGrid(100, 50, 0.1, 0.0, 0.0);
        for (int j = 0; j < 50; j++) {
            wall.setOccupied(45, j, true);
        }
        l.scan(wall, disc, 1.0, 2.0, 0.0, r);
        assertEquals(3.5, r[1], EPS, "wall at x = 4.5 before disc surface at 4.6");
    }

    @Test
    void noiseIsSeededAndClamped() {
        OccupancyGrid g = new OccupancyGrid(100, 100, 0.1, -5.0, -5.0);
        for (int j = 0; j < 100; j++) {
            g.setOccupied(60, j, true);
        }
        Lidar l = new Lidar(new LidarConfig(720, Math.toRadians(270), 30.0, 0.02));
        double[] a = new double[720];
        double[] b = new double[720];
        double[] clean = new double[720];
        l.scan(g, List.of(), 0, 0, 0, a, new SplittableRandom(1));
        l.scan(g, List.of(), 0, 0, 0, b, new SplittableRandom(1));
        l.scan(g, List.of(), 0, 0, 0, clean);
        assertArrayEquals(a, b, 0.0);
        double sum2 = 0;
        int n = 0;
        for (int i = 0; i < 720; i++) {
            assertTrue(a[i] >= 0 && a[i] <= 30.0);
            if (clean[i] < 30.0) {
                sum2 += (a[i] - clean[i]) * (a[i] - clean[i]);
                n++;
            } else {
                assertEquals(30.0, a[i]);
            }
        }
        double std = Math.sqrt(sum2 / n);
        assertTrue(n > 100 && std > 0.015 && std < 0.025, "noise std " + std + " over " + n);
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> new LidarConfig(0, 1.0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new LidarConfig(10, 7.0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new LidarConfig(10, 1.0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LidarConfig(10, 1.0, 10, -0.1));
        Lidar l = new Lidar(LidarConfig.DEFAULT);
        assertThrows(IllegalArgumentException.class,
            () -> l.scan(new OccupancyGrid(2, 2, 0.1, 0, 0), List.of(), 0, 0, 0, new double[10]));
    }
}
