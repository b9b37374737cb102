package my;

import java.util.List;
import java.util.random.RandomGenerator;
import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.ProcessNoise;
import org.foresight.dynamics.model.StateIndex;

/**
 * A user's own robot, written outside the project: a skid-steer drive modelled at the level of its two
 * wheel sides, with wheel-speed saturation, a per-wheel lag and acceleration limit, and a centre of rotation
 * that widens with turn rate. It is not compiled by the project's build; compile it against the CLI jar and
 * use it as the simulated robot:
 * <pre>
 *   javac -cp examples/target/foresight.jar -d my-classes examples/user-classes/my/*.java
 *   ./foresight collect --plant class:my.WheelDrivePlant --classpath my-classes --out logs-wheel
 * </pre>
 *
 * <p><b>State</b> (x [m], y [m], θ [rad], v [m/s], ω [rad/s]), the layout of {@link StateIndex}, where v and ω
 * are the wheel-odometry values
 * <pre>
 *   v = (v_r + v_l)/2,   ω = (v_r − v_l)/B        (B: track width [m])
 * </pre>
 * so the wheel speeds are recovered exactly: v_r = v + ω·B/2, v_l = v − ω·B/2. <b>Control</b>
 * (cmd_v [m/s], cmd_ω [rad/s]) = {@link ControlIndex}.
 *
 * <p><b>Continuous model</b> ẋ = f(x, u), with sat(z, L) = min(max(z, −L), L):
 * <pre>
 *   inverse kinematics to wheel targets, each clamped to the wheel speed limit
 *     v_r* = sat(cmd_v + cmd_ω·B/2, w_max)        v_l* = sat(cmd_v − cmd_ω·B/2, w_max)
 *   wheel sides: first-order lag toward the target, acceleration-limited
 *     v̇_r = sat((v_r* − v_r)/τ_w, a_w)           v̇_l = sat((v_l* − v_l)/τ_w, a_w)
 *   skid-steer: the instantaneous centre of rotation widens with turn rate
 *     ω_odo = (v_r − v_l)/B,   χ = 1 + k_icr·|ω_odo|/ω_ref,   ω_body = ω_odo/χ
 *   pose kinematics
 *     ẋ = v·cos θ,   ẏ = v·sin θ,   θ̇ = ω_body,      v = (v_r + v_l)/2
 * </pre>
 * Turning hard while fast saturates the outer wheel, so the robot reaches neither the commanded speed nor
 * the commanded yaw rate. The body always turns less than the odometry reports (χ ≥ 1). The model is
 * mirror-symmetric: negating y, θ, ω and cmd_ω swaps the wheels and mirrors the trajectory.
 *
 * <p><b>Discrete step.</b> {@link #step} integrates f over any dt &gt; 0 with classical RK4 in equal
 * substeps of at most {@link #MAX_SUBSTEP} (one substep at the simulator's 5 ms, ten at a planner's 50 ms),
 * then wraps θ to (−π, π]. Every RK4 stage obeys the acceleration clamp, so |Δv_r|/dt ≤ a_w and
 * |Δv_l|/dt ≤ a_w hold for any dt; substeps of 5 ms ≪ τ_w keep the lag from overshooting its target, so
 * |v_r|, |v_l| ≤ w_max are kept from any start inside the limit.
 *
 * <p><b>Noise.</b> {@link #step} is deterministic; {@link #applyProcessNoise} adds independent Gaussian
 * increments to the two wheel speeds.
 *
 * <p>Thread-safe (no mutable fields); {@link #step} and {@link #stepBatch} do not allocate.
 */
public final class WheelDrivePlant implements DynamicsModel, ProcessNoise {

    /** Track width B [m]: lateral distance between the left and right wheel contact lines. */
    public static final double TRACK = 0.43;
    /** Wheel speed limit w_max [m/s]: each wheel side's target is clamped to ±w_max. */
    public static final double WHEEL_MAX_SPEED = 2.0;
    /** Wheel lag time constant τ_w [s]. */
    public static final double WHEEL_TAU = 0.15;
    /** Wheel acceleration limit a_w [m/s²]. */
    public static final double WHEEL_MAX_ACCEL = 4.0;
    /** ICR widening gain k_icr [1]: χ = 1 + k_icr·|ω_odo|/ω_ref. */
    public static final double ICR_GAIN = 0.6;
    /** Reference yaw rate ω_ref [rad/s] of the ICR widening. */
    public static final double ICR_REF_OMEGA = 4.0;
    /** Process-noise density on each wheel speed [m/s per √s]: a step of dt adds N(0, σ²·dt) per wheel. */
    public static final double WHEEL_NOISE = 0.05;
    /** Longest internal integration substep [s]. */
    public static final double MAX_SUBSTEP = 0.005;

    private static final int N = StateIndex.FULL_DIM;
    private static final int M = ControlIndex.DIM;
    private static final double HALF_TRACK = 0.5 * TRACK;
    private static final double INV_TRACK = 1.0 / TRACK;
    private static final double INV_TAU = 1.0 / WHEEL_TAU;
    private static final double ICR_PER_OMEGA = ICR_GAIN / ICR_REF_OMEGA;

    /** The robot with the default constants above (the constructor the CLI's {@code class:} calls). */
    public WheelDrivePlant() {
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
     * @param dt    step [s], &gt; 0 and finite (5 ms physics step, 50 ms planning step, or any other).
     * @param xNext (Output) next state. Must not alias {@code x}. Modified.
     */
    @Override
    public void step(double[] x, double[] u, double dt, double[] xNext) {
        integrate(x, 0, 1, u, 0, 1, dt, xNext);
    }

    /**
     * {@link #step} for {@code count} samples, structure-of-arrays as {@link DynamicsModel#stepBatch}
     * documents; bit-for-bit equal to {@link #step} per sample. Allocation-free.
     */
    @Override
    public void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        for (int k = 0; k < count; k++) {
            integrate(x, k, count, u, k, count, dt, xNext);
        }
    }

    /**
     * The step kernel for one sample whose entry i sits at {@code x[off + i·stride]} (likewise u, xNext).
     *
     * <pre>
     *   wheel speeds from odometry:  v_r = v + ω·B/2,  v_l = v − ω·B/2
     *   n = ⌈dt / MAX_SUBSTEP⌉ substeps of h = dt/n, each classical RK4 on (x, y, θ, v_r, v_l):
     *     k₁ = f(s),  k₂ = f(s + h/2·k₁),  k₃ = f(s + h/2·k₂),  k₄ = f(s + h·k₃)
     *     s ← s + h/6·(k₁ + 2k₂ + 2k₃ + k₄)
     *   back to odometry:  v = (v_r + v_l)/2,  ω = (v_r − v_l)/B,  θ ← wrap(θ)
     * </pre>
     * The wheel channels of f depend only on their own wheel, and the pose channels only on θ and the
     * wheels, so each stage is written out with scalars (no scratch arrays).
     */
    private static void integrate(double[] x, int xo, int xs, double[] u, int uo, int us, double dt,
                                  double[] xNext) {
        if (!(dt > 0.0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("step dt must be finite and > 0 s, got " + dt);
        }
        double px = x[xo + StateIndex.X * xs];
        double py = x[xo + StateIndex.Y * xs];
        double th = x[xo + StateIndex.THETA * xs];
        double v = x[xo + StateIndex.V * xs];
        double w = x[xo + StateIndex.OMEGA * xs];
        double cmdV = u[uo + ControlIndex.V * us];
        double cmdW = u[uo + ControlIndex.OMEGA * us];

        // v_r* = sat(cmd_v + cmd_ω·B/2, w_max), v_l* = sat(cmd_v − cmd_ω·B/2, w_max)
        double tr = sat(cmdV + cmdW * HALF_TRACK, WHEEL_MAX_SPEED);
        double tl = sat(cmdV - cmdW * HALF_TRACK, WHEEL_MAX_SPEED);
        double vr = v + w * HALF_TRACK;
        double vl = v - w * HALF_TRACK;

        int n = Math.max(1, (int) Math.ceil(dt / MAX_SUBSTEP - 1e-9));
        double h = dt / n;
        double hh = 0.5 * h;
        double h6 = h / 6.0;
        for (int i = 0; i < n; i++) {
            // k₁ at s
            double ar1 = wheelAccel(vr, tr);
            double al1 = wheelAccel(vl, tl);
            double s1 = 0.5 * (vr + vl);
            double w1 = bodyYawRate(vr, vl);
            double dx1 = s1 * Math.cos(th);
            double dy1 = s1 * Math.sin(th);
            // k₂ at s + h/2·k₁
            double vr2 = vr + hh * ar1;
            double vl2 = vl + hh * al1;
            double th2 = th + hh * w1;
            double ar2 = wheelAccel(vr2, tr);
            double al2 = wheelAccel(vl2, tl);
            double s2 = 0.5 * (vr2 + vl2);
            double w2 = bodyYawRate(vr2, vl2);
            double dx2 = s2 * Math.cos(th2);
            double dy2 = s2 * Math.sin(th2);
            // k₃ at s + h/2·k₂
            double vr3 = vr + hh * ar2;
            double vl3 = vl + hh * al2;
            double th3 = th + hh * w2;
            double ar3 = wheelAccel(vr3, tr);
            double al3 = wheelAccel(vl3, tl);
            double s3 = 0.5 * (vr3 + vl3);
            double w3 = bodyYawRate(vr3, vl3);
            double dx3 = s3 * Math.cos(th3);
            double dy3 = s3 * Math.sin(th3);
            // k₄ at s + h·k₃
            double vr4 = vr + h * ar3;
            double vl4 = vl + h * al3;
            double th4 = th + h * w3;
            double ar4 = wheelAccel(vr4, tr);
            double al4 = wheelAccel(vl4, tl);
            double s4 = 0.5 * (vr4 + vl4);
            double w4 = bodyYawRate(vr4, vl4);
            double dx4 = s4 * Math.cos(th4);
            double dy4 = s4 * Math.sin(th4);
            // s ← s + h/6·(k₁ + 2k₂ + 2k₃ + k₄)
            px += h6 * (dx1 + 2.0 * dx2 + 2.0 * dx3 + dx4);
            py += h6 * (dy1 + 2.0 * dy2 + 2.0 * dy3 + dy4);
            th += h6 * (w1 + 2.0 * w2 + 2.0 * w3 + w4);
            vr += h6 * (ar1 + 2.0 * ar2 + 2.0 * ar3 + ar4);
            vl += h6 * (al1 + 2.0 * al2 + 2.0 * al3 + al4);
        }

        xNext[xo + StateIndex.X * xs] = px;
        xNext[xo + StateIndex.Y * xs] = py;
        xNext[xo + StateIndex.THETA * xs] = Angles.wrap(th);
        xNext[xo + StateIndex.V * xs] = 0.5 * (vr + vl);
        xNext[xo + StateIndex.OMEGA * xs] = (vr - vl) * INV_TRACK;
    }

    /** v̇_wheel = sat((v* − v_wheel)/τ_w, a_w) [m/s²], for wheel speed and target in [m/s]. */
    private static double wheelAccel(double wheelSpeed, double target) {
        return sat((target - wheelSpeed) * INV_TAU, WHEEL_MAX_ACCEL);
    }

    /** ω_body = ω_odo/(1 + k_icr·|ω_odo|/ω_ref) [rad/s], ω_odo = (v_r − v_l)/B, wheel speeds in [m/s]. */
    private static double bodyYawRate(double vr, double vl) {
        double wOdo = (vr - vl) * INV_TRACK;
        return wOdo / (1.0 + ICR_PER_OMEGA * Math.abs(wOdo));
    }

    private static double sat(double z, double limit) {
        return Math.min(Math.max(z, -limit), limit);
    }

    /**
     * Adds one physics step's process noise to the wheel speeds, mapped back to odometry:
     * <pre>
     *   v_r ← v_r + σ·√dt·ξ₁,   v_l ← v_l + σ·√dt·ξ₂,   ξ₁, ξ₂ ~ N(0, 1) independent
     *   ⇒  v ← v + σ·√dt·(ξ₁ + ξ₂)/2,   ω ← ω + σ·√dt·(ξ₁ − ξ₂)/B
     * </pre>
     * with σ = {@link #WHEEL_NOISE} (a Wiener increment: the variance added per second does not depend on
     * the physics step). Exactly two Gaussians are drawn, ξ₁ first. Pose entries are not touched; the result
     * is not clamped.
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
        double sigma = WHEEL_NOISE * Math.sqrt(dt);
        double dRight = sigma * rng.nextGaussian();
        double dLeft = sigma * rng.nextGaussian();
        x[StateIndex.V] += 0.5 * (dRight + dLeft);
        x[StateIndex.OMEGA] += (dRight - dLeft) * INV_TRACK;
    }

    /** @return "wheel-drive plant (tau_w 0.15 s, a_w 4.0 m/s², ICR k 0.6)" with the constants above. */
    @Override
    public String describe() {
        return "wheel-drive plant (tau_w " + WHEEL_TAU + " s, a_w " + WHEEL_MAX_ACCEL + " m/s², ICR k "
                + ICR_GAIN + ")";
    }
}
