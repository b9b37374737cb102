package org.foresight.dynamics.world;

/**
 * Signed Euclidean distance to the obstacles of an {@link OccupancyGrid}: positive in free space, negative
 * inside obstacles, sampled at cell centres and bilinearly interpolated between them.
 *
 * <p><b>Convention.</b> A sample is the exact Euclidean centre-to-centre distance (Felzenszwalb–Huttenlocher
 * transform) to the nearest cell of the other kind, minus half a cell:
 * <pre>
 * free cell c:      d(c) =  (min over occupied o of ‖c − o‖) − resolution/2
 * occupied cell c:  d(c) = −((min over free f of ‖c − f‖) − resolution/2)
 * </pre>
 * so a free cell next to a wall reads +resolution/2 and the occupied cell reads −resolution/2: under bilinear
 * interpolation the zero level set lies on the shared cell edge, i.e. on the obstacle square's boundary. Across a
 * straight wall the value is the exact distance to the wall; near a corner it over-estimates the distance to the
 * square's corner by at most (√2 − 1)·resolution/2 ≈ 0.03 m at 0.15 m cells. Cells outside the grid count as
 * free (as in {@link OccupancyGrid#isOccupied}). When the grid has no obstacle, free samples are capped at
 * (sizeX + sizeY + 2)·resolution.
 *
 * <p>Outside the sampled rectangle (beyond the outermost cell centres) the query point q is clamped to the
 * rectangle at p and d(q) = d(p) + ‖q − p‖.
 *
 * <p>Immutable after construction; queries allocate nothing and are thread-safe.
 *
 * <p>Reference: P. F. Felzenszwalb, D. P. Huttenlocher, "Distance Transforms of Sampled Functions",
 * Theory of Computing 8 (2012).
 */
public final class SignedDistanceField {
    /** Stand-in for +∞ in the squared-distance transform (finite so that differences never give NaN). */
    private static final double FAR = 1e20;

    private final int sizeX;
    private final int sizeY;
    private final double resolution;
    private final double originX;
    private final double originY;
    private final double minCx;
    private final double maxCx;
    private final double minCy;
    private final double maxCy;
    private final double[] values;

    /**
     * Computes the exact transform; O(sizeX·sizeY).
     *
     * @param grid the obstacles. Not modified (copied into samples; later changes to the grid are not seen).
     */
    public SignedDistanceField(OccupancyGrid grid) {
        this.sizeX = grid.sizeX();
        this.sizeY = grid.sizeY();
        this.resolution = grid.resolution();
        this.originX = grid.originX();
        this.originY = grid.originY();
        this.minCx = grid.centerX(0);
        this.maxCx = grid.centerX(sizeX - 1);
        this.minCy = grid.centerY(0);
        this.maxCy = grid.centerY(sizeY - 1);
        int px = sizeX + 2;
        int py = sizeY + 2;
        double[] toOcc = new double[px * py];
        double[] toFree = new double[px * py];
        for (int i = 0; i < px; i++) {
            for (int j = 0; j < py; j++) {
                boolean occ = grid.isOccupied(i - 1, j - 1); // the 1-cell pad is free
                toOcc[i * py + j] = occ ? 0.0 : FAR;
                toFree[i * py + j] = occ ? FAR : 0.0;
            }
        }
        transform2d(toOcc, px, py);
        transform2d(toFree, px, py);
        double cap = (sizeX + sizeY + 2) * resolution;
        double half = 0.5 * resolution;
        values = new double[sizeX * sizeY];
        for (int ix = 0; ix < sizeX; ix++) {
            for (int iy = 0; iy < sizeY; iy++) {
                int p = (ix + 1) * py + (iy + 1);
                double v;
                if (grid.isOccupied(ix, iy)) {
                    v = -(Math.sqrt(toFree[p]) * resolution - half);
                } else {
                    v = toOcc[p] >= FAR * 0.5 ? cap : Math.min(cap, Math.sqrt(toOcc[p]) * resolution - half);
                }
                values[ix * sizeY + iy] = v;
            }
        }
    }

    /** Squared EDT in place over a px × py array (index i·py + j): 1D passes along j, then along i. */
    private static void transform2d(double[] f, int px, int py) {
        int n = Math.max(px, py);
        double[] in = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        for (int i = 0; i < px; i++) {
            System.arraycopy(f, i * py, in, 0, py);
            transform1d(in, py, out, v, z);
            System.arraycopy(out, 0, f, i * py, py);
        }
        for (int j = 0; j < py; j++) {
            for (int i = 0; i < px; i++) {
                in[i] = f[i * py + j];
            }
            transform1d(in, px, out, v, z);
            for (int i = 0; i < px; i++) {
                f[i * py + j] = out[i];
            }
        }
    }

    /**
     * 1D squared distance transform d(q) = min_p ((q − p)² + f(p)) by the lower envelope of parabolas; the
     * intersection of the parabolas rooted at q and p is s = ((f(q) + q²) − (f(p) + p²)) / (2q − 2p).
     */
    private static void transform1d(double[] f, int n, double[] d, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            while (s <= z[k]) {
                k--;
                s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = q - v[k];
            d[q] = dq * dq + f[v[k]];
        }
    }

    /**
     * Signed distance at a point, bilinear between cell-centre samples. Allocation-free.
     *
     * @param x position [m].
     * @param y position [m].
     * @return signed distance [m]: &gt; 0 free, &lt; 0 inside an obstacle.
     */
    public double distance(double x, double y) {
        double qx = Math.min(Math.max(x, minCx), maxCx);
        double qy = Math.min(Math.max(y, minCy), maxCy);
        double fx = (qx - originX) / resolution - 0.5;
        double fy = (qy - originY) / resolution - 0.5;
        int i0 = Math.min((int) fx, Math.max(sizeX - 2, 0));
        int j0 = Math.min((int) fy, Math.max(sizeY - 2, 0));
        int i1 = Math.min(i0 + 1, sizeX - 1);
        int j1 = Math.min(j0 + 1, sizeY - 1);
        double u = fx - i0;
        double w = fy - j0;
        double v00 = values[i0 * sizeY + j0];
        double v01 = values[i0 * sizeY + j1];
        double v10 = values[i1 * sizeY + j0];
        double v11 = values[i1 * sizeY + j1];
        // d = (1−u)(1−w)v00 + u(1−w)v10 + (1−u)w v01 + u w v11
        double d = (1 - u) * ((1 - w) * v00 + w * v01) + u * ((1 - w) * v10 + w * v11);
        double ox = x - qx;
        double oy = y - qy;
        if (ox != 0.0 || oy != 0.0) {
            d += Math.sqrt(ox * ox + oy * oy);
        }
        return d;
    }

    /**
     * Signed distance and its gradient. Allocation-free. On a cell-centre line the bilinear interpolant is only
     * C⁰; the one-sided derivative of the cell containing the point (lower-index side) is returned there.
     *
     * <pre>
     * ∂d/∂x = ((1−w)(v10 − v00) + w(v11 − v01)) / resolution,  ∂d/∂y = ((1−u)(v01 − v00) + u(v11 − v10)) / resolution
     * outside the sampled rectangle: + (q − p)/‖q − p‖
     * </pre>
     *
     * @param x       position [m].
     * @param y       position [m].
     * @param gradOut (Output) length ≥ 2: gradOut[0] = ∂d/∂x, gradOut[1] = ∂d/∂y [m/m]. Modified.
     * @return signed distance [m].
     */
    public double distanceAndGradient(double x, double y, double[] gradOut) {
        double qx = Math.min(Math.max(x, minCx), maxCx);
        double qy = Math.min(Math.max(y, minCy), maxCy);
        double fx = (qx - originX) / resolution - 0.5;
        double fy = (qy - originY) / resolution - 0.5;
        int i0 = Math.min((int) fx, Math.max(sizeX - 2, 0));
        int j0 = Math.min((int) fy, Math.max(sizeY - 2, 0));
        int i1 = Math.min(i0 + 1, sizeX - 1);
        int j1 = Math.min(j0 + 1, sizeY - 1);
        double u = fx - i0;
        double w = fy - j0;
        double v00 = values[i0 * sizeY + j0];
        double v01 = values[i0 * sizeY + j1];
        double v10 = values[i1 * sizeY + j0];
        double v11 = values[i1 * sizeY + j1];
        double d = (1 - u) * ((1 - w) * v00 + w * v01) + u * ((1 - w) * v10 + w * v11);
        double gx = (x == qx && i1 != i0) ? ((1 - w) * (v10 - v00) + w * (v11 - v01)) / resolution : 0.0;
        double gy = (y == qy && j1 != j0) ? ((1 - u) * (v01 - v00) + u * (v11 - v10)) / resolution : 0.0;
        double ox = x - qx;
        double oy = y - qy;
        if (ox != 0.0 || oy != 0.0) {
            double r = Math.sqrt(ox * ox + oy * oy);
            d += r;
            gx += ox / r;
            gy += oy / r;
        }
        gradOut[0] = gx;
        gradOut[1] = gy;
        return d;
    }

    /** @return cells along x. */
    public int sizeX() {
        return sizeX;
    }

    /** @return cells along y. */
    public int sizeY() {
        return sizeY;
    }

    /** @return cell edge [m]. */
    public double resolution() {
        return resolution;
    }

    /** @return x of the grid's lower edge [m]. */
    public double originX() {
        return originX;
    }

    /** @return y of the grid's lower edge [m]. */
    public double originY() {
        return originY;
    }

    /**
     * @return the raw samples [m] at cell centres, index {@code ix * sizeY + iy}; the internal array, do not
     *         modify.
     */
    public double[] values() {
        return values;
    }
}
