package org.foresight.mpc.critic;

/**
 * Branch-free polynomial cos/sin for headings wrapped to [−π, π], for placing footprint circles in critic
 * loops where {@link Math#cos} would dominate the cost. Both reduce to one odd polynomial on [−π/2, π/2]
 * (x = |a| ∈ [0, π]):
 * <pre>
 *   cos a = S(π/2 − x),   sin a = sign(a)·S(π/2 − |π/2 − x|),
 *   S(y) = y − y³/3! + y⁵/5! − y⁷/7! + y⁹/9! − y¹¹/11!   (|error| ≤ (π/2)¹³/13! ≈ 6e-8)
 * </pre>
 * so no data-dependent branch (a heading near ±π/2, common when driving along y, would otherwise flip a
 * quadrant branch at random). Angles outside [−π, π] fall back to {@link Math}.
 */
public final class FastTrig {
    private static final double HALF_PI = 0.5 * Math.PI;

    private FastTrig() {
    }

    /** S(y), the degree-11 Taylor polynomial of sin on [−π/2, π/2], Horner form in y². */
    private static double sinPoly(double y) {
        double y2 = y * y;
        return y * (1.0 + y2 * (-1.0 / 6 + y2 * (1.0 / 120 + y2 * (-1.0 / 5040 + y2 * (1.0 / 362880
                + y2 * (-1.0 / 39916800))))));
    }

    /**
     * @param a angle [rad], ideally in [−π, π].
     * @return cos a, |error| &lt; 1e-7.
     */
    public static double cos(double a) {
        double x = Math.abs(a);
        if (x > Math.PI) {
            return Math.cos(a);
        }
        return sinPoly(HALF_PI - x);
    }

    /**
     * @param a angle [rad], ideally in [−π, π].
     * @return sin a, |error| &lt; 1e-7.
     */
    public static double sin(double a) {
        double x = Math.abs(a);
        if (x > Math.PI) {
            return Math.sin(a);
        }
        return Math.copySign(sinPoly(HALF_PI - Math.abs(HALF_PI - x)), a);
    }
}
