package org.foresight.mpc.perception;

/**
 * Settings of the {@link DiscTracker}, validated here; defaults in {@link #defaults()}.
 *
 * @param staticTolerance a return closer than this to the static map's obstacles is the map's [m], &gt; 0.
 * @param clusterGap      neighbouring returns farther apart than this start a new cluster [m], &gt; 0.
 * @param minPoints       returns a cluster needs to be measured, ≥ 1.
 * @param minRadius       smallest disc radius a cluster is given [m], &gt; 0.
 * @param maxRadius       clusters wider than 2·maxRadius are not discs (a wall the map lacks) [m], ≥ minRadius.
 * @param splitProminence a cluster is split at a maximum of its smoothed ranges (5-beam means) standing out this far
 *                        above the nearest return on each side (two discs side by side) [m], ≥ 0 (0: never split).
 * @param gate            a cluster farther than this from a track's prediction is not that track's [m], &gt; 0.
 * @param accelNoise      white-acceleration spectral density q of the constant-velocity model [m²/s³], &gt; 0.
 * @param measurementStd  standard deviation of a cluster's centre [m], &gt; 0.
 * @param confirmHits     matched updates before a track is reported (birth), ≥ 1.
 * @param maxCoast        time a track survives without a match before it dies [s], ≥ 0.
 * @param hiddenCoast     time a track whose predicted disc lies not wholly inside the lidar's field of view, or
 *                        beyond its range, survives without a match [s], ≥ maxCoast: no scan can see it there, so its absence is no
 *                        evidence (a disc that slips into the blind sector behind the robot is still avoided).
 */
public record TrackerConfig(double staticTolerance, double clusterGap, int minPoints, double minRadius,
                            double maxRadius, double splitProminence, double gate, double accelNoise,
                            double measurementStd, int confirmHits,
                            double maxCoast, double hiddenCoast) {
    /** Validates every field. */
    public TrackerConfig {
        positive("staticTolerance", staticTolerance);
        positive("clusterGap", clusterGap);
        positive("minRadius", minRadius);
        positive("gate", gate);
        positive("accelNoise", accelNoise);
        positive("measurementStd", measurementStd);
        if (!(maxRadius >= minRadius) || !Double.isFinite(maxRadius)) {
            throw new IllegalArgumentException("tracker maxRadius must be finite and >= minRadius m, got " + maxRadius);
        }
        if (!(splitProminence >= 0) || !Double.isFinite(splitProminence)) {
            throw new IllegalArgumentException("tracker splitProminence must be finite and >= 0 m, got " + splitProminence);
        }
        if (minPoints < 1 || confirmHits < 1) {
            throw new IllegalArgumentException("tracker minPoints and confirmHits must be >= 1, got " + minPoints + ", "
                    + confirmHits);
        }
        if (!(maxCoast >= 0) || !Double.isFinite(maxCoast)) {
            throw new IllegalArgumentException("tracker maxCoast must be finite and >= 0 s, got " + maxCoast);
        }
        if (!(hiddenCoast >= maxCoast) || !Double.isFinite(hiddenCoast)) {
            throw new IllegalArgumentException("tracker hiddenCoast must be finite and >= maxCoast s, got " + hiddenCoast);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("tracker " + name + " must be finite and > 0, got " + v);
        }
    }

    /**
     * @return static tolerance 0.2 m, cluster gap 0.3 m, 3 points, radius 0.1–0.8 m, split at a range maximum
     *         0.05 m above both sides' nearest returns (5-beam means: 10σ of the Hokuyo's 1 cm noise), gate 1.0 m, q = 3 m²/s³,
     *         σ = 0.03 m, confirmed after 3 matches, dead after 0.3 s unmatched (1.5 s where no scan can see it).
     *         q and σ were 1 m²/s³ and 0.1 m until the detector fitted circles to its clusters (session 11): its
     *         centres now err by about a centimetre where bearing and width erred by 4–8 cm, so the filter can
     *         follow them more closely. In {@code TrackingAccuracy} (60 DynaBARN worlds, t0 5 s) the measured tracks'
     *         0.5 s prediction errs by 0.139 m on average with 3 and 0.03 against 0.155 m with 1 and 0.1 (0.14–0.18 m
     *         for q 0.3–30, σ 0.01–0.1); in closed loop (all 60 × 3, fixed 20 ms, t0 5 s) 135 and 134 of 180
     *         successes on the two seed sets against 125 with 1 and 0.1 on the first.
     */
    public static TrackerConfig defaults() {
        return new TrackerConfig(0.2, 0.3, 3, 0.1, 0.8, 0.05, 1.0, 3.0, 0.03, 3, 0.3, 1.5);
    }
}
