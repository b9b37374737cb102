package org.foresight.dynamics.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Polyline#nearestVertex}: no vertex is nearer, and of equally near ones the first wins. */
class PolylineTest {

    @Test
    void noVertexIsNearerThanTheOneReturned() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(40);
            double[] xy = new double[2 * n];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = 10 * rnd.nextDouble() - 5;
            }
            double x = 12 * rnd.nextDouble() - 6;
            double y = 12 * rnd.nextDouble() - 6;
            int k = Polyline.nearestVertex(xy, x, y);
            assertTrue(k >= 0 && k < n);
            double dk = Math.hypot(xy[2 * k] - x, xy[2 * k + 1] - y);
            for (int i = 0; i < n; i++) {
                assertTrue(Math.hypot(xy[2 * i] - x, xy[2 * i + 1] - y) >= dk, "trial " + trial + ", vertex " + i);
            }
        }
    }

    @Test
    void ofEquallyNearVerticesTheFirstWins() {
        double[] xy = {1, 0, 0, 5, -1, 0, 1, 0};
        assertEquals(0, Polyline.nearestVertex(xy, 0, 0));
        assertEquals(0, Polyline.nearestVertex(new double[] {3, 4}, -100, 7), "one vertex");
    }
}
