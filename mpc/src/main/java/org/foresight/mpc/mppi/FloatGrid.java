package org.foresight.mpc.mppi;

import org.foresight.mpc.perception.DistanceGrid;

/**
 * A {@link DistanceGrid} copied to float for {@link FusedFloatRollout}'s gathers: the same x-major layout
 * (value of cell (i, j) at i·sizeY + j) and geometry, the grid coordinate of a point as x·(1/res) + shift with
 * shift = −origin/res − ½ (cell centres at integers). Grow-only; copied once per planning cycle, serially.
 */
final class FloatGrid {
    /** Values [m], at least sizeX·sizeY of them. */
    float[] values = new float[0];
    int sizeX;
    int sizeY;
    /** Cell size [m] and its inverse [1/m]. */
    float res;
    float invRes;
    /** −origin/res − ½ per axis. */
    float shiftX;
    float shiftY;

    /**
     * Copies a grid (allocates only when it is larger than any before).
     *
     * @param g the grid. Not modified.
     */
    void copy(DistanceGrid g) {
        double[] v = g.values();
        if (values.length < v.length) {
            values = new float[v.length];
        }
        float[] f = values;
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        sizeX = g.sizeX();
        sizeY = g.sizeY();
        res = (float) g.resolution();
        invRes = (float) (1.0 / g.resolution());
        shiftX = (float) (-g.originX() / g.resolution() - 0.5);
        shiftY = (float) (-g.originY() / g.resolution() - 0.5);
    }
}
