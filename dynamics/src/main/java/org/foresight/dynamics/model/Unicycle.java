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
 * This chord form equals the usual x + v/ω·(sin(θ+φ) − sin θ) but has no 1/ω: for |h| ≤ π/4 sinc is
 * the polynomial 1 + h²·S(h²) (fdlibm's sin kernel divided by h, within about an ulp of sin(h)/h; exactly
 * 1 at h = 0), so the straight-line limit (ω → 0) is reached continuously and smoothly, with no call and
 * no division. cos(θ + h) and sin(θ + h) come from {@link SinCos} (call-free, within 1e-15 of Math).
 *
 * <p>Stateless and thread-safe; {@link #step} and {@link #jacobians} never allocate, {@link #stepBatch} only on a
 * thread's first call at a larger count (its per-thread scratch).
 */
public final class Unicycle implements DynamicsModel, UnicycleKinematics {

    /** Half-angle |h| [rad] below which sinc′(h) uses its Taylor series (in the Jacobians). */
    public static final double SINC_SERIES_BELOW = 1e-3;

    /** Largest |h| [rad] for which {@link #sinc} uses the kernel polynomial (π/4). */
    private static final double SINC_KERNEL_UP_TO = Math.PI / 4;
    // fdlibm __kernel_sin coefficients: sin h ≈ h + h³·(S1 + z·(S2 + … + z·S6)), z = h², |h| ≤ π/4.
    private static final double S1 = -1.66666666666666324348e-01;
    private static final double S2 = 8.33333333332248946124e-03;
    private static final double S3 = -1.98412698298579493134e-04;
    private static final double S4 = 2.75573137070700676789e-06;
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;

    /** Per-thread scratch of {@link #stepBatch}: θ + h, chord length, sin, cos per sample. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[4][0]);

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
        xNext[StateIndex.X] = px + len * SinCos.cos(mid);
        xNext[StateIndex.Y] = py + len * SinCos.sin(mid);
        xNext[StateIndex.THETA] = Angles.wrap(th + w * dt);
    }

    /**
     * The same arc step for {@code count} samples, structure-of-arrays as {@link DynamicsModel#stepBatch}
     * documents; bit-for-bit equal to {@link #step} per sample. cos and sin of θ + h come from
     * {@link SinCos#block} (SIMD lanes; bit-for-bit equal to {@link SinCos#cos}/{@link SinCos#sin}), the chord
     * lengths and angles are staged in per-thread scratch arrays (grow-only: allocation-free after a thread's
     * first call at its largest count). {@code xNext} may alias {@code x}.
     */
    @Override
    public void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        double[][] s = SCRATCH.get();
        if (s[0].length < count) {
            for (int i = 0; i < s.length; i++) {
                s[i] = new double[count];
            }
        }
        final double[] mid = s[0];
        final double[] len = s[1];
        final double[] sin = s[2];
        final double[] cos = s[3];
        final int ox = StateIndex.X * count;
        final int oy = StateIndex.Y * count;
        final int ot = StateIndex.THETA * count;
        final int ov = ControlIndex.V * count;
        final int ow = ControlIndex.OMEGA * count;
        // sinc's kernel polynomial for every sample (branch-free, so the loop vectorises), then the rare
        // |h| > π/4 (or NaN) through sinc itself: the same value as sinc(h) for every h.
        for (int k = 0; k < count; k++) {
            double h = 0.5 * u[ow + k] * dt;
            double z = h * h;
            len[k] = u[ov + k] * dt * (1.0 + z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6))))));
            mid[k] = x[ot + k] + h;
        }
        for (int k = 0; k < count; k++) {
            double h = 0.5 * u[ow + k] * dt;
            if (!(Math.abs(h) <= SINC_KERNEL_UP_TO)) {
                len[k] = u[ov + k] * dt * sinc(h);
            }
        }
        SinCos.block(mid, 0, count, sin, cos);
        for (int k = 0; k < count; k++) {
            double l = len[k];
            xNext[ox + k] = x[ox + k] + l * cos[k];
            xNext[oy + k] = x[oy + k] + l * sin[k];
        }
        for (int k = 0; k < count; k++) { // θ + φ branch-free, then the wrap's branches in their own loop
            xNext[ot + k] = x[ot + k] + u[ow + k] * dt;
        }
        for (int k = 0; k < count; k++) {
            xNext[ot + k] = Angles.wrap(xNext[ot + k]);
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
        double c = SinCos.cos(th + h);
        double s = SinCos.sin(th + h);
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
    /** @return {@link UnicycleKinematics.Integration#EXACT_ARC}: the class formula. */
    @Override
    public Integration integration() {
        return Integration.EXACT_ARC;
    }

    @Override
    public String describe() {
        return "unicycle";
    }

    /**
     * sinc(h) = sin(h)/h. For |h| ≤ π/4: 1 + z·(S1 + z·(S2 + … + z·S6)), z = h², fdlibm's sin kernel
     * (error below 2⁻⁵⁸ relative) over h, so no call, no division, exactly 1 at 0; beyond, Math.
     */
    static double sinc(double h) {
        if (Math.abs(h) <= SINC_KERNEL_UP_TO) {
            double z = h * h;
            return 1.0 + z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
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
