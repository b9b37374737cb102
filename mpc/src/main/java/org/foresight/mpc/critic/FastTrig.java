package org.foresight.mpc.critic;

/**
 * Polynomial cos/sin for headings already wrapped to [−π, π], for placing footprint circles in critic
 * loops where {@link Math#cos} would dominate the cost. Absolute error below 5e-7 (the Taylor remainder
 * (π/2)¹²/12! of the degree-10 cosine on [0, π/2]), i.e. below a micrometre for offsets of 0.2 m. Angles
 * outside [−π, π] fall back to {@link Math}.
 */
public final class FastTrig {
    private static final double HALF_PI = 0.5 * Math.PI;

    private FastTrig() {
    }

    /**
     * cos on [0, π/2], Taylor through x¹⁰ in Horner form:
     * cos x ≈ 1 − x²/2! + x⁴/4! − x⁶/6! + x⁸/8! − x¹⁰/10!.
     */
    private static double cosQuadrant(double x) {
        double x2 = x * x;
        return 1.0 + x2 * (-1.0 / 2 + x2 * (1.0 / 24 + x2 * (-1.0 / 720 + x2 * (1.0 / 40320 + x2 * (-1.0 / 3628800)))));
    }

    /**
     * @param a angle [rad], ideally in [−π, π].
     * @return cos a, |error| &lt; 5e-7.
     */
    public static double cos(double a) {
        double x = Math.abs(a);
        if (x <= HALF_PI) {
            return cosQuadrant(x);
        }
        if (x <= Math.PI) {
            return -cosQuadrant(Math.PI - x);
        }
        return Math.cos(a);
    }

    /**
     * sin a = sign(a)·cos(|a| − π/2) for |a| ≤ π.
     *
     * @param a angle [rad], ideally in [−π, π].
     * @return sin a, |error| &lt; 5e-7.
     */
    public static double sin(double a) {
        double x = Math.abs(a);
        if (x <= Math.PI) {
            return Math.copySign(cosQuadrant(Math.abs(x - HALF_PI)), a);
        }
        return Math.sin(a);
    }
}
