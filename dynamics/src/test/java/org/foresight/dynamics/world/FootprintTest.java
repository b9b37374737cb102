package org.foresight.dynamics.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FootprintTest {
    private static final double AREA_EPS = 1e-10; // m², overlap area below which shapes only touch

    private static OccupancyGrid randomGrid(SplittableRandom rnd) {
        OccupancyGrid g = new OccupancyGrid(20, 20, 0.15, 0.0, 0.0);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                g.setOccupied(i, j, rnd.nextDouble() < 0.08);
            }
        }
        return g;
    }

    /** Reference: area of rectangle ∩ square by Sutherland–Hodgman clipping of the rectangle to the square. */
    private static boolean exactOverlap(Footprint f, OccupancyGrid g, double x, double y, double th) {
        double c = Math.cos(th);
        double s = Math.sin(th);
        double a = f.length() / 2;
        double b = f.width() / 2;
        double[][] rect = {
            {x + a * c - b * s, y + a * s + b * c}, {x - a * c - b * s, y - a * s + b * c},
            {x - a * c + b * s, y - a * s - b * c}, {x + a * c + b * s, y + a * s - b * c}};
        double h = g.resolution() / 2;
        for (int i = 0; i < g.sizeX(); i++) {
            for (int j = 0; j < g.sizeY(); j++) {
                if (!g.isOccupied(i, j)) {
                    continue;
                }
                double[][] poly = rect;
                poly = clip(poly, 0, g.centerX(i) - h, true);
                poly = clip(poly, 0, g.centerX(i) + h, false);
                poly = clip(poly, 1, g.centerY(j) - h, true);
                poly = clip(poly, 1, g.centerY(j) + h, false);
                if (area(poly) > AREA_EPS) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Keeps the part with p[axis] ≥ v (keepAbove) or ≤ v. */
    private static double[][] clip(double[][] poly, int axis, double v, boolean keepAbove) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (int k = 0; k < poly.length; k++) {
            double[] p = poly[k];
            double[] q = poly[(k + 1) % poly.length];
            boolean pin = keepAbove ? p[axis] >= v : p[axis] <= v;
            boolean qin = keepAbove ? q[axis] >= v : q[axis] <= v;
            if (pin) {
                out.add(p);
            }
            if (pin != qin) {
                double t = (v - p[axis]) / (q[axis] - p[axis]);
                out.add(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])});
            }
        }
        return out.toArray(new double[0][]);
    }

    private static double area(double[][] poly) {
        double s = 0;
        for (int k = 0; k < poly.length; k++) {
            double[] p = poly[k];
            double[] q = poly[(k + 1) % poly.length];
            s += p[0] * q[1] - q[0] * p[1];
        }
        return Math.abs(s) / 2;
    }

    @Test
    void matchesExactPolygonClippingOnRandomPoses() {
        SplittableRandom rnd = new SplittableRandom(5);
        Footprint f = Footprint.JACKAL;
        int hits = 0;
        for (int trial = 0; trial < 20; trial++) {
            OccupancyGrid g = randomGrid(rnd);
            for (int k = 0; k < 200; k++) {
                double x = 0.3 + 2.4 * rnd.nextDouble();
                double y = 0.3 + 2.4 * rnd.nextDouble();
                double th = (rnd.nextDouble() * 2 - 1) * Math.PI;
                boolean want = exactOverlap(f, g, x, y, th);
                assertEquals(want, f.collides(g, x, y, th), "pose " + x + "," + y + "," + th);
                hits += want ? 1 : 0;
            }
        }
        assertTrue(hits > 200 && hits < 3800, "both outcomes exercised: " + hits);
    }

    @Test
    void rotationSymmetries() {
        SplittableRandom rnd = new SplittableRandom(9);
        OccupancyGrid g = randomGrid(rnd);
        Footprint f = new Footprint(0.42, 0.33);
        Footprint swapped = new Footprint(0.33, 0.42);
        for (int k = 0; k < 3000; k++) {
            double x = 0.3 + 2.4 * rnd.nextDouble();
            double y = 0.3 + 2.4 * rnd.nextDouble();
            double th = (rnd.nextDouble() * 2 - 1) * Math.PI;
            boolean c = f.collides(g, x, y, th);
            assertEquals(c, f.collides(g, x, y, th + Math.PI), "rectangle is symmetric under θ + π");
            assertEquals(c, swapped.collides(g, x, y, th + Math.PI / 2), "L×W at θ equals W×L at θ + π/2");
        }
    }

    @Test
    void axisAlignedContactCases() {
        OccupancyGrid g = new OccupancyGrid(20, 20, 0.15, 0.0, 0.0);
        g.setOccupied(10, 10, true); // square [1.5, 1.65]²
        Footprint f = Footprint.JACKAL;
        double y = 1.575;
        // heading +x: front edge at x + 0.21
        assertFalse(f.collides(g, 1.5 - 0.21 - 1e-6, y, 0.0));
        assertTrue(f.collides(g, 1.5 - 0.21 + 1e-6, y, 0.0));
        // heading +y: the side edge (half-width 0.165) faces the square
        assertFalse(f.collides(g, 1.5 - 0.165 - 1e-6, y, Math.PI / 2));
        assertTrue(f.collides(g, 1.5 - 0.165 + 1e-6, y, Math.PI / 2));
        // 45°: the rectangle's long side (at distance 0.165 along n = (−sin θ, cos θ)) against the square's
        // corner with the least n-projection, (1.65, 1.5)
        double th = Math.PI / 4;
        double nX = -Math.sin(th);
        double nY = Math.cos(th);
        double d = 0.165;
        assertFalse(f.collides(g, 1.65 - (d + 1e-6) * nX, 1.5 - (d + 1e-6) * nY, th));
        assertTrue(f.collides(g, 1.65 - (d - 1e-6) * nX, 1.5 - (d - 1e-6) * nY, th));
    }

    @Test
    void discsAgainstTheRectangle() {
        Footprint f = Footprint.JACKAL;
        List<MovingObstacle> ahead = List.of(new MovingObstacle(0.21 + 0.2 + 1e-6, 0, 0, 0, 0.2, null));
        assertFalse(f.collides(ahead, 0, 0, 0));
        assertTrue(f.collides(ahead, 2e-6, 0, 0));
        // rotated by π/2 the front edge faces +y; the disc on +x now faces the side (half-width 0.165)
        List<MovingObstacle> side = List.of(new MovingObstacle(0.165 + 0.2 - 1e-6, 0, 0, 0, 0.2, null));
        assertTrue(f.collides(side, 0, 0, Math.PI / 2));
        assertTrue(f.collides(side, 0, 0, -Math.PI / 2));
        // near the corner (0.21, 0.165) the distance is Euclidean
        double cx = 0.21 + 0.1;
        double cy = 0.165 + 0.1;
        double r = Math.hypot(0.1, 0.1);
        assertFalse(f.collides(List.of(new MovingObstacle(cx, cy, 0, 0, r - 1e-6, null)), 0, 0, 0));
        assertTrue(f.collides(List.of(new MovingObstacle(cx, cy, 0, 0, r + 1e-6, null)), 0, 0, 0));
        assertTrue(f.collides(List.of(new MovingObstacle(-cx, -cy, 0, 0, r + 1e-6, null)), 0, 0, Math.PI));
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> new Footprint(0, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new Footprint(0.4, Double.NaN));
        assertEquals(Math.hypot(0.21, 0.165), Footprint.JACKAL.circumradius(), 1e-15);
    }
}
