package org.foresight.mpc.ilqr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.foresight.mpc.perception.DistanceGrid;
import org.junit.jupiter.api.Test;

/** The SDF value with gradient against {@link DistanceGrid#sample} (bit-identical) and central differences. */
class SdfGradientTest {
    /** Finite-difference step [m], small against the 0.1 m cells so it rarely straddles a cell edge. */
    private static final double H = 1e-6;
    /** Tolerance on the gradient (dimensionless): central-difference rounding at H. */
    private static final double EPS = 1e-6;

    @Test
    void valueMatchesTheGridAndGradientMatchesCentralDifferences() {
        int sx = 40;
        int sy = 30;
        double res = 0.1;
        double[] v = new double[sx * sy];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble() - 0.3;
        }
        double ox = -1.0;
        double oy = 2.0;
        double[] g = new double[2];
        for (int k = 0; k < 2000; k++) {
            // Inside and outside the rectangle of centres (the outside adds the Euclidean distance).
            double x = ox - 1 + (sx * res + 2) * rnd.nextDouble();
            double y = oy - 1 + (sy * res + 2) * rnd.nextDouble();
            double d = DistanceGrid.sampleWithGradient(v, sx, sy, 1 / res, ox, oy, x, y, g, 0);
            assertEquals(DistanceGrid.sample(v, sx, sy, 1 / res, ox, oy, x, y), d, 0.0);
            // Skip points within H of a cell edge or of the centres' rectangle, where the gradient jumps.
            double fx = (x - ox) / res - 0.5;
            double fy = (y - oy) / res - 0.5;
            if (Math.abs(fx - Math.rint(fx)) < 1e-4 || Math.abs(fy - Math.rint(fy)) < 1e-4) {
                continue;
            }
            double nx = (DistanceGrid.sample(v, sx, sy, 1 / res, ox, oy, x + H, y)
                    - DistanceGrid.sample(v, sx, sy, 1 / res, ox, oy, x - H, y)) / (2 * H);
            double ny = (DistanceGrid.sample(v, sx, sy, 1 / res, ox, oy, x, y + H)
                    - DistanceGrid.sample(v, sx, sy, 1 / res, ox, oy, x, y - H)) / (2 * H);
            assertEquals(nx, g[0], EPS, "d/dx at " + x + ", " + y);
            assertEquals(ny, g[1], EPS, "d/dy at " + x + ", " + y);
        }
    }
}
