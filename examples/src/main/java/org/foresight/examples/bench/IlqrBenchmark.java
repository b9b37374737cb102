package org.foresight.examples.bench;

import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.ilqr.IlqrConfig;
import org.foresight.mpc.ilqr.IlqrPlanner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does iLQR cost at horizon N = 20 and 50 with its obstacle barrier active: one iteration
 * (linearise, backward pass, line-searched forward pass), and a whole warm-started plan as the control loop
 * runs it every cycle?
 *
 * <p>Setup: {@link IlqrConfig#defaults()} (barrier 200 per m² below 0.35 m of clearance, tracking the guide at
 * 1 m/s) at {@code horizon}, single-threaded and deterministic, in the scene of the sampling planners
 * ({@link BenchSetup#barnRequest}, the guide path and the map's distance field) but in BARN world 268, the most
 * cluttered: there the plans pass within the barrier's margin at both horizons (about 0.34 m of clearance; in
 * world 0 a 20-step plan stays 0.65 m clear and the barrier costs nothing). The setup fails if a plan does not
 * come out {@link PlanStatus#OK}.
 * <ul>
 *   <li>{@code iteration}: a planner with {@code maxIterations = 1} and convergence tolerance 0, reset before
 *       every call so each call does the same work: the cold initial guess (one rollout and its cost), then
 *       one iteration, the safety check and the plan output.</li>
 *   <li>{@code warmPlan}: a planner with the default budget (up to 10 iterations, tolerance 1e-4) called again
 *       and again with the same request, so each call starts from the previous solution shifted by one step, as
 *       in a running episode (from the same state; in world 268 about 6 iterations run at N = 20, all 10 at
 *       N = 50).</li>
 * </ul>
 * Compare {@code iteration} across horizons (its passes are linear in N, but the line search may try more step
 * sizes at one horizon than at the other), and both with {@link MppiIterationBenchmark}.
 * Warm up for 10 s ({@code -wi 5 -w 2s}, the annotation below; {@code ./foresight jmh}'s quick defaults of 3 × 1 s
 * override it unless given): C2 compiled the backward pass only after about 6 s of calls on this 2-core machine
 * under load (see {@code -XX:+PrintCompilation}), and with 3 s of warm-up the measurement mixed C1 and C2 code.
 * {@code model} takes the names of {@link BenchSetup#model} or a model file path. {@code -prof gc} should show
 * ≈ 0 B/op (the unicycle has analytic Jacobians).
 *
 * <pre>./foresight jmh IlqrBenchmark -wi 5 -w 2s -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IlqrBenchmark {
    /** Horizon N [steps]. */
    @Param({"20", "50"})
    public int horizon;

    /** Model planned through: see {@link BenchSetup#model}. */
    @Param({"unicycle"})
    public String model;

    /** BARN world index (268, the most cluttered, keeps the barrier active at both horizons). */
    @Param({"268"})
    public int world;

    private IlqrPlanner one;
    private IlqrPlanner warm;
    private PlanRequest request;
    private Plan out;

    /** Builds both planners and the scene; checks both plan OK. */
    @Setup(Level.Trial)
    public void setup() {
        DynamicsModel m = BenchSetup.model(model);
        IlqrConfig cfg = IlqrConfig.defaults().withHorizon(horizon);
        one = new IlqrPlanner(m, cfg.withMaxIterations(1).withConvergenceTolerance(0.0));
        warm = new IlqrPlanner(m, cfg);
        request = BenchSetup.barnRequest(world, m.stateDim());
        out = new Plan(horizon, 0);
        one.plan(request, out);
        check("iteration", out);
        warm.plan(request, out);
        check("warmPlan", out);
    }

    private static void check(String which, Plan p) {
        if (p.status != PlanStatus.OK) {
            throw new IllegalStateException(which + ": iLQR plan status " + p.status + " in the benchmark scene");
        }
    }

    /** @return the command's sum: a cold plan with exactly one iteration. */
    @Benchmark
    public double iteration() {
        one.reset();
        one.plan(request, out);
        return out.command[0] + out.command[1];
    }

    /** @return the command's sum: a whole plan warm-started from the previous cycle's solution. */
    @Benchmark
    public double warmPlan() {
        warm.plan(request, out);
        return out.command[0] + out.command[1];
    }
}
