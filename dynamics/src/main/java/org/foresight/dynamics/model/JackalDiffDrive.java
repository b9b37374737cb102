package org.foresight.dynamics.model;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The ground-truth Jackal: a skid-steer differential drive with actuator lag, velocity and acceleration
 * limits, slip and process noise, whose {@link JackalParams} the learner is not told.
 *
 * <p><b>State</b> (x [m], y [m], θ [rad], v [m/s], ω [rad/s]) = {@link StateIndex#FULL_NAMES}, where v and ω
 * are the wheel-odometry forward speed and yaw rate (what the drive's encoders report; the body moves
 * with the slipped velocities below). <b>Control</b> (cmd_v [m/s], cmd_ω [rad/s]) = {@link ControlIndex}.
 *
 * <p><b>Continuous model</b> ẋ = f(x, u), with sat(z, L) = min(max(z, −L), L):
 * <pre>
 *   actuators (first-order lag toward the clamped command, acceleration-limited)
 *     v_c = sat(cmd_v, maxV)              v̇ = sat((v_c − v)/τ_v, maxAccel)
 *     ω_c = sat(cmd_ω, maxOmega)          ω̇ = sat((ω_c − ω)/τ_ω, maxAlpha)
 *   skid-steer slip (smooth: C¹ in ω, C^∞ in v)
 *     ω_eff = ω·(1 − yawSlip·|ω|/maxOmega)           yaw-rate loss growing with turn rate
 *     v_fwd = v·(1 − longSlip·(ω/maxOmega)²)          forward-speed loss while turning
 *     v_lat = −lateralSlip·v·ω                        outward drift, ∝ the centripetal demand v·ω
 *   pose kinematics from the effective body velocities
 *     ẋ = v_fwd·cos θ − v_lat·sin θ,   ẏ = v_fwd·sin θ + v_lat·cos θ,   θ̇ = ω_eff
 * </pre>
 * The model is mirror-symmetric: negating y, θ, ω and cmd_ω mirrors the trajectory.
 *
 * <p><b>Discrete step.</b> {@link #step} integrates f over dt with {@link JackalParams#integrator()}
 * (default {@link Integrator#RK4}) and wraps θ. The clamps are hard, so f is only piecewise smooth, but
 * it is Lipschitz and every stage derivative obeys the limits: with RK4, |Δv|/dt ≤ maxAccel and
 * |Δω|/dt ≤ maxAlpha hold exactly for any dt, and for dt ≤ min(τ_v, τ_ω) the lag never overshoots
 * its command, so |v| ≤ maxV and |ω| ≤ maxOmega are kept from any start inside the limits. RK4 is
 * accurate (local error ~dt⁵) at the 5 ms physics step and stable at a 50 ms planning step (stability
 * needs dt &lt; 2.78·τ, i.e. dt &lt; 0.22 s with the defaults).
 *
 * <p><b>Jacobians.</b> {@link #jacobians} differentiates the integrator's stages exactly
 * ({@link Integrator#stepWithJacobians}). Where a clamp is exactly at its limit the derivative is taken
 * one-sided from inside the band (the unclamped branch): d sat(z, L)/dz = 1 for |z| ≤ L, 0 for |z| &gt; L.
 * Everywhere else (almost everywhere) the Jacobians are exact.
 *
 * <p><b>Noise.</b> {@link #step} is deterministic; the simulator adds process noise with
 * {@link #applyProcessNoise} once per physics step.
 *
 * <p>Thread-safe; {@link #step}, {@link #stepBatch} and {@link #jacobians} do not allocate after a
 * thread's first call (each thread keeps one small integration workspace in a {@link ThreadLocal}).
 */
public final class JackalDiffDrive implements DynamicsModel, ProcessNoise {

    private static final int N = StateIndex.FULL_DIM;
    private static final int M = ControlIndex.DIM;

    /** One thread's scratch: the integrator workspace plus gather/scatter buffers for batches. */
    private static final class Scratch {
        final Integrator.Workspace ws = new Integrator.Workspace(N, M);
        final double[] x = new double[N];
        final double[] u = new double[M];
        final double[] xNext = new double[N];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final JackalParams params;
    private final Continuous continuous;

    /**
     * Builds the model.
     *
     * @param params the robot's parameters, non-null.
     */
    public JackalDiffDrive(JackalParams params) {
        if (params == null) {
            throw new IllegalArgumentException("JackalDiffDrive params must not be null");
        }
        this.params = params;
        this.continuous = new Continuous(params);
    }

    /** @return the parameters this model was built with. */
    public JackalParams params() {
        return params;
    }

    /**
     * The continuous-time model ẋ = f(x, u) that {@link #step} integrates (see the class formula), with
     * analytic {@link ContinuousDynamics#derivativeJacobians}. θ in its derivative is not wrapped.
     *
     * @return the continuous dynamics (immutable, thread-safe).
     */
    public ContinuousDynamics continuous() {
        return continuous;
    }

    /** @return 5 (x, y, θ, v, ω). */
    @Override
    public int stateDim() {
        return N;
    }

    /** @return 2 (cmd_v, cmd_ω). */
    @Override
    public int controlDim() {
        return M;
    }

    /** @return {@code ["x", "y", "theta", "v", "omega"]}. */
    @Override
    public List<String> stateNames() {
        return StateIndex.FULL_NAMES;
    }

    /** @return {@code ["cmd_v", "cmd_omega"]}. */
    @Override
    public List<String> controlNames() {
        return ControlIndex.NAMES;
    }

    /**
     * Integrates the continuous model over dt (deterministic; no noise) and wraps θ to (−π, π].
     *
     * @param x     state (x [m], y [m], θ [rad], v [m/s], ω [rad/s]). Not modified.
     * @param u     (cmd_v [m/s], cmd_ω [rad/s]), held over the step. Not modified.
     * @param dt    step [s], &gt; 0 (5 ms physics step, up to ~0.2 s planning steps).
     * @param xNext (Output) next state. Must not alias {@code x}. Modified.
     */
    @Override
    public void step(double[] x, double[] u, double dt, double[] xNext) {
        Scratch s = SCRATCH.get();
        params.integrator().step(continuous, x, u, dt, s.ws, xNext);
        xNext[StateIndex.THETA] = Angles.wrap(xNext[StateIndex.THETA]);
    }

    /**
     * {@link #step} for {@code count} samples, structure-of-arrays as {@link DynamicsModel#stepBatch}
     * documents; bit-for-bit equal to {@link #step} per sample. Allocation-free (one thread-local lookup
     * per call, not per sample).
     */
    @Override
    public void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        Scratch s = SCRATCH.get();
        Integrator integrator = params.integrator();
        double[] xs = s.x;
        double[] us = s.u;
        double[] xn = s.xNext;
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < N; i++) {
                xs[i] = x[i * count + k];
            }
            for (int j = 0; j < M; j++) {
                us[j] = u[j * count + k];
            }
            integrator.step(continuous, xs, us, dt, s.ws, xn);
            xn[StateIndex.THETA] = Angles.wrap(xn[StateIndex.THETA]);
            for (int i = 0; i < N; i++) {
                xNext[i * count + k] = xn[i];
            }
        }
    }

    /**
     * Analytic Jacobians of {@link #step}: the exact derivative of the integrator's stages over the
     * continuous Jacobians (one-sided from inside the band where a clamp sits exactly at its limit; see
     * the class Javadoc). Allocation-free after the thread's first call.
     */
    @Override
    public void jacobians(double[] x, double[] u, double dt, double[] a, double[] b) {
        Scratch s = SCRATCH.get();
        params.integrator().stepWithJacobians(continuous, x, u, dt, s.ws, s.xNext, a, b);
    }

    /**
     * Adds process noise to the velocity states, as the simulator does once per physics step:
     * <pre>
     *   v ← v + noiseV·√dt·ξ₁,   ω ← ω + noiseOmega·√dt·ξ₂,   ξ₁, ξ₂ ~ N(0, 1) independent
     * </pre>
     * (a Wiener increment: the variance added per second does not depend on the physics step). Exactly two
     * Gaussians are always drawn, ξ₁ first, even when a density is zero, so the generator's stream does
     * not depend on the parameters. The result is not clamped: a disturbance may push v or ω briefly past
     * its limit, and the lag pulls it back. Pose entries are not touched.
     *
     * @param x   state, length ≥ 5. (Input/Output) v and ω modified in place.
     * @param dt  the physics step the noise covers [s], ≥ 0.
     * @param rng the noise source (the simulator's seeded stream). Advanced by two Gaussians.
     */
    @Override
    public void applyProcessNoise(double[] x, double dt, RandomGenerator rng) {
        if (!(dt >= 0.0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("process-noise dt must be finite and ≥ 0 s, got " + dt);
        }
        double sq = Math.sqrt(dt);
        double xi1 = rng.nextGaussian();
        double xi2 = rng.nextGaussian();
        x[StateIndex.V] += params.noiseV() * sq * xi1;
        x[StateIndex.OMEGA] += params.noiseOmega() * sq * xi2;
    }

    /** @return "jackal-diff-drive (RK4)" or with the configured integrator. */
    @Override
    public String describe() {
        return "jackal-diff-drive (" + params.integrator() + ")";
    }

    /** The continuous-time Jackal model f(x, u) and its analytic Jacobians (formulas in the outer Javadoc). */
    private static final class Continuous implements ContinuousDynamics {
        private final double invTauV;
        private final double invTauOmega;
        private final double maxV;
        private final double maxOmega;
        private final double maxAccel;
        private final double maxAlpha;
        private final double yawSlipPerOmega;
        private final double longSlipPerOmega2;
        private final double lateralSlip;

        Continuous(JackalParams p) {
            invTauV = 1.0 / p.tauV();
            invTauOmega = 1.0 / p.tauOmega();
            maxV = p.maxV();
            maxOmega = p.maxOmega();
            maxAccel = p.maxAccel();
            maxAlpha = p.maxAlpha();
            yawSlipPerOmega = p.yawSlip() / p.maxOmega();
            longSlipPerOmega2 = p.longSlip() / (p.maxOmega() * p.maxOmega());
            lateralSlip = p.lateralSlip();
        }

        @Override
        public int stateDim() {
            return N;
        }

        @Override
        public int controlDim() {
            return M;
        }

        @Override
        public void derivative(double[] x, double[] u, double[] xDot) {
            double th = x[StateIndex.THETA];
            double v = x[StateIndex.V];
            double w = x[StateIndex.OMEGA];
            // v_fwd = v·(1 − longSlip·(ω/maxOmega)²),  v_lat = −lateralSlip·v·ω,  ω_eff = ω·(1 − yawSlip·|ω|/maxOmega)
            double vFwd = v * (1.0 - longSlipPerOmega2 * w * w);
            double vLat = -lateralSlip * v * w;
            double wEff = w * (1.0 - yawSlipPerOmega * Math.abs(w));
            double c = Math.cos(th);
            double s = Math.sin(th);
            xDot[StateIndex.X] = vFwd * c - vLat * s;
            xDot[StateIndex.Y] = vFwd * s + vLat * c;
            xDot[StateIndex.THETA] = wEff;
            // v̇ = sat((sat(cmd_v, maxV) − v)/τ_v, maxAccel), likewise ω̇
            double vc = sat(u[ControlIndex.V], maxV);
            double wc = sat(u[ControlIndex.OMEGA], maxOmega);
            xDot[StateIndex.V] = sat((vc - v) * invTauV, maxAccel);
            xDot[StateIndex.OMEGA] = sat((wc - w) * invTauOmega, maxAlpha);
        }

        @Override
        public void derivativeJacobians(double[] x, double[] u, double[] fx, double[] fu) {
            double th = x[StateIndex.THETA];
            double v = x[StateIndex.V];
            double w = x[StateIndex.OMEGA];
            double vFwd = v * (1.0 - longSlipPerOmega2 * w * w);
            double vLat = -lateralSlip * v * w;
            double c = Math.cos(th);
            double s = Math.sin(th);
            // ∂v_fwd/∂v = 1 − longSlip·(ω/maxOmega)², ∂v_fwd/∂ω = −2·longSlip·v·ω/maxOmega²
            double dFwdDv = 1.0 - longSlipPerOmega2 * w * w;
            double dFwdDw = -2.0 * longSlipPerOmega2 * v * w;
            // ∂v_lat/∂v = −lateralSlip·ω, ∂v_lat/∂ω = −lateralSlip·v
            double dLatDv = -lateralSlip * w;
            double dLatDw = -lateralSlip * v;
            java.util.Arrays.fill(fx, 0, N * N, 0.0);
            java.util.Arrays.fill(fu, 0, N * M, 0.0);
            fx[StateIndex.X * N + StateIndex.THETA] = -vFwd * s - vLat * c;
            fx[StateIndex.X * N + StateIndex.V] = dFwdDv * c - dLatDv * s;
            fx[StateIndex.X * N + StateIndex.OMEGA] = dFwdDw * c - dLatDw * s;
            fx[StateIndex.Y * N + StateIndex.THETA] = vFwd * c - vLat * s;
            fx[StateIndex.Y * N + StateIndex.V] = dFwdDv * s + dLatDv * c;
            fx[StateIndex.Y * N + StateIndex.OMEGA] = dFwdDw * s + dLatDw * c;
            // ∂ω_eff/∂ω = 1 − 2·yawSlip·|ω|/maxOmega
            fx[StateIndex.THETA * N + StateIndex.OMEGA] = 1.0 - 2.0 * yawSlipPerOmega * Math.abs(w);
            // actuators: d sat(z, L)/dz = 1 inside the closed band |z| ≤ L, 0 outside (one-sided at |z| = L)
            double cmdV = u[ControlIndex.V];
            double cmdW = u[ControlIndex.OMEGA];
            double gUv = inside(cmdV, maxV);
            double gUw = inside(cmdW, maxOmega);
            double gAv = inside((sat(cmdV, maxV) - v) * invTauV, maxAccel);
            double gAw = inside((sat(cmdW, maxOmega) - w) * invTauOmega, maxAlpha);
            fx[StateIndex.V * N + StateIndex.V] = -gAv * invTauV;
            fx[StateIndex.OMEGA * N + StateIndex.OMEGA] = -gAw * invTauOmega;
            fu[StateIndex.V * M + ControlIndex.V] = gAv * gUv * invTauV;
            fu[StateIndex.OMEGA * M + ControlIndex.OMEGA] = gAw * gUw * invTauOmega;
        }

        private static double sat(double z, double limit) {
            return Math.min(Math.max(z, -limit), limit);
        }

        private static double inside(double z, double limit) {
            return Math.abs(z) <= limit ? 1.0 : 0.0;
        }
    }
}
