package org.foresight.mpc.mppi;

/**
 * The batch data of one MPPI iteration, structure-of-arrays: one flat {@code double[]} per channel, laid
 * out in <b>blocks of {@value #BLOCK} samples, time-major inside a block</b>:
 * <pre>
 *   entry (k, t) at index  (k / B)·B·T + t·B + (k mod B)      B = {@value #BLOCK}
 * </pre>
 * so at each step t the B samples of a block are one contiguous run. The rollout writes a whole block's
 * step with one copy per channel, and critics sweep "for t, for the samples of the block" over
 * contiguous memory that the JIT vectorises; a block (B × 56 steps × 7 channels ≈ 200 kB) stays in L2.
 * Use {@link #index} off the hot path and {@link #blockOffset} inside critics. Grow-only: {@link #ensure}
 * reallocates only when the capacity is short, so steady-state iterations allocate nothing.
 *
 * <p>Pose channel entry t is the state <i>after</i> applying control t (the shared start state is in the
 * {@link org.foresight.mpc.critic.CriticContext}). The velocity channels hold the model's velocity states
 * when it has them (stateDim ≥ 5), else the commands (a kinematic model follows its command exactly).
 * Fields are public for the critics' hot loops; only the optimiser writes them.
 */
public final class RolloutBuffers {
    /** Samples per block B (a multiple of the SIMD width; the planner's work chunk). */
    public static final int BLOCK = 64;

    /** Samples K in use. */
    public int samples;
    /** Horizon T in use [steps]. */
    public int horizon;
    /** x [m] after step t, at {@link #index}(k, t). */
    public double[] x = new double[0];
    /** y [m] after step t. */
    public double[] y = new double[0];
    /** θ [rad] after step t. */
    public double[] theta = new double[0];
    /** forward speed [m/s] after step t (model state, or the command for kinematic models). */
    public double[] v = new double[0];
    /** yaw rate [rad/s] after step t (model state, or the command for kinematic models). */
    public double[] omega = new double[0];
    /** sampled (bounded) speed command [m/s] held over step t. */
    public double[] cmdV = new double[0];
    /** sampled (bounded) yaw-rate command [rad/s] held over step t. */
    public double[] cmdOmega = new double[0];
    /**
     * positional spread σ_p [m] of the model's ensemble members around pose entry t (see {@link SpreadRollout}),
     * same layout as {@link #x}; length 0 until {@link #enableSpread} (only planners over an ensemble whose
     * critics ask for it fill it).
     */
    public double[] spread = new double[0];
    /** total cost of sample k (dimensionless), index k; critics add into it. */
    public double[] costs = new double[0];
    /** 1 if sample k collided (obstacle critic), index k. */
    public byte[] collided = new byte[0];
    /** softmax weight of sample k after the update, index k. */
    public double[] weights = new double[0];
    private boolean withSpread;

    /**
     * For kinematic models (no velocity state): makes {@link #v}/{@link #omega} the very arrays
     * {@link #cmdV}/{@link #cmdOmega}, saving two copies per sample-step. Call again after {@link #ensure}.
     */
    public void aliasVelocityToCommands() {
        v = cmdV;
        omega = cmdOmega;
    }

    /**
     * Makes {@link #ensure} keep a {@link #spread} channel as large as the pose channels (allocated now if
     * the buffers are already sized).
     */
    public void enableSpread() {
        withSpread = true;
        if (spread.length < x.length) {
            spread = new double[x.length];
        }
    }

    /** @return whether {@link #spread} is kept (after {@link #enableSpread}). */
    public boolean hasSpread() {
        return withSpread;
    }

    /**
     * @param k sample in [0, samples).
     * @param t step in [0, horizon).
     * @return the index of entry (k, t) in every per-step channel.
     */
    public int index(int k, int t) {
        return (k / BLOCK) * BLOCK * horizon + t * BLOCK + k % BLOCK;
    }

    /**
     * The index of entry (k0, 0); entry (k0 + j, t) of the same block is then at
     * {@code blockOffset(k0) + t·BLOCK + j}. Critics get sample ranges that never cross a block.
     *
     * @param k0 a sample in [0, samples).
     * @return {@link #index}(k0, 0).
     */
    public int blockOffset(int k0) {
        return index(k0, 0);
    }

    /**
     * Makes room for K × T and sets {@link #samples}/{@link #horizon}; reallocates only when the capacity
     * is short (contents are then lost).
     *
     * @param k samples, ≥ 1.
     * @param t horizon [steps], ≥ 1.
     */
    public void ensure(int k, int t) {
        int n = (k + BLOCK - 1) / BLOCK * BLOCK * t;
        if (x.length < n) {
            x = new double[n];
            y = new double[n];
            theta = new double[n];
            v = new double[n];
            omega = new double[n];
            cmdV = new double[n];
            cmdOmega = new double[n];
        }
        if (withSpread && spread.length < n) {
            spread = new double[n];
        }
        if (costs.length < k) {
            costs = new double[k];
            collided = new byte[k];
            weights = new double[k];
        }
        samples = k;
        horizon = t;
    }
}
