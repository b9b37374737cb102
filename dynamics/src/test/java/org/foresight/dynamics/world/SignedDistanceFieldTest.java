package org.foresight.dynamics.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SignedDistanceFieldTest {
    private static final double EPS = 1e-9; // m
    private static final double FD_EPS = 1e-6; // m/m, central differences with h = 1e-6 on a bilinear patch

    private static OccupancyGrid randomGrid(SplittableRandom rnd, int nx, int ny, double fill) {
        OccupancyGrid g = new OccupancyGrid(nx, ny, 0.15, -1.3, 2.1);
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                g.setOccupied(i, j, rnd.nextDouble() < fill);
            }
        }
        return g;
    }

    /** Brute force of the documented convention; cells outside the grid are free. */
    private static double brute(OccupancyGrid g, int ix, int iy) {
        boolean occ = g.isOccupied(ix, iy);
        double best = Double.POSITIVE_INFINITY;
        for (int i = -1; i <= g.sizeX(); i++) {
            for (int j = -1; j <= g.sizeY(); j++) {
                if (g.isOccupied(i, j) != occ) {
                    best = Math.min(best, Math.hypot(i - ix, j - iy));
                }
            }
        }
        double r = g.resolution();
        return occ ? -(best * r - r / 2) : best * r - r / 2;
    }

    @Test
    void samplesMatchBruteForceOnRandomGrids() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int trial = 0; trial < 20; trial++) {
            int nx = 2 + rnd.nextInt(25);
            int ny = 2 + rnd.nextInt(25);
            OccupancyGrid g = randomGrid(rnd, nx, ny, 0.02 + 0.5 * rnd.nextDouble());
            if (g.occupiedCount() == 0) {
                g.setOccupied(0, 0, true);
            }
            SignedDistanceField sdf = new SignedDistanceField(g);
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    double want = brute(g, i, j);
                    assertEquals(want, sdf.values()[i * ny + j], EPS, "trial " + trial + " cell " + i + "," + j);
                    assertEquals(want, sdf.distance(g.centerX(i), g.centerY(j)), EPS, "query at the centre");
                }
            }
        }
    }

    @Test
    void signConventionAndZeroLevelOnTheSquareBoundary() {
        OccupancyGrid g = new OccupancyGrid(20, 20, 0.15, 0.0, 0.0);
        for (int j = 0; j < 20; j++) {
            g.setOccupied(10, j, true); // wall x ∈ [1.5, 1.65]
        }
        SignedDistanceField sdf = new SignedDistanceField(g);
        double y = g.centerY(7) + 0.03;
        assertEquals(0.0, sdf.distance(1.5, y), EPS, "zero on the wall's edge");
        assertEquals(0.4, sdf.distance(1.1, y), EPS, "exact distance to a straight wall");
        assertEquals(0.6, sdf.distance(2.25, y), EPS, "other side");
        assertEquals(-0.075, sdf.distance(1.575, y), EPS, "negative inside");
        double[] grad = new double[2];
        sdf.distanceAndGradient(1.1, y, grad);
        assertEquals(-1.0, grad[0], EPS);
        assertEquals(0.0, grad[1], EPS);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom rnd = new SplittableRandom(7);
        OccupancyGrid g = randomGrid(rnd, 30, 40, 0.15);
        SignedDistanceField sdf = new SignedDistanceField(g);
        double[] grad = {Double.NaN, Double.NaN};
        double h = 1e-6;
        for (int k = 0; k < 2000; k++) {
            // stay off the cell-centre lattice lines, where the bilinear interpolant has kinks
            int i = rnd.nextInt(29);
            int j = rnd.nextInt(39);
            double x = g.centerX(i) + 0.15 * (0.05 + 0.9 * rnd.nextDouble());
            double y = g.centerY(j) + 0.15 * (0.05 + 0.9 * rnd.nextDouble());
            double d = sdf.distanceAndGradient(x, y, grad);
            assertEquals(sdf.distance(x, y), d, 0.0);
            double fx = (sdf.distance(x + h, y) - sdf.distance(x - h, y)) / (2 * h);
            double fy = (sdf.distance(x, y + h) - sdf.distance(x, y - h)) / (2 * h);
            assertEquals(fx, grad[0], FD_EPS, "∂d/∂x at " + x + "," + y);
            assertEquals(fy, grad[1], FD_EPS, "∂d/∂y at " + x + "," + y);
        }
        // outside the sampled rectangle: d grows by the distance to it, gradient includes the outward direction
        double xo = g.originX() - 1.0;
        double yo = g.centerY(10) + 0.05;
        double d = sdf.distanceAndGradient(xo, yo, grad);
        assertEquals(sdf.distance(g.centerX(0), yo) + (g.centerX(0) - xo), d, EPS);
        assertEquals((sdf.distance(xo + h, yo) - sdf.distance(xo - h, yo)) / (2 * h), grad[0], FD_EPS);
    }

    @Test
    void emptyGridIsFiniteAndPositive() {
        OccupancyGrid g = new OccupancyGrid(5, 4, 0.1, 0, 0);
        SignedDistanceField sdf = new SignedDistanceField(g);
        for (double v : sdf.values()) {
            assertTrue(Double.isFinite(v) && v > 0);
        }
    }

    @Test
    void inflationMatchesBruteForceDistanceToSquares() {
        SplittableRandom rnd = new SplittableRandom(3);
        OccupancyGrid g = randomGrid(rnd, 25, 25, 0.05);
        double radius = 0.267;
        OccupancyGrid inf = g.inflate(radius);
        double h = g.resolution() / 2;
        for (int i = 0; i < 25; i++) {
            for (int j = 0; j < 25; j++) {
                double best = Double.POSITIVE_INFINITY;
                for (int a = 0; a < 25; a++) {
                    for (int b = 0; b < 25; b++) {
                        if (g.isOccupied(a, b)) {
                            double ex = Math.max(0, Math.abs(g.centerX(a) - g.centerX(i)) - h);
                            double ey = Math.max(0, Math.abs(g.centerY(b) - g.centerY(j)) - h);
                            best = Math.min(best, Math.hypot(ex, ey));
                        }
                    }
                }
                assertEquals(best <= radius, inf.isOccupied(i, j), "cell " + i + "," + j + " d=" + best);
            }
        }
    }
}
