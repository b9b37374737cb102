package org.foresight.worldmodel.model;

/**
 * The structural constants of a {@link PhysicsModel}: the levels of its clamps, its track width and its
 * yaw-loss shape. They are not fitted by least squares (the features are nonlinear in them); the fitter
 * picks them by validation ({@code PhysicsFitter}). Every limit may be +∞ (no clamp).
 *
 * @param cmdVLimit     command clamp C_v applied to cmd_v [m/s], &gt; 0 or +∞ (the robot's speed limit).
 * @param cmdOmegaLimit command clamp C_ω applied to cmd_ω [rad/s], &gt; 0 or +∞ (its yaw-rate limit).
 * @param dvLimit       largest change of v toward the command in one period, D_v [m/s], &gt; 0 or +∞
 *                      (acceleration limit × period).
 * @param dOmegaLimit   largest change of ω in one period, D_ω [rad/s], &gt; 0 or +∞.
 * @param trackWidth    effective track width B [m], &gt; 0 and finite: wheel speeds v ± ω·B/2.
 * @param wheelLimit    wheel-speed clamp W of the wheel targets [m/s], &gt; 0 or +∞.
 * @param dWheelLimit   largest change of a wheel speed in one period, D_w [m/s], &gt; 0 or +∞.
 * @param yawLossGain   κ [s/rad], ≥ 0 and finite: the body turns at g(ω) = ω/(1 + κ|ω|) (a centre of
 *                      rotation that widens with turn rate); 0 for none.
 */
public record PhysicsParams(double cmdVLimit, double cmdOmegaLimit, double dvLimit, double dOmegaLimit,
                            double trackWidth, double wheelLimit, double dWheelLimit, double yawLossGain) {

    /** Validates every field (limits &gt; 0 or +∞, track width finite &gt; 0, κ finite ≥ 0). */
    public PhysicsParams {
        limit("cmd_v limit [m/s]", cmdVLimit);
        limit("cmd_omega limit [rad/s]", cmdOmegaLimit);
        limit("dv limit per period [m/s]", dvLimit);
        limit("domega limit per period [rad/s]", dOmegaLimit);
        limit("wheel speed limit [m/s]", wheelLimit);
        limit("wheel speed change per period [m/s]", dWheelLimit);
        if (!(trackWidth > 0) || !Double.isFinite(trackWidth)) {
            throw new IllegalArgumentException("track width must be a finite number > 0 m, got " + trackWidth);
        }
        if (!(yawLossGain >= 0) || !Double.isFinite(yawLossGain)) {
            throw new IllegalArgumentException("yaw loss gain must be finite and >= 0 s/rad, got " + yawLossGain);
        }
    }

    /**
     * No clamp anywhere, track width 0.5 m, no yaw loss: the start of the fitter's search.
     *
     * @return the unclamped constants.
     */
    public static PhysicsParams unclamped() {
        double inf = Double.POSITIVE_INFINITY;
        return new PhysicsParams(inf, inf, inf, inf, 0.5, inf, inf, 0.0);
    }

    /**
     * The constants as an array in {@link #NAMES} order (the fitter's coordinate search walks it).
     *
     * @return a new array of 8 values.
     */
    public double[] toArray() {
        return new double[] {cmdVLimit, cmdOmegaLimit, dvLimit, dOmegaLimit, trackWidth, wheelLimit, dWheelLimit,
                yawLossGain};
    }

    /**
     * The inverse of {@link #toArray()}.
     *
     * @param a 8 values in {@link #NAMES} order. Not modified.
     * @return the validated constants.
     */
    public static PhysicsParams fromArray(double[] a) {
        if (a.length != NAMES.size()) {
            throw new IllegalArgumentException("physics constants: expected " + NAMES.size() + " values, got " + a.length);
        }
        return new PhysicsParams(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    }

    /** Names of the constants with their units, as written in model files ("inf" for +∞). */
    public static final java.util.List<String> NAMES = java.util.List.of("cmd_v_limit_mps", "cmd_omega_limit_radps",
            "dv_limit_mps", "domega_limit_radps", "track_width_m", "wheel_limit_mps", "dwheel_limit_mps",
            "yaw_loss_gain_s_per_rad");

    private static void limit(String what, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(what + " must be > 0 or +inf, got " + value);
        }
    }
}
