package org.foresight.dynamics.model;

/**
 * A declaration by a {@link DynamicsModel} with state (x, y, θ, v, ω) that its step is the body-frame form
 * <pre>
 *   d = g(v, ω, cmd_v, cmd_ω)                                   the body-frame change over one period dt
 *   x⁺ = x + c·d_f − s·d_l,   y⁺ = y + s·d_f + c·d_l,   θ⁺ = θ + d_θ,   v⁺ = v + d_v,   ω⁺ = ω + d_ω
 *   (c = cos θ, s = sin θ)
 * </pre>
 * and that it can evaluate g in float for a block of {@link #BLOCK} samples. A planner may then roll such a
 * model out in a fused kernel of its own (g from {@link Block}, the rotation inlined with its cost terms, in
 * float lanes) instead of calling {@link DynamicsModel#stepBatch}: see the MPPI planner's
 * {@code RolloutKernel.FUSED_FLOAT}. A model implementing this promises that its {@code step} is the equation
 * above (up to the wrap of θ) and that {@link Block#bodyDelta} is g to float rounding.
 */
public interface BodyFrameKinematics {
    /** Samples per {@link Block#bodyDelta} call. */
    int BLOCK = 64;

    /** @return the control period the model steps [s]; a planner must run at it. */
    double dt();

    /**
     * @return a new evaluator of g in float with its own scratch space: one per thread.
     */
    Block newFloatBlock();

    /** g for a block of samples in float, see {@link BodyFrameKinematics}. Not thread-safe (own scratch). */
    interface Block {
        /**
         * d = g(v, ω, cmd_v, cmd_ω) for {@link #BLOCK} samples. Allocation-free.
         *
         * @param v   measured forward speeds [m/s], sample j at {@code v[ov + j]}. Not modified.
         * @param ov  offset of sample 0 in {@code v}.
         * @param w   measured yaw rates [rad/s] at {@code w[ow + j]}. Not modified.
         * @param ow  offset in {@code w}.
         * @param cv  commanded forward speeds [m/s] at {@code cv[ocv + j]}. Not modified.
         * @param ocv offset in {@code cv}.
         * @param cw  commanded yaw rates [rad/s] at {@code cw[ocw + j]}. Not modified.
         * @param ocw offset in {@code cw}.
         * @param d   (Output) length ≥ 5·{@link #BLOCK}: d_r of sample j at {@code d[r·BLOCK + j]}, r in the order
         *            (d_forward [m], d_lateral [m], d_θ [rad], d_v [m/s], d_ω [rad/s]). Modified.
         */
        void bodyDelta(float[] v, int ov, float[] w, int ow, float[] cv, int ocv, float[] cw, int ocw, float[] d);
    }
}
