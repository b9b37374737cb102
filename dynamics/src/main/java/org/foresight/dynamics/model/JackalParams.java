package org.foresight.dynamics.model;

/**
 * The hidden physical parameters of the ground-truth Jackal ({@link JackalDiffDrive}): what the simulator
 * knows and the learner must discover from logs. Immutable; every field is validated in the constructor
 * ({@link IllegalArgumentException} naming the field and its unit). Start from {@link #defaults()} and
 * change single fields with the {@code with...} methods.
 *
 * @param tauV          time constant of the first-order lag of forward speed toward its command [s], &gt; 0.
 * @param tauOmega      time constant of the first-order lag of yaw rate toward its command [s], &gt; 0.
 * @param maxV          forward speed limit |v| ≤ maxV; commands are clamped to it [m/s], &gt; 0.
 * @param maxOmega      yaw-rate limit |ω| ≤ maxOmega; commands are clamped to it [rad/s], &gt; 0.
 * @param maxAccel      forward acceleration limit |v̇| ≤ maxAccel [m/s²], &gt; 0.
 * @param maxAlpha      yaw acceleration limit |ω̇| ≤ maxAlpha [rad/s²], &gt; 0.
 * @param yawSlip       skid-steer yaw-rate loss, dimensionless, in [0, 0.5]: the body turns at
 *                      ω_eff = ω·(1 − yawSlip·|ω|/maxOmega), i.e. loses the fraction yawSlip of its wheel
 *                      yaw rate at full turn rate; ≤ 0.5 keeps ω_eff increasing in ω up to maxOmega.
 * @param longSlip      forward-speed loss while turning, dimensionless, in [0, 1): the body moves forward
 *                      at v_fwd = v·(1 − longSlip·(ω/maxOmega)²) (wheels scrub sideways in a skid turn).
 * @param lateralSlip   sideways drift per unit centripetal demand [s], in [0, 1]: the body slides outward
 *                      of the turn at v_lat = −lateralSlip·v·ω [m/s] along body +y.
 * @param noiseV        process-noise density on forward speed [m/s per √s], ≥ 0: each physics step of
 *                      length dt adds N(0, noiseV²·dt) to v.
 * @param noiseOmega    process-noise density on yaw rate [rad/s per √s], ≥ 0: adds N(0, noiseOmega²·dt) to ω.
 * @param integrator    how {@link JackalDiffDrive#step} integrates the continuous model over dt, non-null.
 */
public record JackalParams(double tauV, double tauOmega, double maxV, double maxOmega, double maxAccel,
                           double maxAlpha, double yawSlip, double longSlip, double lateralSlip,
                           double noiseV, double noiseOmega, Integrator integrator) {

    /** Validates every field; see the record Javadoc for ranges and units. */
    public JackalParams {
        positive("tauV", "s", tauV);
        positive("tauOmega", "s", tauOmega);
        positive("maxV", "m/s", maxV);
        positive("maxOmega", "rad/s", maxOmega);
        positive("maxAccel", "m/s²", maxAccel);
        positive("maxAlpha", "rad/s²", maxAlpha);
        range("yawSlip", "(dimensionless)", yawSlip, 0.0, 0.5, true);
        range("longSlip", "(dimensionless)", longSlip, 0.0, 1.0, false);
        range("lateralSlip", "s", lateralSlip, 0.0, 1.0, true);
        nonNegative("noiseV", "m/s per √s", noiseV);
        nonNegative("noiseOmega", "rad/s per √s", noiseOmega);
        if (integrator == null) {
            throw new IllegalArgumentException("JackalParams.integrator must not be null");
        }
    }

    /**
     * The ground-truth robot: τ_v = 0.10 s, τ_ω = 0.08 s, 2.0 m/s, 4.0 rad/s, 20 m/s², 25 rad/s²,
     * yawSlip 0.15, longSlip 0.05, lateralSlip 0.01 s, noise 0.10 m/s/√s and 0.15 rad/s/√s, RK4.
     *
     * @return the default parameters.
     */
    public static JackalParams defaults() {
        return new JackalParams(0.10, 0.08, 2.0, 4.0, 20.0, 25.0, 0.15, 0.05, 0.01, 0.10, 0.15, Integrator.RK4);
    }

    /**
     * The same robot without process noise (noiseV = noiseOmega = 0).
     *
     * @return a copy with both noise densities zero.
     */
    public JackalParams withoutNoise() {
        return withNoiseV(0.0).withNoiseOmega(0.0);
    }

    /**
     * The same robot without any slip (yawSlip = longSlip = lateralSlip = 0).
     *
     * @return a copy with the three slip parameters zero.
     */
    public JackalParams withoutSlip() {
        return withYawSlip(0.0).withLongSlip(0.0).withLateralSlip(0.0);
    }

    /** @param value new {@link #tauV()} [s]. @return a copy with it changed. */
    public JackalParams withTauV(double value) {
        return new JackalParams(value, tauOmega, maxV, maxOmega, maxAccel, maxAlpha, yawSlip, longSlip,
                lateralSlip, noiseV, noiseOmega, integrator);
    }

    /** @param value new {@link #tauOmega()} [s]. @return a copy with it changed. */
    public JackalParams withTauOmega(double value) {
        return new JackalParams(tauV, value, maxV, maxOmega, maxAccel, maxAlpha, yawSlip, longSlip,
                lateralSlip, noiseV, noiseOmega, integrator);
    }

    /** @param value new {@link #maxV()} [m/s]. @return a copy with it changed. */
    public JackalParams withMaxV(double value) {
        return new JackalParams(tauV, tauOmega, value, maxOmega, maxAccel, maxAlpha, yawSlip, longSlip,
                lateralSlip, noiseV, noiseOmega, integrator);
    }

    /** @param value new {@link #maxOmega()} [rad/s]. @return a copy with it changed. */
    public JackalParams withMaxOmega(double value) {
        return new JackalParams(tauV, tauOmega, maxV, value, maxAccel, maxAlpha, yawSlip, longSlip,
                lateralSlip, noiseV, noiseOmega, integrator);
    }

    /** @param value new {@link #maxAccel()} [m/s²]. @return a copy with it changed. */
    public JackalParams withMaxAccel(double value) {
        return new JackalParams(tauV, tauOmega, maxV, maxOmega, value, maxAlpha, yawSlip, longSlip,
                lateralSlip, noiseV, noiseOmega, integrator);
    }

    /** @param value new {@link #maxAlpha()} [rad/s²]. @return a copy with it changed. */
    public JackalParams withMaxAlpha(double value) {
        return new JackalParams(tauV, tauOmega, maxV, maxOmega, maxAccel, value, yawSlip, longSlip,
                lateralSlip, noiseV, noiseOmega, integrator);
    }

    /** @param value new {@link #yawSlip()} (dimensionless). @return a copy with it changed. */
    public JackalParams withYawSlip(double value) {
        return new JackalParams(tauV, tauOmega, maxV, maxOmega, maxAccel, maxAlpha, value, longSlip,
                lateralSlip, noiseV, noiseOmega, integrator);
    }

    /** @param value new {@link #longSlip()} (dimensionless). @return a copy with it changed. */
    public JackalParams withLongSlip(double value) {
        return new JackalParams(tauV, tauOmega, maxV, maxOmega, maxAccel, maxAlpha, yawSlip, value,
                lateralSlip, noiseV, noiseOmega, integrator);
    }

    /** @param value new {@link #lateralSlip()} [s]. @return a copy with it changed. */
    public JackalParams withLateralSlip(double value) {
        return new JackalParams(tauV, tauOmega, maxV, maxOmega, maxAccel, maxAlpha, yawSlip, longSlip,
                value, noiseV, noiseOmega, integrator);
    }

    /** @param value new {@link #noiseV()} [m/s per √s]. @return a copy with it changed. */
    public JackalParams withNoiseV(double value) {
        return new JackalParams(tauV, tauOmega, maxV, maxOmega, maxAccel, maxAlpha, yawSlip, longSlip,
                lateralSlip, value, noiseOmega, integrator);
    }

    /** @param value new {@link #noiseOmega()} [rad/s per √s]. @return a copy with it changed. */
    public JackalParams withNoiseOmega(double value) {
        return new JackalParams(tauV, tauOmega, maxV, maxOmega, maxAccel, maxAlpha, yawSlip, longSlip,
                lateralSlip, noiseV, value, integrator);
    }

    /** @param value new {@link #integrator()}. @return a copy with it changed. */
    public JackalParams withIntegrator(Integrator value) {
        return new JackalParams(tauV, tauOmega, maxV, maxOmega, maxAccel, maxAlpha, yawSlip, longSlip,
                lateralSlip, noiseV, noiseOmega, value);
    }

    /**
     * The parameters by field name (the names {@code --robot KEY=VALUE} takes), in declaration order; the
     * integrator by its enum name. For run metadata and sidecars.
     *
     * @return a new ordered map.
     */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("tauV", tauV);
        m.put("tauOmega", tauOmega);
        m.put("maxV", maxV);
        m.put("maxOmega", maxOmega);
        m.put("maxAccel", maxAccel);
        m.put("maxAlpha", maxAlpha);
        m.put("yawSlip", yawSlip);
        m.put("longSlip", longSlip);
        m.put("lateralSlip", lateralSlip);
        m.put("noiseV", noiseV);
        m.put("noiseOmega", noiseOmega);
        m.put("integrator", integrator.name());
        return m;
    }

    private static void positive(String name, String unit, double value) {
        if (!(Double.isFinite(value) && value > 0.0)) {
            throw new IllegalArgumentException("JackalParams." + name + " must be finite and > 0 " + unit
                    + ", got " + value);
        }
    }

    private static void nonNegative(String name, String unit, double value) {
        if (!(Double.isFinite(value) && value >= 0.0)) {
            throw new IllegalArgumentException("JackalParams." + name + " must be finite and ≥ 0 " + unit
                    + ", got " + value);
        }
    }

    private static void range(String name, String unit, double value, double lo, double hi, boolean hiInclusive) {
        boolean ok = value >= lo && (hiInclusive ? value <= hi : value < hi);
        if (!ok) {
            throw new IllegalArgumentException("JackalParams." + name + " must be in [" + lo + ", " + hi
                    + (hiInclusive ? "]" : ")") + " " + unit + ", got " + value);
        }
    }
}
