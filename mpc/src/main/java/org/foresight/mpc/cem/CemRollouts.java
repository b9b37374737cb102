package org.foresight.mpc.cem;

import java.util.Arrays;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.EnsembleDynamics;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.Plan;
import org.foresight.mpc.critic.CriticContext;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.mppi.ChunkSteps;
import org.foresight.mpc.mppi.CommandClip;
import org.foresight.mpc.mppi.NoiseSampler;
import org.foresight.mpc.mppi.RolloutBuffers;
import org.foresight.mpc.mppi.SpreadRollout;
import org.foresight.mpc.mppi.WorkerPool;

/**
 * The rollouts of {@link CemPlanner}, which owns the distribution, the elites and the warm start: the
 * population's rollout per chunk of {@link CemPlanner#CHUNK} samples (= one {@link RolloutBuffers} block) on a
 * worker, and the final mean's own rollout, its score and the plan polyline written from it.
 * <pre>
 *   ε_k,t ~ N(0, diag(σ_v,t², σ_ω,t²))                     counter-based streams per (block, step) (sample 0: ε = 0)
 *   u_k,t = clip_bounds(clip_accel(μ_t + ε_k,t, u_k,t−1))   |Δu| ≤ a·dt from the last applied command, as MPPI
 *   x_k,t+1 = f(x_k,t, u_k,t, dt)                           model.stepBatch over a chunk of samples per step
 *   S_k = Σ_critics                                         critics add into costs[k]
 * </pre>
 * Each chunk writes only its own rows of the batch and noise streams are keyed by (seed, iteration, channel,
 * chunk, step), so the result does not depend on which worker runs which chunk. μ, σ and the start state are
 * the planner's arrays, read (never written) here. One scratch set per worker; allocation-free after
 * construction; not thread-safe across plans.
 */
final class CemRollouts {
    private final DynamicsModel model;
    private final CemConfig config;
    private final CriticSet critics;
    private final CriticContext context;
    private final NoiseSampler noise;
    /** The population's batch. */
    private final RolloutBuffers buffers;
    /** One-sample batch: the final mean's rollout and score. */
    private final RolloutBuffers meanRollout = new RolloutBuffers();
    /** Fills the spread channels when a critic reads them and the model is an ensemble, else null. */
    private final SpreadRollout spreadRollout;
    private final int n;
    private final int population;
    private final int horizon;
    private final boolean hasVelocity;
    /** The planner's μ, σ and start state. */
    private final double[] meanV;
    private final double[] meanW;
    private final double[] sigmaV;
    private final double[] sigmaW;
    private final double[] x0;
    private final double[][] scratchA;
    private final double[][] scratchB;
    private final double[][] scratchU;
    private final double[] stepX;
    private final double[] stepU;
    private final double[] stepXNext;
    private final WorkerPool.Task rolloutTask = this::rolloutChunk;
    /** This iteration's counter and last commands, set by {@link #begin}. */
    private long iterationCounter;
    private double lastCmdV;
    private double lastCmdW;
    /** The cost of the last {@link #rollOutMean}. */
    private double meanCost = Double.NaN;

    /**
     * Enables the population batch's spread channel when needed (call before sizing it) and sizes the mean's
     * one-sample batch.
     *
     * @param model   the model rolled through.
     * @param config  CEM parameters.
     * @param critics the cost terms.
     * @param context the critics' context, prepared per plan by the planner.
     * @param buffers the population's batch (written per chunk).
     * @param threads the worker pool's size.
     * @param meanV   the planner's μ_v,t [m/s] (read).
     * @param meanW   the planner's μ_ω,t [rad/s] (read).
     * @param sigmaV  the planner's σ_v,t [m/s] (read).
     * @param sigmaW  the planner's σ_ω,t [rad/s] (read).
     * @param x0      the planner's start state (read).
     */
    CemRollouts(DynamicsModel model, CemConfig config, CriticSet critics, CriticContext context,
                RolloutBuffers buffers, int threads, double[] meanV, double[] meanW, double[] sigmaV,
                double[] sigmaW, double[] x0) {
        this.model = model;
        this.config = config;
        this.critics = critics;
        this.context = context;
        this.buffers = buffers;
        this.noise = new NoiseSampler(config.seed());
        this.n = model.stateDim();
        this.hasVelocity = n >= StateIndex.FULL_DIM;
        this.population = config.population();
        this.horizon = config.horizon();
        this.meanV = meanV;
        this.meanW = meanW;
        this.sigmaV = sigmaV;
        this.sigmaW = sigmaW;
        this.x0 = x0;
        final int chunk = CemPlanner.CHUNK;
        scratchA = new double[threads][n * chunk];
        scratchB = new double[threads][n * chunk];
        scratchU = new double[threads][ControlIndex.DIM * chunk];
        stepX = new double[n];
        stepU = new double[ControlIndex.DIM];
        stepXNext = new double[n];
        if (critics.needsSpread() && model instanceof EnsembleDynamics ens) {
            spreadRollout = new SpreadRollout(ens, threads, chunk);
            buffers.enableSpread();
            meanRollout.enableSpread();
        } else {
            spreadRollout = null;
        }
        meanRollout.ensure(1, horizon);
        if (!hasVelocity) {
            meanRollout.aliasVelocityToCommands();
        }
    }

    /** @return the task that runs {@link #rolloutChunk} per chunk. */
    WorkerPool.Task task() {
        return rolloutTask;
    }

    /**
     * Sets the iteration counter (it keys the noise) and the last commanded controls before a pool run.
     *
     * @param iter  the planner's iteration counter.
     * @param lastV last commanded cmd_v [m/s].
     * @param lastW last commanded cmd_ω [rad/s].
     */
    void begin(long iter, double lastV, double lastW) {
        iterationCounter = iter;
        lastCmdV = lastV;
        lastCmdW = lastW;
    }

    /** @return the cost of the last {@link #rollOutMean} (dimensionless). */
    double meanCost() {
        return meanCost;
    }

    /** Noise, bounded controls, rollout and critics for one chunk (= one buffer block) of samples, on a worker. */
    private void rolloutChunk(int chunk, int worker) {
        final int T = horizon;
        final int B = RolloutBuffers.BLOCK;
        final int k0 = chunk * CemPlanner.CHUNK;
        final int k1 = Math.min(population, k0 + CemPlanner.CHUNK);
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
        final long iter = iterationCounter;
        // 1. Noise ε ~ N(0, σ_t²) into the command rows: one stream per (chunk, step) fills that step's samples.
        for (int t = 0; t < T; t++) {
            int o = o0 + t * B;
            noise.fill(iter, ControlIndex.V, chunk * T + t, sigmaV[t], cv, o, cnt);
            noise.fill(iter, ControlIndex.OMEGA, chunk * T + t, sigmaW[t], cw, o, cnt);
            if (k0 == 0) {
                cv[o] = 0.0; // sample 0 is the mean sequence itself
                cw[o] = 0.0;
            }
        }
        // 2. Per step: bounded controls, one stepBatch over the chunk, one copy per channel into the batch.
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
            CommandClip.row(cv, o, u, ouv, cnt, meanV[t], dv, lo, hi);
            CommandClip.row(cw, o, u, ouw, cnt, meanW[t], dw, -wm, wm);
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

    /**
     * Rolls μ out through the model into the one-sample batch and scores it with the critics.
     *
     * @return whether its rollout and cost are finite and it does not collide.
     */
    boolean rollOutMean() {
        final RolloutBuffers e = meanRollout;
        final int B = RolloutBuffers.BLOCK;
        System.arraycopy(x0, 0, stepX, 0, n);
        for (int t = 0; t < horizon; t++) {
            final int o = t * B;
            stepU[ControlIndex.V] = meanV[t];
            stepU[ControlIndex.OMEGA] = meanW[t];
            e.cmdV[o] = meanV[t];
            e.cmdOmega[o] = meanW[t];
            model.step(stepX, stepU, config.dt(), stepXNext);
            System.arraycopy(stepXNext, 0, stepX, 0, n);
            e.x[o] = stepX[StateIndex.X];
            e.y[o] = stepX[StateIndex.Y];
            e.theta[o] = stepX[StateIndex.THETA];
            if (hasVelocity) {
                e.v[o] = stepX[StateIndex.V];
                e.omega[o] = stepX[StateIndex.OMEGA];
            }
        }
        if (spreadRollout != null) {
            spreadRollout.fill(0, e, 0, 1, x0, config.dt()); // on the caller's thread, the pool idle: worker 0's scratch
        }
        e.costs[0] = 0.0;
        e.collided[0] = 0;
        critics.score(context, e, 0, 1, e.costs);
        final int last = (horizon - 1) * B;
        double chk = e.x[last] + e.y[last] + e.theta[last] + e.costs[0];
        meanCost = e.costs[0];
        return chk - chk == 0.0 && e.collided[0] == 0;
    }

    /** Writes μ and its rollout (from {@link #rollOutMean}) as the plan. */
    void writePlan(Plan out) {
        int T = Math.min(horizon, out.maxHorizon());
        final RolloutBuffers e = meanRollout;
        out.planXY[0] = x0[StateIndex.X];
        out.planXY[1] = x0[StateIndex.Y];
        for (int t = 0; t < T; t++) {
            out.controls[2 * t] = meanV[t];
            out.controls[2 * t + 1] = meanW[t];
            out.planXY[2 * t + 2] = e.x[t * RolloutBuffers.BLOCK];
            out.planXY[2 * t + 3] = e.y[t * RolloutBuffers.BLOCK];
        }
        out.planLength = T + 1;
        out.controlLength = T;
    }
}
