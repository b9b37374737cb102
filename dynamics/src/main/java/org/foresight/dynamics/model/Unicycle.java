package org.foresight.dynamics.model;

import java.util.List;

/**
 * The kinematic unicycle: the robot follows its command exactly and instantly. State (x [m], y [m],
 * θ [rad]) = {@link StateIndex#POSE_NAMES}; control (cmd_v [m/s], cmd_ω [rad/s]) = {@link ControlIndex}.
 *
 * <p>Continuous model ẋ = v·cos θ, ẏ = v·sin θ, θ̇ = ω, integrated exactly over dt with the control held
 * constant (a constant twist moves the robot along a circular arc):
 * <pre>
 *   φ = ω·dt,  h = φ/2,  L = v·dt·sinc(h),  sinc(h) = sin(h)/h
 *   x⁺ = x + L·cos(θ + h)
 *   y⁺ = y + L·sin(θ + h)
 *   θ⁺ = wrap(θ + φ)
 * </pre>
 * This chord form equals the usual x + v/ω·(sin(θ+φ) − sin θ) but has no 1/ω: for |h| &lt;
 * {@value #SINC_SERIES_BELOW} sinc is evaluated by its Taylor series 1 − h²/6 + h⁴/120 (error below
 * h⁶/5040 ≈ 2e-22), so the straight-line limit (ω → 0) is reached continuously and smoothly.
 *
 * <p>Stateless and thread-safe; {@link #step}, {@link #stepBatch} and {@link #jacobians} never allocate.
 */
public final class Unicycle implements DynamicsModel {

    /** Half-angle |h| [rad] below which sinc(h) and its derivative use their Taylor series. */
    public static final double SINC_SERIES_BELOW = 1e-3;

    /** Creates the (parameter-free) model. */
    public Unicycle() {
    }

    /** @return 3 (x, y, θ). */
    @Override
    public int stateDim() {
        return StateIndex.POSE_DIM;
    }

    /** @return 2 (cmd_v, cmd_ω). */
    @Override
    public int controlDim() {
        return ControlIndex.DIM;
    }

    /** @return {@code ["x", "y", "theta"]}. */
    @Override
    public List<String> stateNames() {
        return StateIndex.POSE_NAMES;
    }

    /** @return {@code ["cmd_v", "cmd_omega"]}. */
    @Override
    public List<String> controlNames() {
        return ControlIndex.NAMES;
    }

    /**
     * Moves along the constant-twist arc for dt (see the class formula).
     *
     * @param x     pose (x [m], y [m], θ [rad]). Not modified.
     * @param u     (cmd_v [m/s], cmd_ω [rad/s]). Not modified.
     * @param dt    step [s].
     * @param xNext (Output) next pose, θ wrapped to (−π, π]. May alias {@code x} (every input is read
     *              before the first write). Modified.
     */
    @Override
    public void step(double[] x, double[] u, double dt, double[] xNext) {
        double px = x[StateIndex.X];
        double py = x[StateIndex.Y];
        double th = x[StateIndex.THETA];
        double v = u[ControlIndex.V];
        double w = u[ControlIndex.OMEGA];
        double h = 0.5 * w * dt;
        double len = v * dt * sinc(h);
        double mid = th + h;
        xNext[StateIndex.X] = px + len * Math.cos(mid);
        xNext[StateIndex.Y] = py + len * Math.sin(mid);
        xNext[StateIndex.THETA] = Angles.wrap(th + w * dt);
    }

    /**
     * The same arc step for {@code count} samples, structure-of-arrays as {@link DynamicsModel#stepBatch}
     * documents; bit-for-bit equal to {@link #step} per sample. Allocation-free.
     */
    @Override
    public void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        int ox = StateIndex.X * count;
        int oy = StateIndex.Y * count;
        int ot = StateIndex.THETA * count;
        int ov = ControlIndex.V * count;
        int ow = ControlIndex.OMEGA * count;
        for (int k = 0; k < count; k++) {
            double th = x[ot + k];
            double v = u[ov + k];
            double w = u[ow + k];
            double h = 0.5 * w * dt;
            double len = v * dt * sinc(h);
            double mid = th + h;
            xNext[ox + k] = x[ox + k] + len * Math.cos(mid);
            xNext[oy + k] = x[oy + k] + len * Math.sin(mid);
            xNext[ot + k] = Angles.wrap(th + w * dt);
        }
    }

    /**
     * Analytic Jacobians of the arc step. With c = cos(θ + h), s = sin(θ + h), L = v·dt·sinc(h),
     * ∂L/∂ω = v·dt·sinc′(h)·dt/2:
     * <pre>
     *   A = [1 0 −L·s;  0 1 L·c;  0 0 1]
     *   B = [dt·sinc(h)·c   ∂L/∂ω·c − L·s·dt/2;
     *        dt·sinc(h)·s   ∂L/∂ω·s + L·c·dt/2;
     *        0              dt]
     * </pre>
     * Allocation-free.
     */
    @Override
    public void jacobians(double[] x, double[] u, double dt, double[] a, double[] b) {
        final int n = StateIndex.POSE_DIM;
        final int m = ControlIndex.DIM;
        double th = x[StateIndex.THETA];
        double v = u[ControlIndex.V];
        double w = u[ControlIndex.OMEGA];
        double h = 0.5 * w * dt;
        double sc = sinc(h);
        double len = v * dt * sc;
        double c = Math.cos(th + h);
        double s = Math.sin(th + h);
        double dLenDw = v * dt * sincDerivative(h) * 0.5 * dt;
        java.util.Arrays.fill(a, 0, n * n, 0.0);
        a[StateIndex.X * n + StateIndex.X] = 1.0;
        a[StateIndex.Y * n + StateIndex.Y] = 1.0;
        a[StateIndex.THETA * n + StateIndex.THETA] = 1.0;
        a[StateIndex.X * n + StateIndex.THETA] = -len * s;
        a[StateIndex.Y * n + StateIndex.THETA] = len * c;
        b[StateIndex.X * m + ControlIndex.V] = dt * sc * c;
        b[StateIndex.Y * m + ControlIndex.V] = dt * sc * s;
        b[StateIndex.THETA * m + ControlIndex.V] = 0.0;
        b[StateIndex.X * m + ControlIndex.OMEGA] = dLenDw * c - len * s * 0.5 * dt;
        b[StateIndex.Y * m + ControlIndex.OMEGA] = dLenDw * s + len * c * 0.5 * dt;
        b[StateIndex.THETA * m + ControlIndex.OMEGA] = dt;
    }

    /** @return "unicycle". */
    @Override
    public String describe() {
        return "unicycle";
    }

    /** sinc(h) = sin(h)/h, series 1 − h²/6 + h⁴/120 near 0. */
    static double sinc(double h) {
        if (Math.abs(h) < SINC_SERIES_BELOW) {
            double h2 = h * h;
            return 1.0 - h2 / 6.0 * (1.0 - h2 / 20.0);
        }
        return Math.sin(h) / h;
    }

    /** sinc′(h) = (h·cos h − sin h)/h², series −h/3 + h³/30 near 0. */
    static double sincDerivative(double h) {
        if (Math.abs(h) < SINC_SERIES_BELOW) {
            return -h / 3.0 + h * h * h / 30.0;
        }
        return (h * Math.cos(h) - Math.sin(h)) / (h * h);
    }
}
