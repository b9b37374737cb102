package org.foresight.worldmodel.model;

import java.util.Arrays;
import java.util.List;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.model.SinCos;
import org.foresight.worldmodel.features.Inputs;

/**
 * Base of every learned model: state (x, y, θ, v, ω) = {@link StateIndex#FULL_NAMES}, control
 * (cmd_v, cmd_ω) = {@link ControlIndex#NAMES}. A subclass only predicts the body-frame change
 * d = g(v, ω, cmd_v, cmd_ω) over one control period ({@link BodyDelta}); this class turns it into the
 * world-frame step and its Jacobians, so every learned model generalises over position and heading:
 * <pre>
 *   x⁺ = x + c·d_f − s·d_l,   y⁺ = y + s·d_f + c·d_l,   θ⁺ = wrap(θ + d_θ),   v⁺ = v + d_v,   ω⁺ = ω + d_ω
 *   (c = cos θ, s = sin θ, both by SinCos: within an ulp of Math's, cheaper and call-free)
 * </pre>
 * Jacobians, with D = ∂d/∂z (5×4, z = (v, ω, cmd_v, cmd_ω)):
 * <pre>
 *   ∂x⁺/∂θ = −s·d_f − c·d_l,   ∂y⁺/∂θ = c·d_f − s·d_l,   ∂x⁺/∂x = ∂y⁺/∂y = ∂θ⁺/∂θ = 1
 *   ∂x⁺/∂z = c·D_f − s·D_l,    ∂y⁺/∂z = s·D_f + c·D_l,    ∂θ⁺/∂z = D_θ
 *   ∂v⁺/∂z = e_v + D_v,        ∂ω⁺/∂z = e_ω + D_ω          (z's first two entries are states, last two controls)
 * </pre>
 *
 * <p><b>Time step.</b> A learned model knows only the control period it was fitted at ({@link #dt()});
 * {@link #step} with any other dt throws {@link IllegalArgumentException} (a planner must run at the
 * model's period; sub-stepping a discrete map is not meaningful).
 */
public abstract class BodyFrameModel implements DynamicsModel {
    /** Tolerance on dt when checking the caller's step against the fitted period [s]. */
    public static final double DT_TOLERANCE = 1e-9;

    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[BodyDelta.DIM * (1 + Inputs.DIM)]);

    private final double dt;

    /**
     * @param dt control period the model was fitted at [s], &gt; 0.
     */
    protected BodyFrameModel(double dt) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("model control period dt must be > 0 s, got " + dt);
        }
        this.dt = dt;
    }

    /** @return the control period the model was fitted at and must be stepped with [s]. */
    public final double dt() {
        return dt;
    }

    /** @return the model kind as written in model files: "linear", "sparse", "mlp" or "ensemble". */
    public abstract String kind();

    /**
     * Predicts the body-frame change over one period, see {@link BodyDelta}.
     *
     * @param v  measured forward speed [m/s].
     * @param w  measured yaw rate [rad/s].
     * @param cv commanded forward speed [m/s].
     * @param cw commanded yaw rate [rad/s].
     * @param d  (Output) length ≥ 5: (d_forward [m], d_lateral [m], d_theta [rad], d_v [m/s], d_omega [rad/s]). Modified.
     */
    public abstract void bodyDelta(double v, double w, double cv, double cw, double[] d);

    /**
     * The body-frame change and its derivatives with respect to z = (v, ω, cmd_v, cmd_ω), {@link Inputs}.
     *
     * @param v  measured forward speed [m/s].
     * @param w  measured yaw rate [rad/s].
     * @param cv commanded forward speed [m/s].
     * @param cw commanded yaw rate [rad/s].
     * @param d  (Output) length ≥ 5, as {@link #bodyDelta}. Modified.
     * @param dz (Output) length ≥ 20, {@code dz[r * 4 + c] = ∂d_r/∂z_c}. Modified.
     */
    public abstract void bodyDeltaJacobian(double v, double w, double cv, double cw, double[] d, double[] dz);

    /**
     * Checks the caller's step length against the fitted period.
     *
     * @param stepDt requested step [s].
     * @throws IllegalArgumentException if it differs from {@link #dt()} by more than {@link #DT_TOLERANCE}.
     */
    protected final void checkDt(double stepDt) {
        if (Math.abs(stepDt - dt) > DT_TOLERANCE) {
            throw new IllegalArgumentException("learned " + kind() + " model was fitted at dt = " + dt
                    + " s and cannot step dt = " + stepDt + " s; run the planner at the model's control period");
        }
    }

    /** @return 5 (x, y, θ, v, ω). */
    @Override
    public final int stateDim() {
        return StateIndex.FULL_DIM;
    }

    /** @return 2 (cmd_v, cmd_ω). */
    @Override
    public final int controlDim() {
        return ControlIndex.DIM;
    }

    /** @return {@link StateIndex#FULL_NAMES}. */
    @Override
    public final List<String> stateNames() {
        return StateIndex.FULL_NAMES;
    }

    /** @return {@link ControlIndex#NAMES}. */
    @Override
    public final List<String> controlNames() {
        return ControlIndex.NAMES;
    }

    /**
     * One step, see the class formula. Allocation-free.
     *
     * @param x     state (x [m], y [m], θ [rad], v [m/s], ω [rad/s]). Not modified.
     * @param u     (cmd_v [m/s], cmd_ω [rad/s]). Not modified.
     * @param dt    step [s]; must equal {@link #dt()}.
     * @param xNext (Output) next state, θ wrapped. May alias {@code x} (inputs are read first). Modified.
     */
    @Override
    public void step(double[] x, double[] u, double dt, double[] xNext) {
        checkDt(dt);
        double px = x[StateIndex.X];
        double py = x[StateIndex.Y];
        double th = x[StateIndex.THETA];
        double v = x[StateIndex.V];
        double w = x[StateIndex.OMEGA];
        bodyDelta(v, w, u[ControlIndex.V], u[ControlIndex.OMEGA], xNext);
        double df = xNext[BodyDelta.FORWARD];
        double dl = xNext[BodyDelta.LATERAL];
        double dth = xNext[BodyDelta.THETA];
        double dv = xNext[BodyDelta.V];
        double dw = xNext[BodyDelta.OMEGA];
        double c = SinCos.cos(th);
        double s = SinCos.sin(th);
        xNext[StateIndex.X] = px + c * df - s * dl;
        xNext[StateIndex.Y] = py + s * df + c * dl;
        xNext[StateIndex.THETA] = Angles.wrap(th + dth);
        xNext[StateIndex.V] = v + dv;
        xNext[StateIndex.OMEGA] = w + dw;
    }

    /**
     * {@link #step} per sample, structure-of-arrays as {@link DynamicsModel#stepBatch} documents, using a
     * per-thread scratch buffer (allocation-free after a thread's first call).
     */
    @Override
    public void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        checkDt(dt);
        double[] d = SCRATCH.get();
        int ox = StateIndex.X * count;
        int oy = StateIndex.Y * count;
        int ot = StateIndex.THETA * count;
        int ov = StateIndex.V * count;
        int ow = StateIndex.OMEGA * count;
        int ocv = ControlIndex.V * count;
        int ocw = ControlIndex.OMEGA * count;
        for (int k = 0; k < count; k++) {
            double th = x[ot + k];
            double v = x[ov + k];
            double w = x[ow + k];
            bodyDelta(v, w, u[ocv + k], u[ocw + k], d);
            double c = SinCos.cos(th);
            double s = SinCos.sin(th);
            xNext[ox + k] = x[ox + k] + c * d[BodyDelta.FORWARD] - s * d[BodyDelta.LATERAL];
            xNext[oy + k] = x[oy + k] + s * d[BodyDelta.FORWARD] + c * d[BodyDelta.LATERAL];
            xNext[ot + k] = Angles.wrap(th + d[BodyDelta.THETA]);
            xNext[ov + k] = v + d[BodyDelta.V];
            xNext[ow + k] = w + d[BodyDelta.OMEGA];
        }
    }

    /**
     * The world-frame half of {@link #step} for a block of samples whose body-frame changes are already
     * known (see the class formula), performing exactly the operations of {@link #step} per sample.
     * The block's pose is first copied into the work space and every loop runs over {@link FeatureProgram#BLOCK}
     * samples from index 0 (padded), the results copied out at the end: loops over arrays at run-time offsets
     * with a short trip count get an alignment pre-loop and little vector code (measured ~8 ns per sample
     * against ~4 ns this way). Allocation-free.
     *
     * @param x      batch states, {@link DynamicsModel#stepBatch} layout (channel i of sample k at
     *               {@code i·count + k}). Not modified.
     * @param count  batch size.
     * @param b0     first sample of the block.
     * @param len    samples in the block, 1 … {@link FeatureProgram#BLOCK}.
     * @param ws     work space after {@link FeatureProgram#evaluateBlock} of this block: {@code ws.d} holds
     *               the body-frame changes, {@code ws.v} and {@code ws.omega} the block's v [m/s] and ω [rad/s]
     *               (zero-padded). Its pose and output arrays are modified.
     * @param xNext  (Output) next states, same layout as {@code x}; must not alias it. Modified.
     */
    static void bodyToWorldBlock(double[] x, int count, int b0, int len, FeatureProgram.Workspace ws,
                                 double[] xNext) {
        final int block = FeatureProgram.BLOCK;
        final int ox = StateIndex.X * count + b0;
        final int oy = StateIndex.Y * count + b0;
        final int ot = StateIndex.THETA * count + b0;
        final int ov = StateIndex.V * count + b0;
        final int ow = StateIndex.OMEGA * count + b0;
        final double[] px = ws.px;
        final double[] py = ws.py;
        final double[] th = ws.theta;
        final double[] v = ws.v;
        final double[] w = ws.omega;
        System.arraycopy(x, ox, px, 0, len);
        System.arraycopy(x, oy, py, 0, len);
        System.arraycopy(x, ot, th, 0, len);
        if (len < block) {
            Arrays.fill(px, len, block, 0.0);
            Arrays.fill(py, len, block, 0.0);
            Arrays.fill(th, len, block, 0.0);
        }
        final double[] df = ws.d[BodyDelta.FORWARD];
        final double[] dl = ws.d[BodyDelta.LATERAL];
        final double[] dt = ws.d[BodyDelta.THETA];
        final double[] dv = ws.d[BodyDelta.V];
        final double[] dw = ws.d[BodyDelta.OMEGA];
        final double[] nx = ws.nextX;
        final double[] ny = ws.nextY;
        final double[] nt = ws.nextTheta;
        final double[] nv = ws.nextV;
        final double[] nw = ws.nextOmega;
        final double[] sin = ws.sin;
        final double[] cos = ws.cos;
        for (int j = 0; j < block; j++) {
            nv[j] = v[j] + dv[j];
            nw[j] = w[j] + dw[j];
        }
        SinCos.block(th, 0, block, sin, cos);
        for (int j = 0; j < block; j++) {
            double fwd = df[j];
            double lat = dl[j];
            double c = cos[j];
            double s = sin[j];
            nx[j] = px[j] + c * fwd - s * lat;
            ny[j] = py[j] + s * fwd + c * lat;
        }
        // the wrap has a branch: its own loop, so the one above stays branch-free and vectorises
        for (int j = 0; j < block; j++) {
            nt[j] = Angles.wrap(th[j] + dt[j]);
        }
        System.arraycopy(nx, 0, xNext, ox, len);
        System.arraycopy(ny, 0, xNext, oy, len);
        System.arraycopy(nt, 0, xNext, ot, len);
        System.arraycopy(nv, 0, xNext, ov, len);
        System.arraycopy(nw, 0, xNext, ow, len);
    }

    /** Analytic Jacobians, see the class formula; uses a per-thread scratch buffer (no allocation). */
    @Override
    public void jacobians(double[] x, double[] u, double dt, double[] a, double[] b) {
        checkDt(dt);
        final int n = StateIndex.FULL_DIM;
        final int m = ControlIndex.DIM;
        final int ni = Inputs.DIM;
        double[] scratch = SCRATCH.get();
        double th = x[StateIndex.THETA];
        // scratch[0..4] = d, scratch[5..24] = D
        bodyDeltaJacobianInto(x[StateIndex.V], x[StateIndex.OMEGA], u[ControlIndex.V], u[ControlIndex.OMEGA], scratch);
        double df = scratch[BodyDelta.FORWARD];
        double dl = scratch[BodyDelta.LATERAL];
        double c = SinCos.cos(th);
        double s = SinCos.sin(th);
        java.util.Arrays.fill(a, 0, n * n, 0.0);
        a[StateIndex.X * n + StateIndex.X] = 1.0;
        a[StateIndex.Y * n + StateIndex.Y] = 1.0;
        a[StateIndex.THETA * n + StateIndex.THETA] = 1.0;
        a[StateIndex.X * n + StateIndex.THETA] = -s * df - c * dl;
        a[StateIndex.Y * n + StateIndex.THETA] = c * df - s * dl;
        for (int zi = 0; zi < ni; zi++) {
            double fz = scratch[BodyDelta.DIM + BodyDelta.FORWARD * ni + zi];
            double lz = scratch[BodyDelta.DIM + BodyDelta.LATERAL * ni + zi];
            double tz = scratch[BodyDelta.DIM + BodyDelta.THETA * ni + zi];
            double vz = scratch[BodyDelta.DIM + BodyDelta.V * ni + zi];
            double wz = scratch[BodyDelta.DIM + BodyDelta.OMEGA * ni + zi];
            double[] target;
            int col;
            int width;
            if (zi == Inputs.V || zi == Inputs.OMEGA) {
                target = a;
                col = zi == Inputs.V ? StateIndex.V : StateIndex.OMEGA;
                width = n;
            } else {
                target = b;
                col = zi == Inputs.CMD_V ? ControlIndex.V : ControlIndex.OMEGA;
                width = m;
            }
            target[StateIndex.X * width + col] = c * fz - s * lz;
            target[StateIndex.Y * width + col] = s * fz + c * lz;
            target[StateIndex.THETA * width + col] = tz;
            target[StateIndex.V * width + col] = vz;
            target[StateIndex.OMEGA * width + col] = wz;
        }
        a[StateIndex.V * n + StateIndex.V] += 1.0;
        a[StateIndex.OMEGA * n + StateIndex.OMEGA] += 1.0;
    }

    private void bodyDeltaJacobianInto(double v, double w, double cv, double cw, double[] scratch) {
        // d into scratch[0..4]; D into a view starting at 5: subclasses write dz[r*4+c], so pass an offset copy.
        bodyDeltaJacobianAt(v, w, cv, cw, scratch, BodyDelta.DIM);
    }

    /**
     * Like {@link #bodyDeltaJacobian} but writes D at an offset of a shared buffer: {@code buf[0..4] = d},
     * {@code buf[off + r*4 + c] = ∂d_r/∂z_c}. Subclasses may override for speed; the default uses a
     * per-thread scratch array and copies.
     *
     * @param v   measured forward speed [m/s].
     * @param w   measured yaw rate [rad/s].
     * @param cv  commanded forward speed [m/s].
     * @param cw  commanded yaw rate [rad/s].
     * @param buf (Output) length ≥ off + 20. Modified.
     * @param off offset of D in {@code buf}, ≥ 5.
     */
    protected void bodyDeltaJacobianAt(double v, double w, double cv, double cw, double[] buf, int off) {
        double[] dz = DZ_SCRATCH.get();
        bodyDeltaJacobian(v, w, cv, cw, buf, dz);
        System.arraycopy(dz, 0, buf, off, BodyDelta.DIM * Inputs.DIM);
    }

    private static final ThreadLocal<double[]> DZ_SCRATCH = ThreadLocal.withInitial(() -> new double[BodyDelta.DIM * Inputs.DIM]);

    @Override
    public String describe() {
        return kind();
    }
}
