package org.foresight.dynamics.model;

/** Angle helpers; all angles in radians. */
public final class Angles {
    private static final double TWO_PI = 2.0 * Math.PI;

    private Angles() {
    }

    /**
     * Wraps an angle to (−π, π].
     *
     * @param a angle [rad], any finite value.
     * @return the equivalent angle in (−π, π] [rad].
     */
    public static double wrap(double a) {
        if (a > -Math.PI && a <= Math.PI) {
            return a;
        }
        double r = a - TWO_PI * Math.floor((a + Math.PI) / TWO_PI);
        // floor maps −π to −π; the interval is half-open at −π.
        return r <= -Math.PI ? r + TWO_PI : r;
    }
}
