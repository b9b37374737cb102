package org.foresight.examples.bench;

import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.Planner;
import org.foresight.mpc.cem.CemConfig;
import org.foresight.mpc.cem.CemPlanner;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.mppi.MppiPlanner;
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
 * Question: what does one CEM iteration cost (a population of 2000 × 56, one sample-and-refit round) next to
 * one MPPI iteration of the same size, in the same run? Both are whole planning cycles with one iteration:
 * CEM samples, rolls out, scores, selects the 10 % elites, refits and rolls its mean out once more (the
 * command's safety check); MPPI samples, rolls out, scores and takes the softmax mean. The difference is what
 * CEM's elite selection, refit and mean rollout add per iteration.
 *
 * <p>Setup: the same scene as {@link MppiIterationBenchmark} ({@link BenchSetup#barnRequest}), the default
 * critics, all cores, seed 3; {@link CemConfig#defaults()} with {@code withPopulation(samples, samples / 10)}
 * and one iteration, {@link MppiConfig#defaults()} with {@code samples}. {@code model} takes the names of
 * {@link BenchSetup#model} or a model file path. {@link PlannerCycleBenchmark} compares the default cycles
 * instead (CEM 4 × 500 against MPPI 1 × 2000). {@code -prof gc} should show ≈ 0 B/op for both.
 *
 * <pre>./foresight jmh CemIteration -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"}) // the planners' SIMD kernels
public class CemIterationBenchmark {
    /** The planner: {@code cem} or {@code mppi} (the comparison). */
    @Param({"cem", "mppi"})
    public String planner;

    /** Model planned through: see {@link BenchSetup#model}. */
    @Param({"unicycle"})
    public String model;

    /**
     * CEM's sampling spread: {@code default} (σ 0.5 m/s, 1.0 rad/s, CEM's own start) or {@code mppi} (MPPI's noise,
     * 0.3 m/s and 0.6 rad/s). The critics' work depends on the rollouts (the obstacle critic skips samples far from
     * obstacles and after a collision), so only the matched spread compares the algorithms' own overhead.
     */
    @Param({"default", "mppi"})
    public String cemSigma;

    /** Population / samples K. */
    @Param({"2000"})
    public int samples;

    /** Horizon T [steps]. */
    @Param({"56"})
    public int horizon;

    private Planner p;
    private PlanRequest request;
    private Plan out;

    /** Builds the model, the scene and the planner. */
    @Setup(Level.Trial)
    public void setup() {
        DynamicsModel m = BenchSetup.model(model);
        int t = Runtime.getRuntime().availableProcessors();
        CriticSet critics = CriticSet.defaults(CriticParams.defaults());
        p = planner.equals("cem")
                ? new CemPlanner(m, cemConfig(), critics)
                : new MppiPlanner(m, MppiConfig.defaults().withSamples(samples).withHorizon(horizon).withThreads(t)
                        .withSeed(3), critics);
        request = BenchSetup.barnRequest(0, m.stateDim());
        out = new Plan(horizon, 0);
    }

    private CemConfig cemConfig() {
        CemConfig c = CemConfig.defaults().withPopulation(samples, Math.max(1, samples / 10)).withIterations(1)
                .withHorizon(horizon).withThreads(Runtime.getRuntime().availableProcessors()).withSeed(3);
        MppiConfig m = MppiConfig.defaults();
        return cemSigma.equals("mppi") ? c.withSigma(m.noiseV(), m.noiseOmega(), c.minSigmaV(), c.minSigmaOmega()) : c;
    }

    /** Stops the worker threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        p.close();
    }

    /** @return the command's sum: one planning cycle of one iteration. */
    @Benchmark
    public double iteration() {
        p.plan(request, out);
        return out.command[0] + out.command[1];
    }
}
