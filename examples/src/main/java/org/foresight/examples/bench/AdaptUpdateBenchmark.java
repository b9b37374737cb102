package org.foresight.examples.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.worldmodel.adapt.AdaptConfig;
import org.foresight.worldmodel.adapt.OnlineAdapter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does one online adaptation update cost ({@link OnlineAdapter#observe}: the RLS updates of every
 * output, the physics kind's bank of stage-1 clamps, and the new snapshot), against the budget of
 * 1 ms within the 50 ms control period?
 *
 * <p>Setup: the kinds fitted as in {@link ModelStepBenchmark} ({@link BenchSetup#fit}); 256 transitions drawn once
 * within the Jackal's envelope, fed in turn (one per call). {@code kind} also takes a model file path. Returns the
 * snapshot's prediction of one state so the update cannot be dropped.
 *
 * <pre>./foresight jmh AdaptUpdateBenchmark -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class AdaptUpdateBenchmark {
    /** The model: physics, linear, sparse, or a model file path. */
    @Param({"physics", "linear", "sparse"})
    public String kind;

    private static final int N = 256;
    private OnlineAdapter adapter;
    private double[][] x;
    private double[][] u;
    private double[][] xNext;
    private double[] probe;
    private int i;

    /** Fits the model and draws the transitions. */
    @Setup
    public void setup() {
        DynamicsModel m = BenchSetup.model(kind);
        adapter = OnlineAdapter.of(m, AdaptConfig.defaults());
        SplittableRandom r = new SplittableRandom(7);
        x = new double[N][5];
        u = new double[N][2];
        xNext = new double[N][5];
        for (int k = 0; k < N; k++) {
            x[k] = new double[] {r.nextDouble(-5, 5), r.nextDouble(-5, 5), r.nextDouble(-3, 3), r.nextDouble(-0.5, 2),
                    r.nextDouble(-3, 3)};
            u[k] = new double[] {r.nextDouble(-0.5, 2), r.nextDouble(-3, 3)};
            m.step(x[k], u[k], BenchSetup.DT, xNext[k]);
            xNext[k][3] += 0.02 * r.nextGaussian();
            xNext[k][4] += 0.04 * r.nextGaussian();
        }
        probe = new double[5];
    }

    /** @return one coordinate of the new snapshot's step. */
    @Benchmark
    public double update() {
        int k = i++ & (N - 1);
        adapter.observe(x[k], u[k], xNext[k]);
        adapter.model().step(x[k], u[k], BenchSetup.DT, probe);
        return probe[3];
    }
}
