package org.foresight.dynamics.sim;

/**
 * How the robot's own state estimate (wheel odometry fused with a gyro, as a Jackal's filtered odometry is)
 * errs. All densities are per √s so that the drift does not depend on the physics step. Validated: every
 * field finite and ≥ 0 (one message naming the field and its unit).
 *
 * @param wheelScaleStd std of the per-episode wheel-speed scale error (dimensionless, e.g. 0.01: the wheels'
 *                      effective radius is off by about 1 %, so travelled distance is off by as much).
 * @param wheelNoise    white noise density on the measured forward speed [m/s per √s].
 * @param gyroNoise     white noise density on the measured yaw rate [rad/s per √s].
 * @param gyroBiasStd   std of the gyro's initial bias [rad/s].
 * @param gyroBiasWalk  random-walk density of the gyro bias [rad/s per √s] (the slow heading drift).
 */
public record OdometryConfig(double wheelScaleStd, double wheelNoise, double gyroNoise, double gyroBiasStd,
                             double gyroBiasWalk) {
    /**
     * A Jackal-like estimate: 1 % wheel scale error, 0.002 m/s/√s and 0.002 rad/s/√s of white noise (about
     * 0.009 m/s and 0.009 rad/s on a 50 ms average), a gyro bias
     * of 0.002 rad/s (about 0.1°/s) walking at 0.0005 rad/s/√s. Over a 10 m BARN run of 10 s that is order of
     * 1 % of distance and about one degree of heading.
     */
    public static final OdometryConfig JACKAL = new OdometryConfig(0.01, 0.002, 0.002, 0.002, 0.0005);

    /** Validates every field. */
    public OdometryConfig {
        check("wheelScaleStd", "(dimensionless)", wheelScaleStd);
        check("wheelNoise", "m/s per √s", wheelNoise);
        check("gyroNoise", "rad/s per √s", gyroNoise);
        check("gyroBiasStd", "rad/s", gyroBiasStd);
        check("gyroBiasWalk", "rad/s per √s", gyroBiasWalk);
    }

    private static void check(String name, String unit, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("odometry " + name + " must be finite and >= 0 " + unit + ", got " + v);
        }
    }
}
