package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistanceGridTest {
    private static DistanceGrid plane() {
        int sx = 10;
        int sy = 7;
        double res = 0.2;
        double[] v = new double[sx * sy];
        for (int ix = 0; ix < sx; ix++) {
            for (int iy = 0; iy < sy; iy++) {
                v[ix * sy + iy] = 0.5 * (1 + (ix + 0.5) * res) - 0.25 * (2 + (iy + 0.5) * res);
            }
        }
        return new DistanceGrid(v, sx, sy, res, 1, 2);
    }

    @Test
    void bilinearReproducesAPlaneInside() {
        DistanceGrid g = plane();
        for (double x = 1.1; x < 2.9; x += 0.037) {
            for (double y = 2.1; y < 3.3; y += 0.041) {
                assertEquals(0.5 * x - 0.25 * y, g.distance(x, y), 1e-12);
            }
        }
    }

    @Test
    void outsideAddsTheDistanceToTheSampledRectangle() {
        DistanceGrid g = plane();
        // Last centre along x is at 1 + 9.5·0.2 = 2.9; a point 1 m beyond reads d(2.9, y) + 1.
        assertEquals(0.5 * 2.9 - 0.25 * 2.5 + 1.0, g.distance(3.9, 2.5), 1e-12);
        assertTrue(Double.isNaN(g.distance(Double.NaN, 2.5)));
        assertTrue(g.distance(1e300, -1e300) > 1e299, "far away is far (may be +inf)");
    }

    @Test
    void rejectsBadGeometry() {
        assertThrows(IllegalArgumentException.class, () -> new DistanceGrid(new double[4], 2, 2, 0.0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DistanceGrid(new double[3], 2, 2, 0.1, 0, 0));
    }
}
