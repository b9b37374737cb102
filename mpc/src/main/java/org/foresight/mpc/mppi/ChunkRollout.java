package org.foresight.mpc.mppi;

import java.util.Arrays;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.EnsembleDynamics;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.critic.CriticContext;
import org.foresight.mpc.critic.CriticSet;

/**
 * The parallel part of one {@link MppiPlanner} iteration, for one chunk of {@link MppiPlanner#CHUNK} samples
 * (= one {@link RolloutBuffers} block) on a worker: the noise ε, the bounded commands, the rollout through
 * the model, the ensemble spread if a critic reads it, and the critics' costs
 * <pre>
 *   ε_k,t ~ N(0, diag(σ_v², σ_ω²))                          one stream per (chunk, step) (sample 0: ε = 0)
 *   u_k,t = clip_bounds(clip_accel(ū_t + ε_k,t, u_k,t−1))    u_k,−1 = the last command
 *   x_k,t+1 = f(x_k,t, u_k,t, dt)                            model.stepBatch over the chunk per step
 *   S_k = Σ_critics;  S_k = NaN if the last pose is not finite
 * </pre>
 * Each chunk writes only its own rows of the buffers and noise streams are keyed by (seed, iteration,
 * channel, chunk, step), so the result does not depend on which worker runs which chunk. The noise can be
 * drawn ahead ({@link #presample}) into rows of its own; it is then read from there, with the same values.
 * One scratch set per worker; allocation-free after the first call of {@link #presample}.
 */
final class ChunkRollout {
    private final DynamicsModel model;
    private final MppiConfig config;
    private final CriticSet critics;
    private final CriticContext context;
    private final RolloutBuffers buffers;
    private final NoiseSampler noise;
    /** Fills the spread channel when a critic reads it and the model is an ensemble, else null. */
    private final SpreadRollout spreadRollout;
    /** The fused float kernel ({@link RolloutKernel#FUSED_FLOAT}), else null. */
    private final FusedFloatRollout fused;
    private final int n;
    private final int samples;
    private final int horizon;
    private final boolean hasVelocity;
    /** The planner's nominal sequence and start state, read (never written) here. */
    private final double[] meanV;
    private final double[] meanW;
    private final double[] x0;
    private final double[][] scratchA;
    private final double[][] scratchB;
    private final double[][] scratchU;
    /** Noise drawn ahead by {@link #presample} (block layout), grow-only. */
    private double[] aheadV = new double[0];
    private double[] aheadW = new double[0];
    /** The same in float, for the fused kernel (grow-only; empty without it). */
    private float[] aheadFloatV = new float[0];
    private float[] aheadFloatW = new float[0];
    /** The iteration whose noise {@link #aheadV}/{@link #aheadW} hold, −1 for none. */
    private long aheadFor = -1;
    /** This iteration's counter and last commands, set by {@link #begin}. */
    private long iteration;
    private boolean fusedNow;
    private double lastCmdV;
    private double lastCmdW;
    private final WorkerPool.Task rolloutTask = this::rollout;
    private final WorkerPool.Task noiseTask = this::noiseAhead;

    /**
     * Enables the buffers' spread channel when needed; call before sizing them.
     *
     * @param model   the model rolled through.
     * @param config  the planner's parameters.
     * @param critics the cost terms.
     * @param context the critics' context, prepared per plan by the planner.
     * @param buffers the batch written.
     * @param threads the worker pool's size.
     * @param meanV   the planner's ū_v,t (read at each {@link #rollout}).
     * @param meanW   the planner's ū_ω,t.
     * @param x0      the planner's start state.
     * @param fused   the fused kernel, or null for the generic rollout.
     */
    ChunkRollout(DynamicsModel model, MppiConfig config, CriticSet critics, CriticContext context,
                 RolloutBuffers buffers, int threads, double[] meanV, double[] meanW, double[] x0,
                 FusedFloatRollout fused) {
        this.fused = fused;
        this.model = model;
        this.config = config;
        this.critics = critics;
        this.context = context;
        this.buffers = buffers;
        this.noise = new NoiseSampler(config.seed());
        this.n = model.stateDim();
        this.hasVelocity = n >= StateIndex.FULL_DIM;
        this.samples = config.samples();
        this.horizon = config.horizon();
        this.meanV = meanV;
        this.meanW = meanW;
        this.x0 = x0;
        int chunk = MppiPlanner.CHUNK;
        scratchA = new double[threads][n * chunk];
        scratchB = new double[threads][n * chunk];
        scratchU = new double[threads][ControlIndex.DIM * chunk];
        if (critics.needsSpread() && model instanceof EnsembleDynamics ens) {
            spreadRollout = new SpreadRollout(ens, threads, chunk);
            buffers.enableSpread();
        } else {
            spreadRollout = null;
        }
    }

    /** @return the task that runs {@link #rollout} per chunk. */
    WorkerPool.Task task() {
        return rolloutTask;
    }

    /**
     * Sets the iteration counter (it keys the noise) and the last commanded controls before a pool run.
     *
     * @param iter     the planner's iteration counter.
     * @param lastV    last commanded cmd_v [m/s].
     * @param lastW    last commanded cmd_ω [rad/s].
     * @param fusedNow whether this iteration runs the fused kernel (else the generic rollout and critics).
     */
    void begin(long iter, double lastV, double lastW, boolean fusedNow) {
        this.fusedNow = fusedNow;
        iteration = iter;
        lastCmdV = lastV;
        lastCmdW = lastW;
    }

    /** Forgets noise drawn ahead (after a reset of the iteration counter). */
    void forgetAhead() {
        aheadFor = -1;
    }

    /**
     * Draws the noise of iteration {@code iter} now, on the pool; the rollout of that iteration then reads it.
     *
     * @param pool   the planner's workers.
     * @param iter   the iteration counter the noise is for.
     * @param chunks chunks of the batch.
     */
    void presample(WorkerPool pool, long iter, int chunks) {
        int size = buffers.x.length;
        if (aheadV.length < size) {
            aheadV = new double[size];
            aheadW = new double[size];
            if (fused != null) {
                aheadFloatV = new float[size];
                aheadFloatW = new float[size];
            }
        }
        iteration = iter;
        pool.run(noiseTask, chunks);
        aheadFor = iter;
    }

    private void noiseAhead(int chunk, int worker) {
        fillNoise(chunk, iteration, aheadV, aheadW);
        if (fused != null) { // the fused kernel reads float: half the bytes in the timed sweep
            int o0 = buffers.blockOffset(chunk * MppiPlanner.CHUNK);
            FusedFloatRollout.toFloat(aheadV, o0, aheadFloatV, o0, horizon * RolloutBuffers.BLOCK);
            FusedFloatRollout.toFloat(aheadW, o0, aheadFloatW, o0, horizon * RolloutBuffers.BLOCK);
        }
    }

    /**
     * Noise ε of one chunk (= one buffer block) into {@code ev}/{@code ew} at the block's offsets: one stream
     * per (chunk, step) fills that step's samples; sample 0 gets ε = 0 (it follows the mean sequence itself).
     */
    private void fillNoise(int chunk, long iter, double[] ev, double[] ew) {
        final int T = horizon;
        final int B = RolloutBuffers.BLOCK;
        final int k0 = chunk * MppiPlanner.CHUNK;
        final int cnt = Math.min(samples, k0 + MppiPlanner.CHUNK) - k0;
        final int o0 = buffers.blockOffset(k0);
        for (int t = 0; t < T; t++) {
            int o = o0 + t * B;
            noise.fill(iter, ControlIndex.V, chunk * T + t, config.noiseV(), ev, o, cnt);
            noise.fill(iter, ControlIndex.OMEGA, chunk * T + t, config.noiseOmega(), ew, o, cnt);
            if (k0 == 0) {
                ev[o] = 0.0;
                ew[o] = 0.0;
            }
        }
    }

    /** Noise, bounded controls, rollout and critics for one chunk of samples (see the class formula). */
    void rollout(int chunk, int worker) {
        final int T = horizon;
        final int B = RolloutBuffers.BLOCK;
        final int k0 = chunk * MppiPlanner.CHUNK;
        final int k1 = Math.min(samples, k0 + MppiPlanner.CHUNK);
        final int cnt = k1 - k0;
        final RolloutBuffers b = buffers;
        final int o0 = b.blockOffset(k0);
        final double[] cv = b.cmdV;
        final double[] cw = b.cmdOmega;
        final double dt = config.dt();
        final double dv = config.maxAccel() * dt;
        final double dw = config.maxAlpha() * dt;
        final double lo = config.minV();
        final double hi = config.maxV();
        final double wm = config.maxOmega();
        final long iter = iteration;
        // 1. Noise ε into the command rows, unless drawn ahead (presample) into its own rows.
        final boolean ahead = aheadFor == iter;
        if (fusedNow) { // commands, rollout, costs and the chunk's part of the update in one float sweep
            if (ahead) {
                fused.chunk(b, k0, cnt, x0, aheadFloatV, aheadFloatW, o0, meanV, meanW, worker);
            } else { // the noise straight into the worker's float rows
                float[] nv = fused.noiseRowsV(worker);
                float[] nw = fused.noiseRowsW(worker);
                for (int t = 0; t < T; t++) {
                    noise.fill(iter, ControlIndex.V, chunk * T + t, config.noiseV(), nv, t * B, cnt);
                    noise.fill(iter, ControlIndex.OMEGA, chunk * T + t, config.noiseOmega(), nw, t * B, cnt);
                    if (k0 == 0) {
                        nv[t * B] = 0f;
                        nw[t * B] = 0f;
                    }
                }
                fused.chunk(b, k0, cnt, x0, nv, nw, 0, meanV, meanW, worker);
            }
            return;
        }
        if (!ahead) {
            fillNoise(chunk, iter, cv, cw);
        }
        final double[] ev = ahead ? aheadV : cv;
        final double[] ew = ahead ? aheadW : cw;
        // 2. Per time step: bounded controls u = clip(ū + ε, u_prev ± a·dt, bounds), written both to the
        //    batch and to the stepBatch input; one stepBatch over the chunk; one copy per channel of the
        //    new states into the batch (the block layout makes a step's samples contiguous).
        //    stepBatch layout: channel i of chunk sample j at i·cnt + j.
        double[] xa = scratchA[worker];
        double[] xb = scratchB[worker];
        final double[] u = scratchU[worker];
        for (int i = 0; i < n; i++) {
            Arrays.fill(xa, i * cnt, (i + 1) * cnt, x0[i]);
        }
        final int ouv = ControlIndex.V * cnt;
        final int ouw = ControlIndex.OMEGA * cnt;
        Arrays.fill(u, ouv, ouv + cnt, lastCmdV);
        Arrays.fill(u, ouw, ouw + cnt, lastCmdW);
        for (int t = 0; t < T; t++) {
            final int o = o0 + t * B;
            CommandClip.row(ev, o, cv, o, u, ouv, cnt, meanV[t], dv, lo, hi);
            CommandClip.row(ew, o, cw, o, u, ouw, cnt, meanW[t], dw, -wm, wm);
            model.stepBatch(xa, u, cnt, dt, xb);
            ChunkSteps.store(xb, cnt, b, o, hasVelocity);
            double[] tmp = xa;
            xa = xb;
            xb = tmp;
        }
        // 2b. The ensemble members along the same commands, for critics that read the spread.
        if (spreadRollout != null) {
            spreadRollout.fill(worker, b, k0, cnt, x0, dt);
        }
        // 3. Critics, and the non-finite rollouts marked.
        ChunkSteps.score(critics, context, b, k0, k1, o0, T);
    }
}
