package org.foresight.examples.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.Unicycle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Question: what does one model step cost, single and per sample in a structure-of-arrays batch, for the
 * built-in models (unicycle: the planner's nominal model; Jackal: the ground truth with RK4)? Time per
 * call; for {@code batch} divide by {@code count}. Run with {@code -prof gc} to see B/op ≈ 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class DynamicsStepBenchmark {
    /** Which model. */
    @Param({"unicycle", "jackal"})
    public String model;

    /** Batch size of {@link #batch}. */
    @Param({"2000"})
    public int count;

    private DynamicsModel m;
    private double[] x;
    private double[] u;
    private double[] xNext;
    private double[] xs;
    private double[] us;
    private double[] xsNext;
    private double dt = 0.05;

    /** Random states and controls. */
    @Setup(Level.Trial)
    public void setup() {
        m = model.equals("unicycle") ? new Unicycle() : new JackalDiffDrive(JackalParams.defaults());
        int n = m.stateDim();
        SplittableRandom r = new SplittableRandom(3);
        x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-1, 1);
        }
        u = new double[] {1.2, 0.7};
        xNext = new double[n];
        xs = new double[n * count];
        us = new double[2 * count];
        xsNext = new double[n * count];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = r.nextDouble(-1, 1);
        }
        for (int i = 0; i < us.length; i++) {
            us[i] = r.nextDouble(-1.5, 1.5);
        }
    }

    /** One step of one sample. */
    @Benchmark
    public double single() {
        m.step(x, u, dt, xNext);
        return xNext[0];
    }

    /** One step of {@code count} samples, structure-of-arrays. */
    @Benchmark
    public double batch() {
        m.stepBatch(xs, us, count, dt, xsNext);
        return xsNext[count - 1];
    }
}
