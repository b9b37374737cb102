package org.foresight.mpc.ilqr;

import org.foresight.mpc.perception.DistanceGrid;

/**
 * The bilinear signed distance of {@link DistanceGrid#sample} together with its exact gradient (the gradient of
 * the same interpolant, so the value and slope the optimiser sees agree). With gx = (x − ox)/res − ½ clamped to
 * [0, sx−1], i = min(⌊gx⌋, sx−2), fx = gx − i (likewise y), and a = v00 + fy(v01 − v00), b = v10 + fy(v11 − v10):
 * <pre>
 *   d      = a + fx·(b − a)  (+ |e|·res outside the rectangle of centres, e = (gx, gy) − clamped)
 *   ∂d/∂x  = (b − a)/res                                        (0 along a clamped axis)   + eₓ/|e|
 *   ∂d/∂y  = ((1 − fx)(v01 − v00) + fx(v11 − v10))/res          (0 along a clamped axis)   + e_y/|e|
 * </pre>
 * The gradient jumps across cell edges (the interpolant is only C⁰ there); iLQR's line search absorbs that.
 * Static and allocation-free.
 */
final class SdfGradient {
    private SdfGradient() {
    }

    /**
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
     * @return signed distance [m], bit-identical to {@link DistanceGrid#sample}.
     */
    static double sample(double[] v, int sx, int sy, double invRes, double ox, double oy, double x, double y,
                         double[] grad, int off) {
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
