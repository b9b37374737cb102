package org.foresight.mpc.mppi;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.foresight.mpc.perception.DistanceGrid;

/**
 * A {@link DistanceGrid} copied to float for {@link FusedFloatRollout}'s gathers: the same x-major layout
 * (value of cell (i, j) at i·sizeY + j) and geometry, the grid coordinate of a point as x·(1/res) + shift with
 * shift = −origin/res − ½ (cell centres at integers). Grow-only; copied serially before the workers run.
 */
final class FloatGrid {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

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

    /**
     * The bilinear value at the points of one lane group, as {@link DistanceGrid#sample}: cell centres at
     * origin + (i + ½)·res, the query clamped to the rectangle of centres plus its distance to it outside; four
     * corners gathered. Arrays in and out (a vector passed to a method C2 does not inline is boxed).
     *
     * @param xs  x [m] of lane l at {@code xs[p + l]}. Not modified.
     * @param ys  y [m] at {@code ys[p + l]}. Not modified.
     * @param p   offset of lane 0.
     * @param idx (Scratch) one lane group's gather indices.
     * @param out (Output) the values [grid unit] at {@code out[o + l]}. Modified.
     * @param o   offset of lane 0 in {@code out}.
     */
    void sample(float[] xs, float[] ys, int p, int[] idx, float[] out, int o) {
        FloatVector gx = FloatVector.fromArray(S, xs, p).mul(invRes).add(shiftX);
        FloatVector gy = FloatVector.fromArray(S, ys, p).mul(invRes).add(shiftY);
        FloatVector cx = gx.max(0f).min(sizeX - 1f);
        FloatVector cy = gy.max(0f).min(sizeY - 1f);
        IntVector i = ((IntVector) cx.convert(VectorOperators.F2I, 0)).min(sizeX - 2);
        IntVector j = ((IntVector) cy.convert(VectorOperators.F2I, 0)).min(sizeY - 2);
        FloatVector fx = cx.sub((FloatVector) i.convert(VectorOperators.I2F, 0));
        FloatVector fy = cy.sub((FloatVector) j.convert(VectorOperators.I2F, 0));
        i.mul(sizeY).add(j).intoArray(idx, 0);
        float[] v = values;
        FloatVector v00 = FloatVector.fromArray(S, v, 0, idx, 0);
        FloatVector v01 = FloatVector.fromArray(S, v, 1, idx, 0);
        FloatVector v10 = FloatVector.fromArray(S, v, sizeY, idx, 0);
        FloatVector v11 = FloatVector.fromArray(S, v, sizeY + 1, idx, 0);
        FloatVector lo = v01.sub(v00).mul(fy).add(v00);
        FloatVector hi = v11.sub(v10).mul(fy).add(v10);
        FloatVector ex = gx.sub(cx);
        FloatVector ey = gy.sub(cy);
        hi.sub(lo).mul(fx).add(lo).add(ex.mul(ex).add(ey.mul(ey)).sqrt().mul(res)).intoArray(out, o);
    }
}
