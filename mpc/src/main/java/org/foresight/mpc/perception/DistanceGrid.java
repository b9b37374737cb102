package org.foresight.mpc.perception;

/**
 * A signed distance field sampled at the centres of a regular grid, with the raw layout exposed for hot
 * loops. Sample (ix, iy) sits at world point (originX + (ix + ½)·res, originY + (iy + ½)·res) and is stored
 * at {@code values[ix * sizeY + iy]} (the same layout as {@code SignedDistanceField.values()}).
 *
 * <p>Queries between centres are bilinear; queries outside the grid clamp to the border samples (a
 * point beyond the mapped area is as free as the nearest mapped border point). Immutable once built: the
 * array must not be modified while a reader holds the grid (a double-buffered perception such as
 * {@link LidarMap} rewrites a grid only after publishing the other one). Thread-safe for readers.
 */
public final class DistanceGrid {
    private final double[] values;
    private final int sizeX;
    private final int sizeY;
    private final double resolution;
    private final double originX;
    private final double originY;

    /**
     * Wraps raw samples (not copied).
     *
     * @param values     distances [m], length sizeX·sizeY, index ix·sizeY + iy. Must not be modified later.
     * @param sizeX      cells along x, ≥ 2.
     * @param sizeY      cells along y, ≥ 2.
     * @param resolution cell edge [m], &gt; 0.
     * @param originX    world x of the grid's lower-left corner [m].
     * @param originY    world y of the grid's lower-left corner [m].
     */
    public DistanceGrid(double[] values, int sizeX, int sizeY, double resolution, double originX, double originY) {
        if (sizeX < 2 || sizeY < 2) {
            throw new IllegalArgumentException("DistanceGrid size must be at least 2x2 cells, got " + sizeX + "x" + sizeY);
        }
        if (!(resolution > 0) || !Double.isFinite(resolution)) {
            throw new IllegalArgumentException("DistanceGrid resolution must be > 0 m, got " + resolution);
        }
        if (values.length < sizeX * sizeY) {
            throw new IllegalArgumentException("DistanceGrid values length " + values.length + " < " + sizeX + "*" + sizeY);
        }
        this.values = values;
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.resolution = resolution;
        this.originX = originX;
        this.originY = originY;
    }

    /** Raw samples [m], index ix·sizeY + iy. Do not modify. */
    public double[] values() {
        return values;
    }

    /** Cells along x. */
    public int sizeX() {
        return sizeX;
    }

    /** Cells along y. */
    public int sizeY() {
        return sizeY;
    }

    /** Cell edge [m]. */
    public double resolution() {
        return resolution;
    }

    /** World x of the lower-left corner [m]. */
    public double originX() {
        return originX;
    }

    /** World y of the lower-left corner [m]. */
    public double originY() {
        return originY;
    }

    /**
     * Bilinear signed distance, matching {@code SignedDistanceField.distance}. With
     * gx = (x − originX)/res − ½ clamped to [0, sizeX−1], i = min(⌊gx⌋, sizeX−2), fx = gx − i (likewise y):
     * <pre>  d = (1−fx)(1−fy)·v[i,j] + fx(1−fy)·v[i+1,j] + (1−fx)fy·v[i,j+1] + fx·fy·v[i+1,j+1]</pre>
     * and a point outside the rectangle of cell centres adds its Euclidean distance to the clamped point.
     * A NaN coordinate gives NaN. No allocation.
     *
     * @param x world x [m].
     * @param y world y [m].
     * @return signed distance [m].
     */
    public double distance(double x, double y) {
        return sample(values, sizeX, sizeY, 1.0 / resolution, originX, originY, x, y);
    }

    /**
     * The bilinear kernel of {@link #distance} over raw arrays, static so hot loops can hoist every field
     * into locals and the JIT inlines it.
     *
     * @param v      samples, index ix·sy + iy. Not modified.
     * @param sx     cells along x.
     * @param sy     cells along y.
     * @param invRes 1/resolution [1/m].
     * @param ox     origin x [m].
     * @param oy     origin y [m].
     * @param x      query x [m].
     * @param y      query y [m].
     * @return signed distance [m].
     */
    public static double sample(double[] v, int sx, int sy, double invRes, double ox, double oy, double x, double y) {
        double gx = (x - ox) * invRes - 0.5;
        double gy = (y - oy) * invRes - 0.5;
        double maxX = sx - 1;
        double maxY = sy - 1;
        // Clamp in floating point first so huge queries cannot overflow the int cast; NaN stays NaN.
        double cx = gx < 0 ? 0 : (gx > maxX ? maxX : gx);
        double cy = gy < 0 ? 0 : (gy > maxY ? maxY : gy);
        int i = (int) cx;
        int j = (int) cy;
        if (i > sx - 2) {
            i = sx - 2;
        }
        if (j > sy - 2) {
            j = sy - 2;
        }
        double fx = cx - i;
        double fy = cy - j;
        int base = i * sy + j;
        double v00 = v[base];
        double v01 = v[base + 1];
        double v10 = v[base + sy];
        double v11 = v[base + sy + 1];
        double a = v00 + fy * (v01 - v00);
        double b = v10 + fy * (v11 - v10);
        double d = a + fx * (b - a);
        double ex = gx - cx;
        double ey = gy - cy;
        if (ex != 0.0 || ey != 0.0) {
            d += Math.sqrt(ex * ex + ey * ey) / invRes;
        }
        return d;
    }

    /**
     * The bilinear signed distance of {@link #sample} together with its exact gradient (the gradient of
     * the same interpolant, so the value and slope the optimiser sees agree). With gx = (x − ox)/res − ½ clamped to
     * [0, sx−1], i = min(⌊gx⌋, sx−2), fx = gx − i (likewise y), and a = v00 + fy(v01 − v00), b = v10 + fy(v11 − v10):
     * <pre>
     *   d      = a + fx·(b − a)  (+ |e|·res outside the rectangle of centres, e = (gx, gy) − clamped)
     *   ∂d/∂x  = (b − a)/res                                        (0 along a clamped axis)   + eₓ/|e|
     *   ∂d/∂y  = ((1 − fx)(v01 − v00) + fx(v11 − v10))/res          (0 along a clamped axis)   + e_y/|e|
     * </pre>
     * The gradient jumps across cell edges (the interpolant is only C⁰ there); iLQR's line search absorbs that.
     * Static and allocation-free.
     *
     * @param v      samples, index ix·sy + iy. Not modified.
     * @param sx     cells along x.
     * @param sy     cells along y.
     * @param invRes 1/resolution [1/m].
     * @param ox     origin x [m].
     * @param oy     origin y [m].
     * @param x      query x [m].
     * @param y      query y [m].
     * @param grad   (Output) ∂d/∂x, ∂d/∂y at {@code grad[off]}, {@code grad[off + 1]} (dimensionless). Modified.
     * @param off    offset into {@code grad}.
     * @return signed distance [m], bit-identical to {@link #sample}.
     */
    public static double sampleWithGradient(double[] v, int sx, int sy, double invRes, double ox, double oy,
                                            double x, double y, double[] grad, int off) {
        double gx = (x - ox) * invRes - 0.5;
        double gy = (y - oy) * invRes - 0.5;
        double maxX = sx - 1;
        double maxY = sy - 1;
        boolean clampX = gx < 0 || gx > maxX;
        boolean clampY = gy < 0 || gy > maxY;
        double cx = gx < 0 ? 0 : (gx > maxX ? maxX : gx);
        double cy = gy < 0 ? 0 : (gy > maxY ? maxY : gy);
        int i = (int) cx;
        int j = (int) cy;
        if (i > sx - 2) {
            i = sx - 2;
        }
        if (j > sy - 2) {
            j = sy - 2;
        }
        double fx = cx - i;
        double fy = cy - j;
        int base = i * sy + j;
        double v00 = v[base];
        double v01 = v[base + 1];
        double v10 = v[base + sy];
        double v11 = v[base + sy + 1];
        double a = v00 + fy * (v01 - v00);
        double b = v10 + fy * (v11 - v10);
        double d = a + fx * (b - a);
        double dx = clampX ? 0.0 : (b - a) * invRes;
        double dy = clampY ? 0.0 : ((1 - fx) * (v01 - v00) + fx * (v11 - v10)) * invRes;
        double ex = gx - cx;
        double ey = gy - cy;
        if (ex != 0.0 || ey != 0.0) {
            double e = Math.sqrt(ex * ex + ey * ey);
            d += e / invRes;
            dx += ex / e;
            dy += ey / e;
        }
        grad[off] = dx;
        grad[off + 1] = dy;
        return d;
    }
}
