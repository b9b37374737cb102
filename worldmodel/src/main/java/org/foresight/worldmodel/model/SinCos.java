package org.foresight.worldmodel.model;

/**
 * sin and cos of a heading for the learned models' world-frame step, accurate to about one ulp (within
 * 2e-16 of {@link Math#sin}/{@link Math#cos} on [−π, π]) and cheaper: no call, one shared reduction, two
 * short polynomials and an arithmetic quadrant select (multiplications by exact 0, 1 and ±1: no
 * data-dependent branch to mispredict on random headings), so a loop over a block of samples stays
 * straight-line code. Deterministic (plain double arithmetic), so {@code step} and {@code stepBatch} agree bit for bit.
 * <pre>
 *   k = rint(a·2/π) (by adding and subtracting 1.5·2⁵²),   r = (a − k·P₁) − k·P₂        (P₁ + P₂ = π/2; P₁ has 33 bits, so k·P₁ is exact)
 *   sin r ≈ r + r³·S(r²),   cos r ≈ 1 − r²/2 + r⁴·C(r²)   on |r| ≤ π/4 (fdlibm's kernel coefficients)
 *   (sin a, cos a) = (sin r, cos r), (cos r, −sin r), (−sin r, −cos r), (−cos r, sin r)   for k mod 4 = 0…3
 * </pre>
 * Angles with |a| &gt; 1e5 rad (or not finite) fall back to {@link Math}.
 */
final class SinCos {
    private static final double TWO_OVER_PI = 0.63661977236758134308;
    private static final double PIO2_1 = 1.57079632673412561417e+00;
    private static final double PIO2_1T = 6.07710050650619224932e-11;
    private static final double LIMIT = 1e5;
    /** 1.5·2⁵²: adding it rounds |x| &lt; 2⁵¹ to the nearest integer, which then sits in the low mantissa bits. */
    private static final double ROUND = 6755399441055744.0;
    private static final double S1 = -1.66666666666666324348e-01;
    private static final double S2 = 8.33333333332248946124e-03;
    private static final double S3 = -1.98412698298579493134e-04;
    private static final double S4 = 2.75573137070700676789e-06;
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;
    private static final double C1 = 4.16666666666666019037e-02;
    private static final double C2 = -1.38888888888741095749e-03;
    private static final double C3 = 2.48015872894767294178e-05;
    private static final double C4 = -2.75573143513906633035e-07;
    private static final double C5 = 2.08757232129817482790e-09;
    private static final double C6 = -1.13596475577881948265e-11;

    private SinCos() {
    }

    /**
     * @param a angle [rad].
     * @return sin a.
     */
    static double sin(double a) {
        if (!(Math.abs(a) <= LIMIT)) {
            return Math.sin(a);
        }
        double shifted = a * TWO_OVER_PI + ROUND;
        double k = shifted - ROUND;
        int q = (int) Double.doubleToRawLongBits(shifted) & 3;
        double r = (a - k * PIO2_1) - k * PIO2_1T;
        double z = r * r;
        double s = r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
        double c = 1.0 - 0.5 * z + z * z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        double odd = q & 1;
        double sign = 1 - (q & 2);
        return (s * (1 - odd) + c * odd) * sign;
    }

    /**
     * @param a angle [rad].
     * @return cos a.
     */
    static double cos(double a) {
        if (!(Math.abs(a) <= LIMIT)) {
            return Math.cos(a);
        }
        double shifted = a * TWO_OVER_PI + ROUND;
        double k = shifted - ROUND;
        int q = (int) Double.doubleToRawLongBits(shifted) & 3;
        double r = (a - k * PIO2_1) - k * PIO2_1T;
        double z = r * r;
        double s = r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
        double c = 1.0 - 0.5 * z + z * z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        double odd = q & 1;
        double sign = 1 - ((q + 1) & 2);
        return (c * (1 - odd) + s * odd) * sign;
    }

    /**
     * sin and cos of a run of angles, bit-for-bit equal to {@link #sin} and {@link #cos} per entry (the
     * same operations, the reduction shared). Allocation-free.
     *
     * @param a      angles [rad]: entry j at {@code a[off + j]}. Not modified.
     * @param off    offset of entry 0.
     * @param len    number of angles.
     * @param sinOut (Output) sin at {@code sinOut[j]}. Modified.
     * @param cosOut (Output) cos at {@code cosOut[j]}. Modified.
     */
    static void block(double[] a, int off, int len, double[] sinOut, double[] cosOut) {
        for (int j = 0; j < len; j++) {
            double x = a[off + j];
            double shifted = x * TWO_OVER_PI + ROUND;
            double k = shifted - ROUND;
            int q = (int) Double.doubleToRawLongBits(shifted) & 3;
            double r = (x - k * PIO2_1) - k * PIO2_1T;
            double z = r * r;
            double s = r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
            double c = 1.0 - 0.5 * z + z * z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
            double odd = q & 1;
            double even = 1 - odd;
            sinOut[j] = (s * even + c * odd) * (1 - (q & 2));
            cosOut[j] = (c * even + s * odd) * (1 - ((q + 1) & 2));
        }
        for (int j = 0; j < len; j++) {
            double x = a[off + j];
            if (!(Math.abs(x) <= LIMIT)) {
                sinOut[j] = Math.sin(x);
                cosOut[j] = Math.cos(x);
            }
        }
    }
}
