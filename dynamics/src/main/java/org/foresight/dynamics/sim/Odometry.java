package org.foresight.dynamics.sim;

import java.util.random.RandomGenerator;
import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.StateIndex;

/**
 * The robot's own pose estimate, dead-reckoned the way a Jackal's filtered odometry is: heading from a gyro
 * that measures the body's true yaw rate plus a slowly walking bias and noise, position from the wheels'
 * forward speed (what the drive's encoders report, so slip is invisible to it) with a per-episode scale
 * error and noise. Integrated once per physics step:
 * <pre>
 *   ω_m = Δθ_true/dt + b + σ_g·ξ₁/√dt,          b ← b + σ_b·√dt·ξ₂
 *   v_m = v̄_wheel·(1 + s) + σ_v·ξ₃/√dt         (v̄: the step's mean wheel speed; s ~ N(0, σ_s²) drawn once)
 *   x̂ ← x̂ + v_m·cos(θ̂ + ω_m·dt/2)·dt,   ŷ ← ŷ + v_m·sin(θ̂ + ω_m·dt/2)·dt,   θ̂ ← wrap(θ̂ + ω_m·dt)
 * </pre>
 * The reported speeds are averaged over the period since the last report (a 20 Hz odometry message).
 * The estimate starts at the true start pose: its frame is the odometry frame, in which BARN gives the goal
 * (start + 10 m ahead). Not thread-safe; deterministic for a seed; allocation-free per step.
 */
public final class Odometry {
    private final OdometryConfig config;
    private final RandomGenerator rng;
    private final double scale;
    private double bias;
    private double x;
    private double y;
    private double theta;
    private double sumV;
    private double sumOmega;
    private double sumDt;
    private double lastV;
    private double lastOmega;

    /**
     * @param config how the estimate errs.
     * @param rng    the episode's odometry noise stream (its own, so other streams do not change).
     * @param start  the true start state (x, y, θ, v, ω, ...).
     */
    public Odometry(OdometryConfig config, RandomGenerator rng, double[] start) {
        this.config = config;
        this.rng = rng;
        this.scale = 1.0 + config.wheelScaleStd() * rng.nextGaussian();
        this.bias = config.gyroBiasStd() * rng.nextGaussian();
        this.x = start[StateIndex.X];
        this.y = start[StateIndex.Y];
        this.theta = start[StateIndex.THETA];
    }

    /**
     * Integrates one physics step.
     *
     * @param before the true state before the step. Not modified.
     * @param after  the true state after the step. Not modified.
     * @param dt     the step [s], &gt; 0.
     */
    public void step(double[] before, double[] after, double dt) {
        double sq = Math.sqrt(dt);
        double trueRate = Angles.wrap(after[StateIndex.THETA] - before[StateIndex.THETA]) / dt;
        double omega = trueRate + bias + config.gyroNoise() * rng.nextGaussian() / sq;
        bias += config.gyroBiasWalk() * sq * rng.nextGaussian();
        // Encoder counts over the step measure the mean wheel speed.
        double wheel = 0.5 * (before[StateIndex.V] + after[StateIndex.V]);
        double v = wheel * scale + config.wheelNoise() * rng.nextGaussian() / sq;
        double mid = theta + 0.5 * omega * dt; // midpoint heading: second-order dead reckoning
        x += v * Math.cos(mid) * dt;
        y += v * Math.sin(mid) * dt;
        theta = Angles.wrap(theta + omega * dt);
        sumV += v * dt;
        sumOmega += omega * dt;
        sumDt += dt;
    }

    /**
     * The estimate as an odometry message reports it: the dead-reckoned pose, and the measured speeds averaged
     * since the previous call (one control period: the rate the message comes at).
     *
     * @param out (Output) (x̂ [m], ŷ [m], θ̂ [rad], v_m [m/s], ω_m [rad/s]), length ≥ 5. Modified.
     */
    public void estimate(double[] out) {
        if (sumDt > 0) {
            lastV = sumV / sumDt;
            lastOmega = sumOmega / sumDt;
            sumV = 0;
            sumOmega = 0;
            sumDt = 0;
        }
        out[StateIndex.X] = x;
        out[StateIndex.Y] = y;
        out[StateIndex.THETA] = theta;
        out[StateIndex.V] = lastV;
        out[StateIndex.OMEGA] = lastOmega;
    }
}
