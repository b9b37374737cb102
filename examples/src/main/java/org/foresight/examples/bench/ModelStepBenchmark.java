package org.foresight.examples.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
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
 * Question: what does one 50 ms model step cost, for one state and for a structure-of-arrays batch of
 * {@code count} states ({@code stepBatch}, the planners' inner call), for each learned model kind next to the
 * kinematic unicycle (the nominal model, the baseline) and the Jackal ground truth (RK4)?
 *
 * <p>Setup: the learned kinds are fitted on simulated Jackal data ({@link BenchSetup#fit}: 4 × 30 s, seed 1,
 * ensembles of 5 sparse members, a 2 × 32 MLP trained briefly; the step's cost does not depend on how well it
 * was trained). States and commands are drawn once within the Jackal's envelope (v ∈ [−0.5, 2] m/s,
 * |ω| ≤ 3 rad/s). {@code kind} also takes a model file path ({@code -p kind=/path/model.json}, read as
 * {@code --model FILE.json} is). Both methods return a value of the result; inputs sit in non-final fields.
 *
 * <p>Compare {@code single} across kinds, and {@code batch}/{@code count} with {@code single} (the batch's
 * per-sample gain). With {@code -prof gc} every kind should show ≈ 0 B/op. {@link DynamicsStepBenchmark} is the
 * same measurement for the built-in models alone.
 *
 * <pre>./foresight jmh ModelStepBenchmark -prof gc
 * ./foresight jmh ModelStepBenchmark -p kind=runs/fit/model.json</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"}) // the models' SIMD kernels
public class ModelStepBenchmark {
    /** The model: unicycle, jackal (truth), physics, linear, sparse, ensemble, mlp, or a model file path. */
    @Param({"unicycle", "jackal", "physics", "linear", "sparse", "ensemble", "mlp"})
    public String kind;

    /** Samples per {@link #batch} call K. */
    @Param({"2000"})
    public int count;

    private DynamicsModel model;
    private double dt;
    private double[] x;
    private double[] u;
    private double[] xNext;
    private double[] xs;
    private double[] us;
    private double[] xsNext;

    /** Builds (fits or reads) the model and draws the states and commands (seed 3). */
    @Setup(Level.Trial)
    public void setup() {
        model = BenchSetup.model(kind);
        dt = BenchSetup.DT;
        int n = model.stateDim();
        SplittableRandom r = new SplittableRandom(3);
        x = new double[n];
        u = new double[ControlIndex.DIM];
        xNext = new double[n];
        xs = new double[n * count];
        us = new double[ControlIndex.DIM * count];
        xsNext = new double[n * count];
        for (int k = 0; k < count; k++) {
            xs[StateIndex.X * count + k] = r.nextDouble(-5, 5);
            xs[StateIndex.Y * count + k] = r.nextDouble(-5, 5);
            xs[StateIndex.THETA * count + k] = r.nextDouble(-Math.PI, Math.PI);
            if (n > StateIndex.OMEGA) {
                xs[StateIndex.V * count + k] = r.nextDouble(-0.5, 2.0);
                xs[StateIndex.OMEGA * count + k] = r.nextDouble(-3.0, 3.0);
            }
            us[ControlIndex.V * count + k] = r.nextDouble(-0.5, 2.0);
            us[ControlIndex.OMEGA * count + k] = r.nextDouble(-3.0, 3.0);
        }
        for (int i = 0; i < n; i++) {
            x[i] = xs[i * count];
        }
        u[ControlIndex.V] = us[ControlIndex.V * count];
        u[ControlIndex.OMEGA] = us[ControlIndex.OMEGA * count];
    }

    /** @return x [m] of the next state: one step of one state. */
    @Benchmark
    public double single() {
        model.step(x, u, dt, xNext);
        return xNext[StateIndex.X];
    }

    /** @return x [m] of the last sample's next state: one step of {@code count} states (divide by count). */
    @Benchmark
    public double batch() {
        model.stepBatch(xs, us, count, dt, xsNext);
        return xsNext[StateIndex.X * count + count - 1];
    }
}
