package org.foresight.worldmodel.model;

import java.util.List;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.EnsembleDynamics;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.features.Inputs;

/**
 * A bootstrap ensemble of learned models: the prediction is the members' mean body-frame change, and the
 * members' spread is the model's uncertainty.
 * <pre>
 *   d̄ = (1/M) Σ_m d_m(z)                      (bodyDelta, Jacobians: means of the members')
 *   x̄⁺ = (1/M) Σ_m f_m(x, u)                   (step, stepBatch: the members' own steps averaged, the heading as
 *                                               θ̄⁺ = wrap(θ + (1/M) Σ_m wrap(θ⁺_m − θ)); equal to stepping with d̄
 *                                               up to rounding, and it runs each member's vectorised stepBatch)
 *   x̄⁺_i = (1/M) Σ_m x⁺_{m,i},  σ_i = √((1/M) Σ_m (x⁺_{m,i} − x̄⁺_i)²)   ({@link #stepWithSpread})
 * </pre>
 * Planners read the members through {@link EnsembleDynamics} to measure a rollout's spread.
 * Immutable, thread-safe; step uses a per-thread scratch (no allocation after a thread's first call).
 */
public final class EnsembleModel extends BodyFrameModel implements EnsembleDynamics {
    private final List<BodyFrameModel> members;
    private final ThreadLocal<double[]> scratch = ThreadLocal.withInitial(() -> new double[StateIndex.FULL_DIM]);
    private final ThreadLocal<double[]> scratchDz = ThreadLocal.withInitial(() -> new double[BodyDelta.DIM * Inputs.DIM]);
    /** Per-thread grow-only batch output of one member ({@link #stepBatch}). */
    private final ThreadLocal<double[][]> scratchBatch = ThreadLocal.withInitial(() -> new double[][] {new double[0]});

    /**
     * @param members at least 2 models, all fitted at the same dt, none an ensemble. Copied.
     */
    public EnsembleModel(List<BodyFrameModel> members) {
        super(checkedDt(members));
        for (BodyFrameModel m : members) {
            if (m instanceof EnsembleModel) {
                throw new IllegalArgumentException("ensemble members must not be ensembles themselves");
            }
        }
        this.members = List.copyOf(members);
    }

    private static double checkedDt(List<BodyFrameModel> members) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 members, got " + members.size());
        }
        double dt = members.get(0).dt();
        for (BodyFrameModel m : members) {
            if (Math.abs(m.dt() - dt) > DT_TOLERANCE) {
                throw new IllegalArgumentException("ensemble members fitted at different dt: " + m.dt() + " s vs " + dt + " s");
            }
        }
        return dt;
    }

    @Override
    public String kind() {
        return "ensemble";
    }

    /** @return the members (unmodifiable). */
    public List<BodyFrameModel> members() {
        return members;
    }

    @Override
    public int memberCount() {
        return members.size();
    }

    @Override
    public DynamicsModel member(int m) {
        return members.get(m);
    }

    @Override
    public void bodyDelta(double v, double w, double cv, double cw, double[] d) {
        double[] s = scratch.get();
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
        for (BodyFrameModel m : members) {
            m.bodyDelta(v, w, cv, cw, s);
            s0 += s[0];
            s1 += s[1];
            s2 += s[2];
            s3 += s[3];
            s4 += s[4];
        }
        double inv = 1.0 / members.size();
        d[0] = s0 * inv;
        d[1] = s1 * inv;
        d[2] = s2 * inv;
        d[3] = s3 * inv;
        d[4] = s4 * inv;
    }

    /**
     * The members' next states averaged (see the class formula). Allocation-free after a thread's first call.
     *
     * @param x     state (x [m], y [m], θ [rad], v [m/s], ω [rad/s]). Not modified.
     * @param u     (cmd_v [m/s], cmd_ω [rad/s]). Not modified.
     * @param dt    step [s]; must equal {@link #dt()}.
     * @param xNext (Output) next state, θ wrapped. May alias {@code x} (inputs are read first). Modified.
     */
    @Override
    public void step(double[] x, double[] u, double dt, double[] xNext) {
        checkDt(dt);
        double[] s = scratch.get();
        double th = x[StateIndex.THETA];
        double sx = 0, sy = 0, st = 0, sv = 0, sw = 0;
        for (BodyFrameModel m : members) {
            m.step(x, u, dt, s);
            sx += s[StateIndex.X];
            sy += s[StateIndex.Y];
            st += Angles.wrap(s[StateIndex.THETA] - th);
            sv += s[StateIndex.V];
            sw += s[StateIndex.OMEGA];
        }
        double inv = 1.0 / members.size();
        xNext[StateIndex.X] = sx * inv;
        xNext[StateIndex.Y] = sy * inv;
        xNext[StateIndex.THETA] = Angles.wrap(th + st * inv);
        xNext[StateIndex.V] = sv * inv;
        xNext[StateIndex.OMEGA] = sw * inv;
    }

    /**
     * {@link #step} for a structure-of-arrays batch through each member's own {@code stepBatch}, the same
     * operations per sample in the same order (bit-identical to {@link #step}). Allocation-free after a thread's
     * first call at this batch size.
     */
    @Override
    public void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        checkDt(dt);
        final int n = StateIndex.FULL_DIM;
        double[][] holder = scratchBatch.get();
        if (holder[0].length < n * count) {
            holder[0] = new double[n * count];
        }
        final double[] s = holder[0];
        final int ot = StateIndex.THETA * count;
        java.util.Arrays.fill(xNext, 0, n * count, 0.0);
        for (BodyFrameModel m : members) {
            m.stepBatch(x, u, count, dt, s);
            for (int i = 0; i < n; i++) {
                final int o = i * count;
                if (i == StateIndex.THETA) {
                    for (int k = 0; k < count; k++) {
                        xNext[o + k] += Angles.wrap(s[o + k] - x[o + k]);
                    }
                } else {
                    for (int k = 0; k < count; k++) {
                        xNext[o + k] += s[o + k];
                    }
                }
            }
        }
        final double inv = 1.0 / members.size();
        for (int i = 0; i < n; i++) {
            final int o = i * count;
            if (i == StateIndex.THETA) {
                for (int k = 0; k < count; k++) {
                    xNext[o + k] = Angles.wrap(x[o + k] + xNext[o + k] * inv);
                }
            } else {
                for (int k = 0; k < count; k++) {
                    xNext[o + k] *= inv;
                }
            }
        }
    }

    @Override
    public void bodyDeltaJacobian(double v, double w, double cv, double cw, double[] d, double[] dz) {
        double[] s = scratch.get();
        int nd = BodyDelta.DIM;
        int nz = BodyDelta.DIM * Inputs.DIM;
        java.util.Arrays.fill(d, 0, nd, 0.0);
        java.util.Arrays.fill(dz, 0, nz, 0.0);
        double[] sDz = scratchDz.get();
        for (BodyFrameModel m : members) {
            m.bodyDeltaJacobian(v, w, cv, cw, s, sDz);
            for (int r = 0; r < nd; r++) {
                d[r] += s[r];
            }
            for (int i = 0; i < nz; i++) {
                dz[i] += sDz[i];
            }
        }
        double inv = 1.0 / members.size();
        for (int r = 0; r < nd; r++) {
            d[r] *= inv;
        }
        for (int i = 0; i < nz; i++) {
            dz[i] *= inv;
        }
    }

    /**
     * The members' mean next state and its spread per channel (population standard deviation); the heading
     * spread uses wrapped differences from the mean. Allocation-free after a thread's first call.
     *
     * @param x     state (x [m], y [m], θ [rad], v [m/s], ω [rad/s]). Not modified.
     * @param u     (cmd_v [m/s], cmd_ω [rad/s]). Not modified.
     * @param dt    step [s]; must equal {@link #dt()}.
     * @param xMean (Output) mean next state (the same as {@link #step}). Modified.
     * @param xStd  (Output) standard deviation per channel (m, m, rad, m/s, rad/s). Modified.
     */
    public void stepWithSpread(double[] x, double[] u, double dt, double[] xMean, double[] xStd) {
        checkDt(dt);
        double[] s = scratch.get();
        int n = StateIndex.FULL_DIM;
        step(x, u, dt, xMean);
        java.util.Arrays.fill(xStd, 0, n, 0.0);
        for (BodyFrameModel m : members) {
            m.step(x, u, dt, s);
            for (int i = 0; i < n; i++) {
                double e = i == StateIndex.THETA ? Angles.wrap(s[i] - xMean[i]) : s[i] - xMean[i];
                xStd[i] += e * e;
            }
        }
        for (int i = 0; i < n; i++) {
            xStd[i] = Math.sqrt(xStd[i] / members.size());
        }
    }

    @Override
    public String describe() {
        return "ensemble of " + members.size() + " " + members.get(0).kind();
    }
}
