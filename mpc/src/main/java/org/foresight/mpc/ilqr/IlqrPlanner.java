package org.foresight.mpc.ilqr;

import java.util.Arrays;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.Planner;
import org.foresight.mpc.perception.DistanceGrid;

/**
 * Box-constrained iterative LQR (box-DDP) over any {@link DynamicsModel}: Tassa, Mansard and Todorov, "Control-limited
 * differential dynamic programming", ICRA 2014, with Levenberg–Marquardt regularisation and a backtracking line
 * search.
 *
 * <p><b>Problem.</b> The model's state x (its first {@code model.stateDim()} entries of the measurement: a
 * pose-only model gets x, y, θ; a velocity model also v, ω) is augmented with the previous control, x̃_t =
 * (x_t, u_{t−1}), so the control-rate cost is a stage cost; u_{−1} is the last command sent. Controls u =
 * (cmd_v [m/s], cmd_ω [rad/s]) lie in the box [minV, maxV] × [−maxOmega, maxOmega]. With p_t the position of x_t,
 * r_t the reference (below) and d(·) the SDF of the known obstacles:
 * <pre>
 *   J = Σ_{t=0}^{T−1} ℓ_t(x̃_t, u_t) + ℓ_T(x_T)
 *   ℓ_t = [t ≥ 1]·( w_track·|p_t − r_t|² + w_obs·max(0, m − d(p_t))² )
 *         + e_v·v_t² + e_ω·ω_t² + ρ_v·(v_t − v_{t−1})² + ρ_ω·(ω_t − ω_{t−1})²
 *   ℓ_T = (w_track + w_term)·|p_T − r_T|² + w_obs·max(0, m − d(p_T))²
 *   x_{t+1} = f(x_t, u_t, dt)                    the model's step; A = ∂f/∂x, B = ∂f/∂u from model.jacobians
 * </pre>
 * The reference r_t runs along the guide path at {@link IlqrConfig#referenceSpeed()} from the guide point nearest
 * the robot (t·v_ref·dt of arc) and stops at the guide's end; with no guide it runs straight to the goal. The
 * cost is quadratised analytically: tracking and control terms exactly, the barrier Gauss–Newton style with the
 * bilinear SDF's exact gradient ∇d ({@link DistanceGrid#sampleWithGradient}): ∂ℓ/∂p = −2w(m − d)∇d, ∂²ℓ/∂p² ≈ 2w∇d∇dᵀ.
 *
 * <p><b>Backward pass</b>: {@link BackwardPass} (the Riccati-like recursion with the exact 2-D box QP per step).
 * A (Q_uu + μI) that is not positive definite aborts the pass and multiplies μ by {@link IlqrConfig#muFactor()}.
 * <b>Forward pass</b> ({@link IlqrTrajectories}, which holds the nominal and trial trajectories and every rollout):
 * û_t = clip(ū_t + α k_t + K_t (x̂̃_t − x̄̃_t)) (the θ difference wrapped), x̂_{t+1} = f(x̂_t, û_t), for α = 1, ½,
 * ¼, …; the first α with J(α) &lt; J − c·(−ΔV(α)) is accepted (Armijo, c = {@link IlqrConfig#armijo()}) and μ is
 * divided by the factor; if none is accepted μ grows and the cost is kept.
 * Hence the cost never increases over iterations ({@link #costHistory()}). Iterations stop at
 * {@link IlqrConfig#maxIterations()}, when μ exceeds its ceiling, or when the predicted or achieved decrease is
 * below {@link IlqrConfig#convergenceTolerance()}·J.
 *
 * <p><b>Initial guess.</b> The previous solution shifted by one step (and by any control periods skipped since,
 * as CEM and MPPI do), its last control repeated, and a cold guess (a pursuit law steering toward the reference:
 * ω = clip(2·heading error), v = v_ref·max(0, cos(heading error))) are both rolled out; the cheaper one starts.
 *
 * <p><b>Safety.</b> The final controls are rolled out through the model (that rollout is the plan) and the SDF
 * is checked at every predicted position: if it falls below min({@link IlqrConfig#safetyRadius()}, d₀ − 0.02 m)
 * (d₀ the start clearance, so a robot already closer than the radius may still move away) the planner commands
 * a stop (0, 0) with {@link PlanStatus#NO_COLLISION_FREE_ROLLOUT}, sets {@link Plan#mode} to
 * {@value #FALLBACK_MODE} so the run log says so, and forgets the warm start. A non-finite measurement gives
 * {@link PlanStatus#BAD_STATE}, a non-finite rollout or control {@link PlanStatus#NON_FINITE}. Nothing throws on
 * bad numbers.
 *
 * <p><b>Plan.</b> Command = first control; plan polyline = the final rollout; controls = the final sequence;
 * rollouts = the iterates (the final one first), each with weight 1/count; {@link Plan#bestCost} = the final J;
 * {@link Plan#feasibleRollouts} = 1, or 0 on a fallback.
 *
 * <p><b>Jacobians</b> are the model's own {@link DynamicsModel#jacobians} when its class overrides it (analytic),
 * else (or with {@link IlqrConfig#finiteDifferenceJacobians()}) central differences computed by
 * {@link IlqrLinearisation} into preallocated buffers, with the formula of {@link org.foresight.dynamics.model.FiniteDifference}.
 *
 * <p>Deterministic (no sampling, single-threaded: the config has no thread count or seed). {@link #plan}
 * allocates nothing (every array is sized in the constructor; a model's own {@code jacobians} may allocate if
 * it does so itself). Not thread-safe.
 */
public final class IlqrPlanner implements Planner {
    /** {@link Plan#mode} of a normal cycle. */
    public static final String MODE = "ilqr";
    /** {@link Plan#mode} of a cycle whose plan would collide and that commands a stop instead. */
    public static final String FALLBACK_MODE = "ilqr-fallback";
    /** How much closer than the start clearance the safety check tolerates when starting inside the radius [m]. */
    public static final double START_SLACK = 0.02;

    private static final int M = ControlIndex.DIM;
    private static final int V = ControlIndex.V;
    private static final int W = ControlIndex.OMEGA;
    private static final int X = StateIndex.X;
    private static final int Y = StateIndex.Y;

    private final IlqrConfig config;
    /** Model state dimension n, horizon T. */
    private final int n;
    private final int horizon;
    /** The nominal and trial trajectories and the rollouts that fill them. */
    private final IlqrTrajectories traj;
    /** Reference positions r_t, t = 0..T, interleaved x, y [m]. */
    private final double[] ref;
    /** The cost, its derivatives, the reference (ref is its array) and the plan's distance field. */
    private final IlqrCost cost;
    /** The linear-quadratic approximation along the nominal trajectory. */
    private final LqProblem lq;
    /** Gains k, K and the predicted change, and the pass's scratch. */
    private final BackwardPass pass;
    /** Jacobians and control-cost derivatives along the nominal trajectory. */
    private final IlqrLinearisation linearisation;
    private final double[] x0;
    // Diagnostics.
    /** The plan's cost history and iterate tracks. */
    private final IterateLog iterates;
    private int lastIterations;
    private double lastCost = Double.NaN;
    private boolean fellBack;
    // Warm start.
    private boolean warm;
    private double lastCmdV;
    private double lastCmdW;
    private double lastPlanTime = Double.NaN;

    /**
     * @param model  the model planned through: 2 controls (cmd_v, cmd_ω) and a state that begins x, y, θ.
     * @param config iLQR parameters.
     */
    public IlqrPlanner(DynamicsModel model, IlqrConfig config) {
        if (model == null || config == null) {
            throw new IllegalArgumentException("iLQR needs a model and a config");
        }
        if (model.controlDim() != M) {
            throw new IllegalArgumentException("iLQR needs a model with " + M
                    + " controls (cmd_v, cmd_omega), got " + model.controlDim());
        }
        if (model.stateDim() < StateIndex.POSE_DIM) {
            throw new IllegalArgumentException("iLQR needs a model state of at least x, y, theta; got dimension "
                    + model.stateDim());
        }
        this.config = config;
        this.n = model.stateDim();
        this.horizon = config.horizon();
        final int T = horizon;
        cost = new IlqrCost(config, n);
        ref = cost.ref;
        lq = new LqProblem(n, T);
        pass = new BackwardPass(lq);
        linearisation = new IlqrLinearisation(model, config);
        x0 = new double[n];
        traj = new IlqrTrajectories(model, config, cost, x0);
        iterates = new IterateLog(config.maxIterations(), T);
    }

    /** @return {@code "ilqr"}. */
    @Override
    public String name() {
        return MODE;
    }

    /** @return the configuration. */
    public IlqrConfig config() {
        return config;
    }

    /** @return whether the model's analytic Jacobians are used (else central differences). */
    public boolean usesAnalyticJacobians() {
        return linearisation.analytic();
    }

    /** @return the cost J before the first iteration and after each iteration of the last plan (allocates). */
    public double[] costHistory() {
        return iterates.costHistory();
    }

    /** @return iterations run in the last plan. */
    public int lastIterations() {
        return lastIterations;
    }

    /** @return the final cost J of the last plan (dimensionless), NaN if it failed before optimising. */
    public double lastCost() {
        return lastCost;
    }

    /** @return whether the last plan fell back to a stop because its rollout would collide. */
    public boolean fellBack() {
        return fellBack;
    }

    @Override
    public void reset() {
        warm = false;
        lastCmdV = 0.0;
        lastCmdW = 0.0;
        lastPlanTime = Double.NaN;
        Arrays.fill(traj.us, 0.0);
        iterates.clear();
        lastIterations = 0;
        lastCost = Double.NaN;
        fellBack = false;
    }

    @Override
    public void plan(PlanRequest request, Plan out) {
        out.mode = MODE;
        out.rolloutCount = 0;
        out.feasibleRollouts = 0;
        out.bestCost = Double.NaN;
        fellBack = false;
        iterates.clear();
        lastIterations = 0;
        lastCost = Double.NaN;
        final double[] s = request.state();
        final int have = Math.min(n, s.length);
        for (int i = 0; i < have; i++) {
            if (!(s[i] - s[i] == 0.0)) {
                fail(out, PlanStatus.BAD_STATE);
                return;
            }
        }
        // The measurement may carry more entries than the model (take the first n) or fewer (a velocity model
        // fed a pose: assume the robot follows its last command; further entries start at 0).
        System.arraycopy(s, 0, x0, 0, have);
        for (int i = have; i < n; i++) {
            x0[i] = i == StateIndex.V ? lastCmdV : (i == StateIndex.OMEGA ? lastCmdW : 0.0);
        }
        skipElapsedSteps(request.time());
        DistanceGrid g = request.obstacles().grid();
        cost.bind(g);
        ReferenceTrack.fill(request.guide(), request.goalX(), request.goalY(), x0[X], x0[Y],
                config.referenceSpeed() * config.dt(), horizon, ref);

        // Initial guess: the shifted previous solution or the pursuit guess, whichever is cheaper.
        double j = Double.NaN;
        if (warm) {
            traj.clampAndRollOutNominal();
            j = cost.total(traj.xs, traj.us, lastCmdV, lastCmdW);
        }
        traj.coldGuess();
        double jc = cost.total(traj.xsTry, traj.usTry, lastCmdV, lastCmdW);
        if (!(j <= jc) && jc - jc == 0.0) { // also when the warm cost is NaN or absent
            traj.swapTrial();
            j = jc;
        }
        if (!(j - j == 0.0)) {
            fail(out, PlanStatus.NON_FINITE);
            return;
        }
        iterates.addCost(j);
        iterates.addTrack(traj.xs, n);
        j = optimise(j);
        lastCost = j;
        out.bestCost = j;

        // Safety: the plan is the model rollout of the final controls (xs); check its clearance.
        final double[] us = traj.us;
        for (int i = 0; i < us.length; i++) {
            if (!(us[i] - us[i] == 0.0)) {
                fail(out, PlanStatus.NON_FINITE);
                return;
            }
        }
        if (collides()) {
            fellBack = true;
            fail(out, PlanStatus.NO_COLLISION_FREE_ROLLOUT);
            out.mode = FALLBACK_MODE;
            return;
        }
        double cmdV = us[V];
        double cmdW = us[W];
        out.status = PlanStatus.OK;
        out.command[V] = cmdV;
        out.command[W] = cmdW;
        out.feasibleRollouts = 1;
        traj.writePlan(out);
        iterates.writeRollouts(out);
        // Warm start: shift by one step, repeat the last control.
        traj.shiftOne();
        warm = true;
        lastCmdV = cmdV;
        lastCmdW = cmdW;
    }

    /** Runs the iLQR iterations from the nominal (xs, us) of cost j; returns the final cost. */
    private double optimise(double j) {
        final IlqrConfig c = config;
        double mu = c.muInitial();
        boolean linearised = false;
        int it = 0;
        while (it < c.maxIterations()) {
            if (!linearised) {
                linearisation.linearise(lq, cost, traj.xs, traj.us, horizon, lastCmdV, lastCmdW);
                linearised = true;
            }
            boolean ok = pass.run(lq, traj.us, mu, config.minV(), config.maxV(), config.maxOmega());
            while (!ok) {
                mu *= c.muFactor();
                if (mu > c.muMax()) {
                    break;
                }
                ok = pass.run(lq, traj.us, mu, config.minV(), config.maxV(), config.maxOmega());
            }
            if (!ok) {
                break;
            }
            double predicted = -(pass.dV1 + pass.dV2);
            if (predicted < c.convergenceTolerance() * Math.abs(j)) {
                break; // converged: no step can decrease the cost meaningfully
            }
            it++;
            double alpha = 1.0;
            boolean accepted = false;
            double jNew = j;
            for (int ls = 0; ls < c.lineSearchSteps(); ls++) {
                jNew = traj.forward(alpha, pass, lastCmdV, lastCmdW);
                double expected = -(alpha * pass.dV1 + alpha * alpha * pass.dV2);
                if (jNew < j - c.armijo() * Math.max(expected, 0.0)) {
                    accepted = true;
                    break;
                }
                alpha *= 0.5;
            }
            if (accepted) {
                traj.swapTrial();
                double decrease = j - jNew;
                j = jNew;
                iterates.addCost(j);
                iterates.addTrack(traj.xs, n);
                linearised = false;
                mu = Math.max(c.muMin(), mu / c.muFactor());
                if (decrease < c.convergenceTolerance() * Math.abs(j)) {
                    break;
                }
            } else {
                iterates.addCost(j);
                mu *= c.muFactor();
                if (mu > c.muMax()) {
                    break;
                }
            }
        }
        lastIterations = it;
        return j;
    }

    /** Whether the nominal rollout comes closer to an obstacle than the safety radius (see class Javadoc). */
    private boolean collides() {
        double d0 = cost.clearance(x0[X], x0[Y]);
        double hit = Math.min(config.safetyRadius(), d0 - START_SLACK);
        final double[] xs = traj.xs;
        for (int t = 1; t <= horizon; t++) {
            double d = cost.clearance(xs[t * n + X], xs[t * n + Y]);
            if (!(d >= hit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The warm start was shifted by one step after the last plan; when more control periods have passed since,
     * shift the rest so that u[0] is the control for now, repeating the last control at the tail (as CEM's).
     */
    private void skipElapsedSteps(double time) {
        double last = lastPlanTime;
        lastPlanTime = time;
        if (Double.isNaN(last) || !warm) {
            return;
        }
        long extra = Math.round((time - last) / config.dt()) - 1;
        if (extra <= 0) {
            return;
        }
        traj.shift((int) Math.min(extra, horizon - 1));
    }

    private void fail(Plan out, PlanStatus why) {
        out.stop(why);
        out.mode = MODE;
        warm = false;
        Arrays.fill(traj.us, 0.0);
        lastCmdV = 0.0;
        lastCmdW = 0.0;
    }
}
