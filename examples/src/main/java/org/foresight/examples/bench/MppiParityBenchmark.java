package org.foresight.examples.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.model.EulerUnicycle;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.critic.ControlEffortCritic;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.critic.GoalCritic;
import org.foresight.mpc.critic.ObstacleCritic;
import org.foresight.mpc.critic.PreferForwardCritic;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.mppi.MppiPlanner;
import org.foresight.mpc.mppi.RolloutKernel;
import org.foresight.mpc.perception.DistanceGrid;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: how far is our MPPI iteration from the hand-vectorised C yardstick ({@code ../shared/perf/mppi_soa.c},
 * float, SIMD over samples, 2 OpenMP threads) when both do the same work? Our planner ({@link MppiPlanner}, its
 * worker pool, noise streams, command clip, critics and update) is configured to the yardstick's problem:
 * <ul>
 *   <li>K × T = {@code samples} × {@code horizon} (2000 × 56), dt 0.05 s, one iteration, λ = 0.3, noise σ
 *       (0.2 m/s, 0.4 rad/s), v ∈ [−0.5, 2] m/s, |ω| ≤ 4 rad/s, |Δv| ≤ 20·dt, |Δω| ≤ 25·dt per step, no
 *       smoothing;</li>
 *   <li>the yardstick's semi-implicit Euler unicycle ({@link EulerUnicycle}) from (1, 1, 0.7) towards (9, 9);</li>
 *   <li>its world ({@link YardstickWorld}: 10 m square, 0.05 m, 60 discs);</li>
 *   <li>its four cost terms: obstacle with one footprint circle (radius 0.25 m, margin 0.25 m, pad 0: a hit
 *       below 0.25 m of SDF costs 1000, 20·(0.5 − d)² per step below 0.5 m), control effort (0.1·v², 0.05·ω² per
 *       step), prefer-forward (0.02·max(0, −v) per step), goal (5 × the final distance).</li>
 * </ul>
 * Noise is drawn before the timed call ({@link MppiPlanner#presampleNoise} in a per-invocation setup), as the
 * yardstick draws it outside its timer; {@code noise=inline} times it too. What still differs, and which way:
 * the README's parity table. Compare with {@code examples/scripts/mppi-parity.sh}, which runs the yardstick
 * and this benchmark back to back and prints the ratio.
 *
 * <pre>./foresight jmh MppiParity
 * ./foresight jmh MppiParity -p threads=1,2 -p samples=1000,2000,4096,8192</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"}) // the planner's SIMD kernels
public class MppiParityBenchmark {
    /** Samples K. */
    @Param({"2000"})
    public int samples;

    /** Horizon T [steps]. */
    @Param({"56"})
    public int horizon;

    /** Planner worker threads (the yardstick runs OMP_NUM_THREADS=2). */
    @Param({"2"})
    public int threads;

    /**
     * {@code generic}: the model's stepBatch and each critic over the double batch; {@code fused}: the fused float
     * kernel ({@link RolloutKernel#FUSED_FLOAT}: rollout and the four terms in one sweep of float lanes).
     */
    @Param({"generic"})
    public String kernel;

    /** {@code ahead}: noise drawn before the timed call (as the yardstick); {@code inline}: inside it. */
    @Param({"ahead"})
    public String noise;

    private MppiPlanner planner;
    private PlanRequest request;
    private Plan out;
    private boolean ahead;

    /** Builds the world, the model, the critics and the planner. */
    @Setup(Level.Trial)
    public void setup() {
        if (!noise.equals("ahead") && !noise.equals("inline")) {
            throw new IllegalArgumentException("noise must be ahead or inline, got '" + noise + "'");
        }
        ahead = noise.equals("ahead");
        if (!kernel.equals("generic") && !kernel.equals("fused")) {
            throw new IllegalArgumentException("kernel must be generic or fused, got '" + kernel + "'");
        }
        MppiConfig cfg = MppiConfig.defaults().withSamples(samples).withHorizon(horizon).withThreads(threads)
                .withSeed(3).withIterations(1).withTemperature(0.3).withNoise(0.2, 0.4).withBounds(-0.5, 2.0, 4.0)
                .withAccelBounds(20.0, 25.0).withSmoothing(0);
        double t = horizon; // our per-step critics weight by 1/T
        CriticSet critics = new CriticSet(List.of(
                new ObstacleCritic(1000.0, 20.0 * t * 0.25 * 0.25, 0.25, new double[] {0.0}, 0.25, 0.0),
                new ControlEffortCritic(0.1 * t, 0.05 * t),
                new PreferForwardCritic(0.02 * t),
                new GoalCritic(5.0, 1000.0, true)));
        planner = new MppiPlanner(new EulerUnicycle(), cfg, critics,
                kernel.equals("fused") ? RolloutKernel.FUSED_FLOAT : RolloutKernel.GENERIC);
        DistanceGrid grid = YardstickWorld.grid();
        request = new PlanRequest(0.0, new double[] {1.0, 1.0, 0.7}, () -> grid, 9.0, 9.0, 0.5, null);
        out = new Plan(horizon, 0);
    }

    /** Draws the next iteration's noise outside the timed call (JMH times the benchmark method only). */
    @Setup(Level.Invocation)
    public void drawNoise() {
        if (ahead) {
            planner.presampleNoise();
        }
    }

    /** Stops the worker threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        planner.close();
    }

    /** One planning cycle of one MPPI iteration. */
    @Benchmark
    public double iteration() {
        planner.plan(request, out);
        return out.command[0] + out.command[1];
    }
}
