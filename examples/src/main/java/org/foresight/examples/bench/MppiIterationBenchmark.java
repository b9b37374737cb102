package org.foresight.examples.bench;

import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.mppi.MppiPlanner;
import org.foresight.mpc.mppi.RolloutKernel;
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
 * Question: how long does one MPPI iteration take at 1000, 2000 (the default) and 4096 samples × 56 steps with
 * all eight critics (obstacle, goal, path follow/align, control effort/rate, prefer forward, speed) on a BARN
 * world, planning through the unicycle, a learned linear model, or any model file? One call = one planning
 * cycle with one iteration: noise, bounded controls, rollouts, critics, softmax update, smoothing, warm-start
 * shift, on all cores.
 *
 * <p>Setup: {@link BenchSetup#barnRequest} (world 0, inside the obstacle field at 1.5 m/s along the guide);
 * {@code model} is {@code unicycle}, {@code linear} (fitted by {@link BenchSetup#fit}), another name of
 * {@link BenchSetup#model}, or a model file read as {@code --model FILE.json} reads it
 * ({@code -p model=/path/model.json}). SampleTime mode reports p50/p99; {@code -prof gc} shows the allocation
 * per call (should be ≈ 0 B/op; {@link GcBaselineBenchmark} is JMH's own floor). Compare across
 * {@code samples} (linear scaling), with {@link RolloutBenchmark} (the model's share) and with
 * {@link CemIterationBenchmark} (one CEM iteration of the same size). The fork runs with the Vector API module,
 * as {@code ./foresight} does.
 *
 * <pre>./foresight jmh 'GcBaseline|MppiIteration' -prof gc
 * ./foresight jmh MppiIteration -p model=runs/fit/model.json -p samples=2000
 * ./foresight jmh MppiIteration -p model=ensemble.json -p samples=2000 -p spreadWeight=0,30
 * FORESIGHT_JAVA=/path/to/jdk-25/bin/java ./foresight jmh MppiIteration -p model=linear -p kernel=generic,fused</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"}) // the planner's SIMD kernels
public class MppiIterationBenchmark {
    /** Model planned through: unicycle, linear, or see {@link BenchSetup#model} (names or a model file path). */
    @Param({"unicycle", "linear"})
    public String model;

    /** Samples K. */
    @Param({"1000", "2000", "4096"})
    public int samples;

    /** Horizon T [steps]. */
    @Param({"56"})
    public int horizon;

    /** Planner worker threads (0 = one per core). */
    @Param({"0"})
    public int threads;

    /**
     * {@code generic} (the model's stepBatch and each critic over a double batch) or {@code fused}
     * ({@link RolloutKernel#FUSED_FLOAT}: a unicycle or learned linear, sparse or physics model and the critics in one sweep of
     * float lanes; fast on JDK 25, see the README).
     */
    @Param({"generic"})
    public String kernel;

    /**
     * {@code critics.spread.weight}: above 0 (with an ensemble model file) each iteration also rolls every member
     * out for the spread critic ({@link org.foresight.mpc.critic.SpreadCritic}).
     */
    @Param({"0"})
    public double spreadWeight;

    private MppiPlanner planner;
    private PlanRequest request;
    private Plan out;

    /** Builds the model, the scene and the planner. */
    @Setup(Level.Trial)
    public void setup() {
        DynamicsModel m = BenchSetup.model(model);
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        MppiConfig cfg = MppiConfig.defaults().withSamples(samples).withHorizon(horizon).withThreads(t).withSeed(3);
        CriticParams critics = org.foresight.mpc.config.PlannerConfig.defaults()
                .withSet("critics.spread.weight=" + spreadWeight).critics();
        if (!kernel.equals("generic") && !kernel.equals("fused")) {
            throw new IllegalArgumentException("kernel must be generic or fused, got '" + kernel + "'");
        }
        planner = new MppiPlanner(m, cfg, CriticSet.defaults(critics),
                kernel.equals("fused") ? RolloutKernel.FUSED_FLOAT : RolloutKernel.GENERIC);
        request = BenchSetup.barnRequest(0, m.stateDim());
        out = new Plan(horizon, 0);
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
