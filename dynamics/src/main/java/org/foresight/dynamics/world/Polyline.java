package org.foresight.dynamics.world;

/**
 * Lookups on a polyline stored as interleaved x0, y0, x1, y1, … [m] (a guide path, a reference path).
 * Stateless; allocation-free.
 */
public final class Polyline {
    private Polyline() {
    }

    /**
     * The vertex nearest a point, by exhaustive search (the first of equally near ones).
     *
     * @param xy interleaved x, y [m], at least one vertex. Not modified.
     * @param x  the point's x [m].
     * @param y  the point's y [m].
     * @return the vertex index in [0, xy.length / 2).
     */
    public static int nearestVertex(double[] xy, double x, double y) {
        int n = xy.length / 2;
        int nearest = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double d = Math.hypot(xy[2 * i] - x, xy[2 * i + 1] - y);
            if (d < best) {
                best = d;
                nearest = i;
            }
        }
        return nearest;
    }
}
