package org.foresight.mpc.cem;

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
import org.foresight.mpc.mppi.CommandClip;
import org.foresight.mpc.mppi.PlanStart;
import org.foresight.mpc.mppi.RolloutBuffers;
import org.foresight.mpc.mppi.WorkerPool;

/**
 * The cross-entropy method over control sequences, in the shape PETS uses it (Chua et al., "Deep reinforcement
 * learning in a handful of trials using probabilistic dynamics models", NeurIPS 2018), over any
 * {@link DynamicsModel} and scored by the same {@link CriticSet} as MPPI. A diagonal Gaussian N(μ_t, σ_t²) per
 * step and channel; one plan runs {@link CemConfig#iterations()} times:
 * <pre>
 *   ε_k,t ~ N(0, diag(σ_v,t², σ_ω,t²))                     counter-based streams per (block, step) (sample 0: ε = 0)
 *   u_k,t = clip_bounds(clip_accel(μ_t + ε_k,t, u_k,t−1))   |Δu| ≤ a·dt from the last applied command, as MPPI
 *   x_k,t+1 = f(x_k,t, u_k,t, dt)                           model.stepBatch over a chunk of samples per step
 *   S_k = Σ_critics                                         critics add into costs[k]
 *   E = the {@link CemConfig#elites()} finite samples of lowest S (ties: lower k first)
 *   μ_t ← α·μ_t + (1 − α)·mean_{k∈E} u_k,t                  α = {@link CemConfig#momentum()}
 *   σ_t ← max(σ_min, α·σ_t + (1 − α)·std_{k∈E} u_k,t)      per channel
 *   μ   ← clip_accel(clip_bounds(μ)) from the last command   so μ itself is a feasible sequence
 * </pre>
 * σ restarts at {@link CemConfig#initialSigmaV()} / {@link CemConfig#initialSigmaOmega()} every plan; μ is warm
 * started from the previous plan shifted one step (and by the control periods skipped when the request time
 * jumps, as MPPI does). The elites are refitted to their <i>clipped</i> controls, so the distribution follows
 * what the model actually simulated.
 *
 * <p><b>Which control is commanded: the first of the final mean</b> (PETS), not of the best elite. The mean
 * averages E sequences, so it does not chase the luck of one sample and the commands stay smooth from cycle to
 * cycle, and it is what the warm start carries on. But an average of elites that pass an obstacle on both sides
 * can run into it, so the final μ (never sampled itself) is rolled out and scored once more; if that rollout is
 * non-finite or collides, the lowest-cost collision-free sample of this plan (over all iterations) replaces μ
 * and is commanded instead ({@link #lastUsedBestSample()}).
 *
 * <p><b>Parallelism and determinism.</b> As {@link org.foresight.mpc.mppi.MppiPlanner}: samples are split into
 * fixed chunks of {@value #CHUNK} (one {@link RolloutBuffers} block, independent of the thread count), a
 * {@link WorkerPool} runs noise, rollout and critics per chunk ({@link CemRollouts}, which also rolls out the
 * final mean), and elite selection and refit ({@link EliteSet}) run serially in sample order. Noise streams
 * are keyed by (seed, iteration, channel, chunk, step). Hence the same seed gives bit-identical commands for any
 * number of threads.
 *
 * <p><b>Safety.</b> Non-finite rollouts (a NaN model) are never elites; if an iteration has none finite the
 * status is {@link PlanStatus#NON_FINITE}, if none is collision-free {@link PlanStatus#NO_COLLISION_FREE_ROLLOUT};
 * both command (0, 0) and reset the warm start. Nothing throws on bad numbers.
 *
 * <p>{@link #plan} allocates nothing after the first call. Not thread-safe.
 */
public final class CemPlanner implements Planner {
    /** Samples per work chunk, one {@link RolloutBuffers} block (see {@link org.foresight.mpc.mppi.MppiPlanner#CHUNK}). */
    public static final int CHUNK = RolloutBuffers.BLOCK;

    private final DynamicsModel model;
    private final CemConfig config;
    private final CriticSet critics;
    private final WorkerPool pool;
    private final RolloutBuffers buffers = new RolloutBuffers();
    private final CriticContext context = new CriticContext();
    /** The population's rollouts per chunk and the final mean's rollout. */
    private final CemRollouts rollouts;
    private final int n;
    private final int population;
    private final int horizon;
    private final int chunks;
    private final double[] meanV;
    private final double[] meanW;
    private final double[] sigmaV;
    private final double[] sigmaW;
    private final double[] bestV;
    private final double[] bestW;
    /** The last iteration's elites and the refit to them. */
    private final EliteSet elites;
    private final double[] x0;
    private long iterationCounter;
    private double lastCmdV;
    private double lastCmdW;
    /** Time of the last plan's measurement [s], NaN before the first (for the warm start's shift). */
    private double lastPlanTime = Double.NaN;
    private double bestSeenCost;
    private double lastMeanCost = Double.NaN;
    private boolean usedBest;

    /**
     * @param model   the model planned through (any {@link DynamicsModel} with 2 controls and a state that
     *                begins x, y, θ).
     * @param config  CEM parameters.
     * @param critics the cost terms (the same set MPPI uses).
     */
    public CemPlanner(DynamicsModel model, CemConfig config, CriticSet critics) {
        if (model.controlDim() != ControlIndex.DIM) {
            throw new IllegalArgumentException("CEM needs a model with " + ControlIndex.DIM
                    + " controls (cmd_v, cmd_omega), got " + model.controlDim());
        }
        if (model.stateDim() < StateIndex.POSE_DIM) {
            throw new IllegalArgumentException("CEM needs a model state of at least x, y, theta; got dimension "
                    + model.stateDim());
        }
        if (critics == null) {
            throw new IllegalArgumentException("CEM needs a critic set");
        }
        this.model = model;
        this.config = config;
        this.critics = critics;
        this.n = model.stateDim();
        this.population = config.population();
        this.horizon = config.horizon();
        this.chunks = (population + CHUNK - 1) / CHUNK;
        this.pool = new WorkerPool(config.threads());
        meanV = new double[horizon];
        meanW = new double[horizon];
        sigmaV = new double[horizon];
        sigmaW = new double[horizon];
        bestV = new double[horizon];
        bestW = new double[horizon];
        elites = new EliteSet(config.elites());
        x0 = new double[n];
        rollouts = new CemRollouts(model, config, critics, context, buffers, pool.size(), meanV, meanW, sigmaV,
                sigmaW, x0);
        buffers.ensure(population, horizon);
        if (n < StateIndex.FULL_DIM) {
            buffers.aliasVelocityToCommands();
        }
        Arrays.fill(sigmaV, config.initialSigmaV());
        Arrays.fill(sigmaW, config.initialSigmaOmega());
    }

    /** @return "cem". */
    @Override
    public String name() {
        return "cem";
    }

    /** @return the configuration. */
    public CemConfig config() {
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

    /**
     * @return the last iteration's batch (read-only view for tests and diagnostics); {@code weights} holds 1/E
     *         for the elites and 0 for the rest.
     */
    public RolloutBuffers buffers() {
        return buffers;
    }

    /**
     * @return whether the last plan commanded the best sample because the final mean's own rollout collided or
     *         was not finite (see the class comment).
     */
    public boolean lastUsedBestSample() {
        return usedBest;
    }

    /** @return the cost of the commanded sequence's rollout in the last plan (dimensionless), NaN if none. */
    public double lastMeanCost() {
        return lastMeanCost;
    }

    /**
     * @param t step in [0, horizon).
     * @return σ of the speed command at step t after the last plan's final refit [m/s].
     */
    public double sigmaV(int t) {
        return sigmaV[t];
    }

    /**
     * @param t step in [0, horizon).
     * @return σ of the yaw-rate command at step t after the last plan's final refit [rad/s].
     */
    public double sigmaOmega(int t) {
        return sigmaW[t];
    }

    /** @return finite rollouts in the last iteration. */
    public int lastFiniteRollouts() {
        return elites.finite;
    }

    /** @return elites the last refit used (E, or fewer when fewer samples were finite). */
    public int lastEliteCount() {
        return elites.count;
    }

    @Override
    public void reset() {
        Arrays.fill(meanV, 0.0);
        Arrays.fill(meanW, 0.0);
        Arrays.fill(sigmaV, config.initialSigmaV());
        Arrays.fill(sigmaW, config.initialSigmaOmega());
        lastCmdV = 0;
        lastCmdW = 0;
        iterationCounter = 0;
        lastPlanTime = Double.NaN;
        elites.clear();
        usedBest = false;
        lastMeanCost = Double.NaN;
    }

    @Override
    public void plan(PlanRequest request, Plan out) {
        out.mode = "cem";
        out.rolloutCount = 0;
        usedBest = false;
        lastMeanCost = Double.NaN;
        if (!PlanStart.initialState(request.state(), n, lastCmdV, lastCmdW, x0)) {
            fail(out, PlanStatus.BAD_STATE);
            return;
        }
        PlanStart.skipElapsedSteps(lastPlanTime, request.time(), config.dt(), meanV, meanW, horizon);
        lastPlanTime = request.time();
        CriticContext c = context;
        PlanStart.context(c, request, lastCmdV, lastCmdW, config.dt(), horizon);
        critics.prepare(c);

        Arrays.fill(sigmaV, config.initialSigmaV());
        Arrays.fill(sigmaW, config.initialSigmaOmega());
        projectMean();
        bestSeenCost = Double.POSITIVE_INFINITY;
        PlanStatus status = PlanStatus.OK;
        for (int it = 0; it < config.iterations(); it++) {
            status = iterate();
            if (status != PlanStatus.OK) {
                break;
            }
        }
        out.feasibleRollouts = elites.feasible;
        out.bestCost = elites.finite > 0 ? elites.min : Double.NaN;
        if (status != PlanStatus.OK) {
            fail(out, status);
            return;
        }
        if (!rollouts.rollOutMean()) {
            // The average of the elites collides (or is not finite): command the best sample seen instead.
            System.arraycopy(bestV, 0, meanV, 0, horizon);
            System.arraycopy(bestW, 0, meanW, 0, horizon);
            usedBest = true;
            rollouts.rollOutMean();
        }
        lastMeanCost = rollouts.meanCost();
        double cmdV = meanV[0];
        double cmdW = meanW[0];
        if (!(cmdV - cmdV == 0.0) || !(cmdW - cmdW == 0.0)) {
            fail(out, PlanStatus.NON_FINITE);
            return;
        }
        out.status = PlanStatus.OK;
        out.command[ControlIndex.V] = cmdV;
        out.command[ControlIndex.OMEGA] = cmdW;
        rollouts.writePlan(out);
        elites.writeRollouts(out, buffers, horizon, x0[StateIndex.X], x0[StateIndex.Y]);
        // Warm start: shift by one step, repeat the last control.
        System.arraycopy(meanV, 1, meanV, 0, horizon - 1);
        System.arraycopy(meanW, 1, meanW, 0, horizon - 1);
        lastCmdV = cmdV;
        lastCmdW = cmdW;
    }

    private void fail(Plan out, PlanStatus why) {
        out.stop(why);
        out.mode = "cem";
        Arrays.fill(meanV, 0.0);
        Arrays.fill(meanW, 0.0);
        lastCmdV = 0.0;
        lastCmdW = 0.0;
    }

    /** μ ← the bounded, acceleration-limited sequence nearest to it step by step, from the last command. */
    private void projectMean() {
        final double dv = config.maxAccel() * config.dt();
        final double dw = config.maxAlpha() * config.dt();
        final double lo = config.minV();
        final double hi = config.maxV();
        final double wm = config.maxOmega();
        double pv = lastCmdV;
        double pw = lastCmdW;
        for (int t = 0; t < horizon; t++) {
            pv = CommandClip.clip(meanV[t], pv, dv, lo, hi);
            pw = CommandClip.clip(meanW[t], pw, dw, -wm, wm);
            meanV[t] = pv;
            meanW[t] = pw;
        }
    }

    /** One CEM iteration over the whole population; returns OK or why it failed. */
    private PlanStatus iterate() {
        rollouts.begin(iterationCounter, lastCmdV, lastCmdW);
        pool.run(rollouts.task(), chunks);
        iterationCounter++;
        elites.select(buffers.costs, buffers.collided, population);
        if (elites.finite == 0) {
            return PlanStatus.NON_FINITE;
        }
        if (elites.feasible == 0) {
            return PlanStatus.NO_COLLISION_FREE_ROLLOUT;
        }
        if (elites.minFeasible < bestSeenCost) {
            bestSeenCost = elites.minFeasible;
            final int B = RolloutBuffers.BLOCK;
            int o = buffers.blockOffset(elites.argFeasible);
            for (int t = 0; t < horizon; t++) {
                bestV[t] = buffers.cmdV[o + t * B];
                bestW[t] = buffers.cmdOmega[o + t * B];
            }
        }
        elites.refit(buffers, population, horizon, config, meanV, meanW, sigmaV, sigmaW);
        projectMean();
        for (int t = 0; t < horizon; t++) {
            if (!(meanV[t] - meanV[t] == 0.0) || !(meanW[t] - meanW[t] == 0.0)) {
                return PlanStatus.NON_FINITE;
            }
        }
        return PlanStatus.OK;
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        pool.close();
    }
}
