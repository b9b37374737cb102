package org.foresight.mpc.mppi;

import java.util.Arrays;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.Planner;
import org.foresight.mpc.critic.CriticContext;
import org.foresight.mpc.critic.CriticSet;

/**
 * Model Predictive Path Integral control (Williams et al., "Information-theoretic MPC for model-based
 * reinforcement learning", ICRA 2017) in the shape of Nav2's MPPI controller, over any
 * {@link DynamicsModel}. One iteration:
 * <pre>
 *   ε_k,t ~ N(0, diag(σ_v², σ_ω²))                          counter-based streams per (block, step) (sample 0: ε = 0)
 *   u_k,t = clip_bounds(clip_accel(ū_t + ε_k,t, u_k,t−1))    |Δu| ≤ a·dt from the last applied command
 *                                                           (to within rounding at a bound, see CommandClip)
 *   x_k,t+1 = f(x_k,t, u_k,t, dt)                            model.stepBatch over a chunk of samples per step
 *   S_k = Σ_critics                                          critics add into costs[k]
 *   w_k = exp(−(S_k − min_j S_j)/λ) / Σ_j exp(−(S_j − min S)/λ)   (min-shift: no overflow, best weight = 1)
 *   ū_t ← SG-smooth(Σ_k w_k u_k,t), clipped to the bounds
 * </pre>
 * then the first control is commanded and ū is shifted one step for the warm start.
 *
 * <p><b>Parallelism and determinism.</b> Samples are split into fixed chunks of {@value #CHUNK} (independent
 * of the thread count); a {@link WorkerPool} runs noise, rollout and critics per chunk, each chunk writing
 * only its own rows; the softmax and weighted mean then run serially in sample order. Noise streams are
 * keyed by (seed, iteration, channel, chunk, step). Hence the same seed gives bit-identical commands for any
 * number of threads.
 *
 * <p><b>Safety.</b> Non-finite rollouts (a NaN model) are excluded; if none is finite the status is
 * {@link PlanStatus#NON_FINITE}, if none is collision-free {@link PlanStatus#NO_COLLISION_FREE_ROLLOUT}; both
 * command (0, 0) and reset the warm start. Nothing throws on bad numbers.
 *
 * <p>{@link #plan} allocates nothing after the first call (buffers are grow-only). Not thread-safe.
 */
public final class MppiPlanner implements Planner {
    /**
     * Samples per work chunk, one {@link RolloutBuffers} block (fixed so the partition does not depend on the
     * thread count). A chunk's data (64 × 56 steps × 7 channels × 8 B ≈ 200 kB) stays in L2 while the
     * rollout writes it and the critics read it back, and each stepBatch call gets enough samples to amortise its
     * per-call work (measured: 64 about 5-8 % faster per iteration than 16 at 2000 × 56 on 2 cores, for the
     * unicycle and the learned linear model); 2000 samples still give 32 chunks to balance over the workers.
     */
    public static final int CHUNK = RolloutBuffers.BLOCK;

    private final DynamicsModel model;
    private final MppiConfig config;
    private final CriticSet critics;
    private final WorkerPool pool;
    private final NoiseSampler noise;
    private final RolloutBuffers buffers = new RolloutBuffers();
    private final CriticContext context = new CriticContext();
    private final SavitzkyGolay smoother;
    private final int n;
    private final int samples;
    private final int horizon;
    private final int chunks;
    private final boolean hasVelocity;
    private final double[] meanV;
    private final double[] meanW;
    private final double[] histV;
    private final double[] histW;
    private final double[] x0;
    private final double[][] scratchA;
    private final double[][] scratchB;
    private final double[][] scratchU;
    private final double[] stepX;
    private final double[] stepU;
    private final double[] stepXNext;
    private final int[] topIndex = new int[64];
    private final double[] topWeight = new double[64];
    private final WorkerPool.Task rolloutTask = this::rolloutChunk;
    private final WorkerPool.Task noiseTask = this::noiseAheadChunk;
    /** Noise drawn ahead by {@link #presampleNoise} (block layout), grow-only. */
    private double[] aheadV = new double[0];
    private double[] aheadW = new double[0];
    /** The iteration counter whose noise {@link #aheadV}/{@link #aheadW} hold, −1 for none. */
    private long aheadFor = -1;
    private long iterationCounter;
    private double lastCmdV;
    private double lastCmdW;
    /** Time of the last plan's measurement [s], NaN before the first (for the warm start's shift). */
    private double lastPlanTime = Double.NaN;
    private int lastFeasible;
    private int lastFinite;
    private double lastMinCost;

    /**
     * @param model   the model planned through (any {@link DynamicsModel} with 2 controls).
     * @param config  MPPI parameters.
     * @param critics the cost terms.
     */
    public MppiPlanner(DynamicsModel model, MppiConfig config, CriticSet critics) {
        if (model.controlDim() != ControlIndex.DIM) {
            throw new IllegalArgumentException("MPPI needs a model with " + ControlIndex.DIM
                    + " controls (cmd_v, cmd_omega), got " + model.controlDim());
        }
        if (model.stateDim() < StateIndex.POSE_DIM) {
            throw new IllegalArgumentException("MPPI needs a model state of at least x, y, theta; got dimension "
                    + model.stateDim());
        }
        this.model = model;
        this.config = config;
        this.critics = critics;
        this.n = model.stateDim();
        this.hasVelocity = n >= StateIndex.FULL_DIM;
        this.samples = config.samples();
        this.horizon = config.horizon();
        this.chunks = (samples + CHUNK - 1) / CHUNK;
        this.pool = new WorkerPool(config.threads());
        this.noise = new NoiseSampler(config.seed());
        this.smoother = config.smoothingHalfWidth() > 0 ? new SavitzkyGolay(config.smoothingHalfWidth()) : null;
        this.meanV = new double[horizon];
        this.meanW = new double[horizon];
        int hw = Math.max(1, config.smoothingHalfWidth());
        this.histV = new double[hw];
        this.histW = new double[hw];
        this.x0 = new double[n];
        int threads = pool.size();
        scratchA = new double[threads][n * CHUNK];
        scratchB = new double[threads][n * CHUNK];
        scratchU = new double[threads][ControlIndex.DIM * CHUNK];
        stepX = new double[n];
        stepU = new double[ControlIndex.DIM];
        stepXNext = new double[n];
        buffers.ensure(samples, horizon);
        if (!hasVelocity) {
            buffers.aliasVelocityToCommands();
        }
    }

    /** @return "mppi". */
    @Override
    public String name() {
        return "mppi";
    }

    /** @return the configuration. */
    public MppiConfig config() {
        return config;
    }

    /** @return the model planned through. */
    public DynamicsModel model() {
        return model;
    }

    /** @return the critic set. */
    public CriticSet critics() {
        return critics;
    }

    /** @return the last iteration's batch (read-only view for tests and diagnostics). */
    public RolloutBuffers buffers() {
        return buffers;
    }

    @Override
    public void reset() {
        Arrays.fill(meanV, 0.0);
        Arrays.fill(meanW, 0.0);
        Arrays.fill(histV, 0.0);
        Arrays.fill(histW, 0.0);
        lastCmdV = 0;
        lastCmdW = 0;
        iterationCounter = 0;
        aheadFor = -1;
        lastPlanTime = Double.NaN;
    }

    /**
     * Draws the noise of the next iteration now (Nav2's NoiseGenerator can do the same on a thread while the
     * robot acts), so that the next {@link #plan}'s first iteration skips that step: the noise streams are
     * keyed by the iteration counter, not by when they are drawn, so the commands are bit-identical with or
     * without it. Runs on the worker pool. Allocation-free after its first call (grow-only buffers); the
     * parity benchmark uses it to keep noise generation out of the timed region, as the C yardstick does.
     */
    public void presampleNoise() {
        int size = buffers.x.length;
        if (aheadV.length < size) {
            aheadV = new double[size];
            aheadW = new double[size];
        }
        pool.run(noiseTask, chunks);
        aheadFor = iterationCounter;
    }

    private void noiseAheadChunk(int chunk, int worker) {
        fillNoise(chunk, iterationCounter, aheadV, aheadW);
    }

    /**
     * Noise ε of one chunk (= one buffer block) into {@code ev}/{@code ew} at the block's offsets: one stream
     * per (chunk, step) fills that step's samples; sample 0 gets ε = 0 (it follows the mean sequence itself).
     */
    private void fillNoise(int chunk, long iter, double[] ev, double[] ew) {
        final int T = horizon;
        final int B = RolloutBuffers.BLOCK;
        final int k0 = chunk * CHUNK;
        final int cnt = Math.min(samples, k0 + CHUNK) - k0;
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

    /**
     * Continues from another MPPI planner's warm start (its nominal sequence, command history and plan time),
     * clipped to this planner's bounds: a mode-switching planner hands the optimisation over between modes
     * without starting from rest. Both must share horizon, step and smoothing width.
     *
     * @param other the planner whose warm start is taken. Not modified.
     */
    public void adoptWarmStart(MppiPlanner other) {
        if (other.horizon != horizon || other.config.dt() != config.dt() || other.histV.length != histV.length) {
            throw new IllegalArgumentException("warm start needs the same horizon, dt and smoothing width");
        }
        double lo = config.minV();
        double hi = config.maxV();
        double wm = config.maxOmega();
        for (int t = 0; t < horizon; t++) {
            meanV[t] = Math.min(hi, Math.max(lo, other.meanV[t]));
            meanW[t] = Math.min(wm, Math.max(-wm, other.meanW[t]));
        }
        System.arraycopy(other.histV, 0, histV, 0, histV.length);
        System.arraycopy(other.histW, 0, histW, 0, histW.length);
        lastCmdV = other.lastCmdV;
        lastCmdW = other.lastCmdW;
        lastPlanTime = other.lastPlanTime;
    }

    @Override
    public void plan(PlanRequest request, Plan out) {
        out.mode = "mppi";
        out.rolloutCount = 0;
        if (!PlanStart.initialState(request.state(), n, lastCmdV, lastCmdW, x0)) {
            fail(out, PlanStatus.BAD_STATE);
            return;
        }
        PlanStart.skipElapsedSteps(lastPlanTime, request.time(), config.dt(), meanV, meanW, horizon);
        lastPlanTime = request.time();
        CriticContext c = context;
        PlanStart.context(c, request, lastCmdV, lastCmdW, config.dt(), horizon);
        critics.prepare(c);

        PlanStatus status = PlanStatus.OK;
        for (int it = 0; it < config.iterations(); it++) {
            status = iterate();
            if (status != PlanStatus.OK) {
                break;
            }
        }
        out.feasibleRollouts = lastFeasible;
        out.bestCost = lastMinCost;
        if (status != PlanStatus.OK) {
            fail(out, status);
            return;
        }
        double cmdV = meanV[0];
        double cmdW = meanW[0];
        out.status = PlanStatus.OK;
        out.command[ControlIndex.V] = cmdV;
        out.command[ControlIndex.OMEGA] = cmdW;
        writePlan(out);
        writeRollouts(out);
        // Warm start: shift by one step, repeat the last control.
        System.arraycopy(meanV, 1, meanV, 0, horizon - 1);
        System.arraycopy(meanW, 1, meanW, 0, horizon - 1);
        pushHistory(cmdV, cmdW);
    }

    private void fail(Plan out, PlanStatus why) {
        out.stop(why);
        out.mode = "mppi";
        Arrays.fill(meanV, 0.0);
        Arrays.fill(meanW, 0.0);
        pushHistory(0.0, 0.0);
    }

    private void pushHistory(double v, double w) {
        System.arraycopy(histV, 1, histV, 0, histV.length - 1);
        System.arraycopy(histW, 1, histW, 0, histW.length - 1);
        histV[histV.length - 1] = v;
        histW[histW.length - 1] = w;
        lastCmdV = v;
        lastCmdW = w;
    }

    /** One MPPI iteration over the whole batch; returns OK or why it failed. */
    private PlanStatus iterate() {
        pool.run(rolloutTask, chunks);
        iterationCounter++;
        final int K = samples;
        final int T = horizon;
        final double[] costs = buffers.costs;
        final byte[] collided = buffers.collided;
        double min = Double.POSITIVE_INFINITY;
        int finite = 0;
        int feasible = 0;
        for (int k = 0; k < K; k++) {
            double ck = costs[k];
            if (ck - ck == 0.0) { // finite
                finite++;
                if (collided[k] == 0) {
                    feasible++;
                }
                if (ck < min) {
                    min = ck;
                }
            }
        }
        lastFinite = finite;
        lastFeasible = feasible;
        lastMinCost = finite > 0 ? min : Double.NaN;
        if (finite == 0) {
            return PlanStatus.NON_FINITE;
        }
        if (feasible == 0) {
            return PlanStatus.NO_COLLISION_FREE_ROLLOUT;
        }
        // w_k = exp(−(S_k − min)/λ), normalised; non-finite samples get 0.
        final double invLambda = 1.0 / config.temperature();
        final double[] w = buffers.weights;
        double sum = 0;
        for (int k = 0; k < K; k++) {
            double ck = costs[k];
            double wk = ck - ck == 0.0 ? Math.exp(-(ck - min) * invLambda) : 0.0;
            w[k] = wk;
            sum += wk;
        }
        double invSum = 1.0 / sum;
        for (int k = 0; k < K; k++) {
            w[k] *= invSum;
        }
        // ū_t = Σ_k w_k u_k,t, block by block in sample order (fixed order: deterministic). The sampled
        // commands are always finite (clipped from a finite mean), so zero weights contribute exactly 0.
        Arrays.fill(meanV, 0.0);
        Arrays.fill(meanW, 0.0);
        final double[] cv = buffers.cmdV;
        final double[] cw = buffers.cmdOmega;
        final int B = RolloutBuffers.BLOCK;
        for (int k0 = 0; k0 < K; k0 += B) {
            final int cnt = Math.min(B, K - k0);
            final int o0 = buffers.blockOffset(k0);
            for (int t = 0; t < T; t++) {
                int o = o0 + t * B;
                double sv = 0;
                double sw = 0;
                for (int j = 0; j < cnt; j++) {
                    double wk = w[k0 + j];
                    sv += wk * cv[o + j];
                    sw += wk * cw[o + j];
                }
                meanV[t] += sv;
                meanW[t] += sw;
            }
        }
        if (smoother != null) {
            smoother.smooth(meanV, T, histV);
            smoother.smooth(meanW, T, histW);
        }
        double lo = config.minV();
        double hi = config.maxV();
        double wm = config.maxOmega();
        for (int t = 0; t < T; t++) {
            double v = meanV[t];
            double o = meanW[t];
            if (!(v - v == 0.0) || !(o - o == 0.0)) {
                return PlanStatus.NON_FINITE;
            }
            meanV[t] = v < lo ? lo : (v > hi ? hi : v);
            meanW[t] = o < -wm ? -wm : (o > wm ? wm : o);
        }
        return PlanStatus.OK;
    }

    /** Noise, bounded controls, rollout and critics for one chunk (= one buffer block) of samples, on a worker. */
    private void rolloutChunk(int chunk, int worker) {
        final int T = horizon;
        final int B = RolloutBuffers.BLOCK;
        final int k0 = chunk * CHUNK;
        final int k1 = Math.min(samples, k0 + CHUNK);
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
        // 1. Noise ε into the command rows, unless drawn ahead (presampleNoise) into its own rows.
        final boolean ahead = aheadFor == iter;
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
            final double mv = meanV[t];
            final double mw = meanW[t];
            CommandClip.row(ev, o, cv, o, u, ouv, cnt, mv, dv, lo, hi);
            CommandClip.row(ew, o, cw, o, u, ouw, cnt, mw, dw, -wm, wm);
            model.stepBatch(xa, u, cnt, dt, xb);
            System.arraycopy(xb, StateIndex.X * cnt, b.x, o, cnt);
            System.arraycopy(xb, StateIndex.Y * cnt, b.y, o, cnt);
            System.arraycopy(xb, StateIndex.THETA * cnt, b.theta, o, cnt);
            if (hasVelocity) { // else the velocity channels alias the commands, already written
                System.arraycopy(xb, StateIndex.V * cnt, b.v, o, cnt);
                System.arraycopy(xb, StateIndex.OMEGA * cnt, b.omega, o, cnt);
            }
            double[] tmp = xa;
            xa = xb;
            xb = tmp;
        }
        // 3. Critics.
        final double[] costs = b.costs;
        for (int k = k0; k < k1; k++) {
            costs[k] = 0.0;
            b.collided[k] = 0;
        }
        critics.score(context, b, k0, k1, costs);
        // A NaN anywhere in a rollout propagates to its last state; mark such samples non-finite.
        final int last = o0 + (T - 1) * B;
        for (int j = 0; j < cnt; j++) {
            double chk = b.x[last + j] + b.y[last + j] + b.theta[last + j];
            if (!(chk - chk == 0.0)) {
                costs[k0 + j] = Double.NaN;
            }
        }
    }

    /** Rolls the (unshifted) optimal sequence through the model for the plan polyline and controls. */
    private void writePlan(Plan out) {
        int T = Math.min(horizon, out.maxHorizon());
        System.arraycopy(x0, 0, stepX, 0, n);
        out.planXY[0] = x0[StateIndex.X];
        out.planXY[1] = x0[StateIndex.Y];
        for (int t = 0; t < T; t++) {
            stepU[ControlIndex.V] = meanV[t];
            stepU[ControlIndex.OMEGA] = meanW[t];
            out.controls[2 * t] = meanV[t];
            out.controls[2 * t + 1] = meanW[t];
            model.step(stepX, stepU, config.dt(), stepXNext);
            System.arraycopy(stepXNext, 0, stepX, 0, n);
            out.planXY[2 * t + 2] = stepX[StateIndex.X];
            out.planXY[2 * t + 3] = stepX[StateIndex.Y];
        }
        out.planLength = T + 1;
        out.controlLength = T;
    }

    /** Copies the heaviest rollouts (by softmax weight) into the plan, heaviest first. */
    private void writeRollouts(Plan out) {
        int want = Math.min(Math.min(out.maxRollouts(), topIndex.length), samples);
        if (want == 0 || horizon > out.maxHorizon()) {
            out.rolloutCount = 0;
            return;
        }
        int have = 0;
        double[] w = buffers.weights;
        for (int k = 0; k < samples; k++) {
            double wk = w[k];
            if (have == want && !(wk > topWeight[have - 1])) {
                continue;
            }
            int pos = have < want ? have++ : want - 1;
            while (pos > 0 && topWeight[pos - 1] < wk) {
                topWeight[pos] = topWeight[pos - 1];
                topIndex[pos] = topIndex[pos - 1];
                pos--;
            }
            topWeight[pos] = wk;
            topIndex[pos] = k;
        }
        int T = horizon;
        for (int r = 0; r < have; r++) {
            int k = topIndex[r];
            double[] xy = out.rolloutXY[r];
            xy[0] = x0[StateIndex.X];
            xy[1] = x0[StateIndex.Y];
            int o = buffers.blockOffset(k);
            for (int t = 0; t < T; t++) {
                xy[2 * t + 2] = buffers.x[o + t * RolloutBuffers.BLOCK];
                xy[2 * t + 3] = buffers.y[o + t * RolloutBuffers.BLOCK];
            }
            out.rolloutWeights[r] = topWeight[r];
        }
        out.rolloutCount = have;
    }

    /** @return the worker pool (package-private, for allocation accounting in tests). */
    WorkerPool pool() {
        return pool;
    }

    /** @return finite rollouts in the last iteration. */
    public int lastFiniteRollouts() {
        return lastFinite;
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        pool.close();
    }
}
