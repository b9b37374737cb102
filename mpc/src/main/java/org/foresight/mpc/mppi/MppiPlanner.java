package org.foresight.mpc.mppi;

import java.util.Arrays;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.Simd;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.model.UnicycleKinematics;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.Planner;
import org.foresight.mpc.critic.CriticContext;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.critic.FusedCosts;

/**
 * Model Predictive Path Integral control (Williams et al., "Information-theoretic MPC for model-based
 * reinforcement learning", ICRA 2017) in the shape of Nav2's MPPI controller, over any
 * {@link DynamicsModel}. One iteration:
 * <pre>
 *   ε_k,t ~ N(0, diag(σ_v², σ_ω²))                          counter-based streams per (block, step) (sample 0: ε = 0)
 *   u_k,t = clip_bounds(clip_accel(ū_t + ε_k,t, u_k,t−1))    |Δu| ≤ a·dt from the last applied command
 *                                                           (to within rounding at a bound, see CommandClip)
 *   x_k,t+1 = f(x_k,t, u_k,t, dt)                            model.stepBatch over a chunk of samples per step
 *   σ_k,t = spread of the ensemble's members along u_k       only if a critic reads it (SpreadRollout)
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
 * <p><b>Parts.</b> {@link ChunkRollout} (noise, commands, rollout, critics per chunk, on the workers),
 * {@link SampleWeights} (the softmax), {@link WeightedMean} (the update), {@link PlanWriter} (plan polyline and
 * heaviest rollouts); this class holds the nominal sequence, the warm start and the command history. With
 * {@link RolloutKernel#FUSED_FLOAT} a chunk's commands, rollout and costs run in one float SIMD kernel
 * (FusedFloatRollout) and the update is summed per chunk (ChunkMeans), for unicycle and learned linear models and the
 * critics it can fuse; a cycle whose critics cannot be fused (a moving disc in reach) runs the generic path.
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
    private final RolloutBuffers buffers = new RolloutBuffers();
    private final CriticContext context = new CriticContext();
    private final SavitzkyGolay smoother;
    private final ChunkRollout rollout;
    /** The fused float kernel, or null for {@link RolloutKernel#GENERIC}. */
    private final FusedFloatRollout fused;
    /** Whether this cycle runs the fused kernel (it has one, and the critics can be fused this cycle). */
    private boolean fusedNow;
    private final SampleWeights weights = new SampleWeights();
    private final PlanWriter writer;
    private final int n;
    private final int samples;
    private final int horizon;
    private final int chunks;
    private final double[] meanV;
    private final double[] meanW;
    private final double[] histV;
    private final double[] histW;
    private final double[] x0;
    private long iterationCounter;
    private double lastCmdV;
    private double lastCmdW;
    /** Time of the last plan's measurement [s], NaN before the first (for the warm start's shift). */
    private double lastPlanTime = Double.NaN;

    /**
     * @param model   the model planned through (any {@link DynamicsModel} with 2 controls).
     * @param config  MPPI parameters, with the rollout kernel ({@link MppiConfig#kernel}).
     * @param critics the cost terms.
     * @throws IllegalArgumentException as the four-argument constructor, for the configuration's kernel.
     */
    public MppiPlanner(DynamicsModel model, MppiConfig config, CriticSet critics) {
        this(model, config, critics, config.kernel());
    }

    /**
     * @param model   the model planned through (any {@link DynamicsModel} with 2 controls; for
     *                {@link RolloutKernel#FUSED_FLOAT} a {@link UnicycleKinematics} or a
     *                {@link org.foresight.dynamics.model.BodyFrameKinematics} one).
     * @param config  MPPI parameters.
     * @param critics the cost terms (for {@link RolloutKernel#FUSED_FLOAT}, ones {@link FusedCosts} can sum).
     * @param kernel  how samples are rolled out and scored (in place of the configuration's).
     * @throws IllegalArgumentException if the fused kernel is asked for a model, critic or bound it cannot take,
     *                                  or without the JDK's Vector API; the message names which.
     */
    public MppiPlanner(DynamicsModel model, MppiConfig config, CriticSet critics, RolloutKernel kernel) {
        if (model.controlDim() != ControlIndex.DIM) {
            throw new IllegalArgumentException("MPPI needs a model with " + ControlIndex.DIM
                    + " controls (cmd_v, cmd_omega), got " + model.controlDim());
        }
        if (model.stateDim() < StateIndex.POSE_DIM) {
            throw new IllegalArgumentException("MPPI needs a model state of at least x, y, theta; got dimension "
                    + model.stateDim());
        }
        this.model = model;
        this.config = config.withKernel(kernel);
        this.critics = critics;
        this.n = model.stateDim();
        this.samples = config.samples();
        this.horizon = config.horizon();
        this.chunks = (samples + CHUNK - 1) / CHUNK;
        this.smoother = config.smoothingHalfWidth() > 0 ? new SavitzkyGolay(config.smoothingHalfWidth()) : null;
        this.meanV = new double[horizon];
        this.meanW = new double[horizon];
        int hw = Math.max(1, config.smoothingHalfWidth());
        this.histV = new double[hw];
        this.histW = new double[hw];
        this.x0 = new double[n];
        this.fused = kernel == RolloutKernel.FUSED_FLOAT ? fusedKernel(model, config, critics) : null;
        this.pool = new WorkerPool(config.threads());
        this.rollout = new ChunkRollout(model, config, critics, context, buffers, pool.size(), meanV, meanW, x0,
                fused);
        this.writer = new PlanWriter(model);
        buffers.ensure(samples, horizon);
        if (n < StateIndex.FULL_DIM) {
            buffers.aliasVelocityToCommands();
        }
    }

    private static FusedFloatRollout fusedKernel(DynamicsModel model, MppiConfig config, CriticSet critics) {
        if (!Simd.ENABLED) {
            throw new IllegalArgumentException("the fused rollout kernel needs the JDK's Vector API "
                    + "(java --add-modules jdk.incubator.vector)");
        }
        return new FusedFloatRollout(model, FusedCosts.of(critics), config, config.threads());
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
        rollout.forgetAhead();
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
        rollout.presample(pool, iterationCounter, chunks);
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
        fusedNow = fused != null && fused.prepare(c);

        PlanStatus status = PlanStatus.OK;
        for (int it = 0; it < config.iterations(); it++) {
            status = iterate();
            if (status != PlanStatus.OK) {
                break;
            }
        }
        out.feasibleRollouts = weights.feasible();
        out.bestCost = weights.minCost();
        if (status != PlanStatus.OK) {
            fail(out, status);
            return;
        }
        double cmdV = meanV[0];
        double cmdW = meanW[0];
        out.status = PlanStatus.OK;
        out.command[ControlIndex.V] = cmdV;
        out.command[ControlIndex.OMEGA] = cmdW;
        writer.plan(x0, meanV, meanW, horizon, config.dt(), out);
        if (fusedNow) {
            writer.rollouts(buffers, fused.positionsX(), fused.positionsY(), x0, samples, horizon, out);
        } else {
            writer.rollouts(buffers, x0, samples, horizon, out);
        }
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
        rollout.begin(iterationCounter, lastCmdV, lastCmdW, fusedNow);
        pool.run(rollout.task(), chunks);
        iterationCounter++;
        PlanStatus status = !fusedNow
                ? weights.compute(buffers.costs, buffers.collided, samples, config.temperature(), buffers.weights)
                : weights.count(buffers.costs, buffers.collided, samples); // ChunkMeans weighs the samples
        if (status != PlanStatus.OK) {
            return status;
        }
        // ū_t = Σ_k w_k u_k,t in a fixed order (deterministic). The sampled commands are always finite
        // (clipped from a finite mean), so zero weights contribute exactly 0.
        final int T = horizon;
        if (fusedNow) {
            fused.means().mean(samples, weights.minCost(), meanV, meanW, buffers.weights);
        } else {
            WeightedMean.of(buffers.weights, buffers.cmdV, buffers.cmdOmega, samples, T, meanV, meanW);
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

    /** @return the worker pool (package-private, for allocation accounting in tests). */
    WorkerPool pool() {
        return pool;
    }

    /** @return finite rollouts in the last iteration. */
    public int lastFiniteRollouts() {
        return weights.finite();
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        pool.close();
    }
}
