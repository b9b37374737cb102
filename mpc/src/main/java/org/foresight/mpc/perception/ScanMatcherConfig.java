package org.foresight.mpc.perception;

/**
 * Settings of the {@link ScanMatcher}, validated here (the message names the field and its unit); defaults in
 * {@link #DEFAULT}.
 *
 * @param maxIterations  Gauss–Newton iterations per match, ≥ 1.
 * @param huberDistance  residuals up to this weigh fully, beyond it as k/|d| (Huber) [m], finite and &gt; 0.
 * @param inlierDistance residuals beyond this are outliers (unseen obstacles, moving ones), weight 0 [m], finite and
 *                       &gt; huberDistance.
 * @param rangeStd       standard deviation of one end point's distance to the mapped surface [m], finite and &gt; 0
 *                       (range noise and the map's cells); weighs the scan against the prior.
 * @param priorStdXY     standard deviation of the predicted position per axis, the odometry's error since the last
 *                       match [m], finite and &gt; 0. Holds the pose where the scan does not (a corridor's axis).
 * @param priorStdTheta  standard deviation of the predicted heading [rad], finite and &gt; 0.
 * @param minInliers     a match needs at least this many inlier end points, ≥ 3.
 * @param maxShift       a match that moves the position farther than this is rejected [m], finite and &gt; 0.
 * @param maxTurn        a match that turns the heading more than this is rejected [rad], finite and &gt; 0.
 * @param minImprovement a match must lower the objective F by at least this (dimensionless, F's units: squared
 *                       residuals over σ_d²), finite and ≥ 0. Above 0, a prediction that already agrees with the map
 *                       is left to odometry instead of wandering across the dead band; but drift slow enough to
 *                       stay below it per scan is then written into the map and never corrected (30 stops the
 *                       correction of a bias 20 times the Jackal's; {@code ScanMatchLoopTest}).
 */
public record ScanMatcherConfig(int maxIterations, double huberDistance, double inlierDistance, double rangeStd,
                                double priorStdXY, double priorStdTheta, int minInliers, double maxShift,
                                double maxTurn, double minImprovement) {
    /**
     * The default for a Hokuyo on a 0.05 m map matched every 50 ms: 8 iterations, Huber at 0.05 m (one cell),
     * outliers beyond 0.25 m, σ_d = 0.03 m, a prior of 0.02 m and 0.01 rad (ten times what odometry drifts in a
     * period), at least 40 inliers, at most 0.10 m and 0.05 rad (2.9°) of correction per match, any improvement of F.
     */
    public static final ScanMatcherConfig DEFAULT = new ScanMatcherConfig(8, 0.05, 0.25, 0.03, 0.02, 0.01, 40, 0.10,
            0.05, 0.0);

    /** Validates every field. */
    public ScanMatcherConfig {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("scan matcher maxIterations must be >= 1, got " + maxIterations);
        }
        positive("huberDistance", "m", huberDistance);
        positive("inlierDistance", "m", inlierDistance);
        if (!(inlierDistance > huberDistance)) {
            throw new IllegalArgumentException("scan matcher inlierDistance [m] must exceed huberDistance ("
                    + huberDistance + " m): " + inlierDistance);
        }
        positive("rangeStd", "m", rangeStd);
        positive("priorStdXY", "m", priorStdXY);
        positive("priorStdTheta", "rad", priorStdTheta);
        if (minInliers < 3) {
            throw new IllegalArgumentException("scan matcher minInliers must be >= 3, got " + minInliers);
        }
        positive("maxShift", "m", maxShift);
        positive("maxTurn", "rad", maxTurn);
        if (!(minImprovement >= 0) || !Double.isFinite(minImprovement)) {
            throw new IllegalArgumentException("scan matcher minImprovement [dimensionless] must be finite and >= 0: "
                    + minImprovement);
        }
    }

    private static void positive(String name, String unit, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("scan matcher " + name + " [" + unit + "] must be finite and > 0: " + v);
        }
    }
}
