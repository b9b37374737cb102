package org.foresight.worldmodel.model;

import org.foresight.dynamics.model.Simd;

/**
 * The feature program's saturations over a block of samples:
 * <pre>  out_j = clamp(a_j − b_j, −c, c) = min(c, max(−c, a_j − b_j))   (b omitted: out_j = clamp(a_j, −c, c))</pre>
 * with Java's {@code Math.min/max} semantics (NaN stays NaN, −0 stays −0, c = +∞ clamps nothing). Written as
 * compare-and-selects these loops stay scalar on JDK 17 (about 8 % of an MPPI iteration over the learned
 * model, measured); when {@link Simd#ENABLED} they run on SIMD lanes ({@link BlockClampVector}), whose
 * lanewise min/max give the same values, so the results are identical either way.
 */
final class BlockClamp {
    private BlockClamp() {
    }

    /**
     * out[j] = clamp(a[ao + j], ±c) for j in [0, n). Allocation-free.
     *
     * @param a   input. Not modified.
     * @param ao  offset of sample 0 in {@code a}.
     * @param out (Output) result at {@code out[j]}. Modified.
     * @param n   samples.
     * @param c   clamp level, &gt; 0 (+∞ for none).
     */
    static void clamp(double[] a, int ao, double[] out, int n, double c) {
        if (Simd.ENABLED) {
            BlockClampVector.clamp(a, ao, out, n, c);
        } else {
            clampScalar(a, ao, out, 0, n, c);
        }
    }

    /**
     * out[j] = clamp(a[j] − b[j], ±c) for j in [0, n). Allocation-free.
     *
     * @param a   minuend. Not modified.
     * @param b   subtrahend. Not modified.
     * @param out (Output) result. Modified.
     * @param n   samples.
     * @param c   clamp level, &gt; 0 (+∞ for none).
     */
    static void clampDifference(double[] a, double[] b, double[] out, int n, double c) {
        if (Simd.ENABLED) {
            BlockClampVector.clampDifference(a, b, out, n, c);
        } else {
            clampDifferenceScalar(a, b, out, 0, n, c);
        }
    }

    /** The scalar {@link #clamp} over [j0, n). */
    static void clampScalar(double[] a, int ao, double[] out, int j0, int n, double c) {
        for (int j = j0; j < n; j++) {
            out[j] = of(a[ao + j], c);
        }
    }

    /** The scalar {@link #clampDifference} over [j0, n). */
    static void clampDifferenceScalar(double[] a, double[] b, double[] out, int j0, int n, double c) {
        for (int j = j0; j < n; j++) {
            out[j] = of(a[j] - b[j], c);
        }
    }

    /**
     * clamp(x, −c, c), the same value as {@code Math.min(c, Math.max(-c, x))} for every x, as two
     * compare-and-selects.
     *
     * @param x the value.
     * @param c the clamp level, &gt; 0.
     * @return x clamped to [−c, c].
     */
    static double of(double x, double c) {
        return x < -c ? -c : (x > c ? c : x);
    }
}
