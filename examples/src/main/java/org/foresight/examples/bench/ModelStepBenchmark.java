package org.foresight.examples.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.worldmodel.collect.DataCollector;
import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.LogLoader;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.fit.LinearFitter;
import org.foresight.worldmodel.fit.SparseFitter;
import org.foresight.worldmodel.model.LinearFeatureModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does one step of a learned linear or sparse model cost in the planner's inner loop, next
 * to the nominal unicycle? Each benchmark advances one state by one 50 ms step and returns a value of the
 * result (no dead code); inputs sit in non-final fields. Run: {@code ./foresight jmh ModelStepBenchmark}
 * (add {@code -prof gc} to see 0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ModelStepBenchmark {
    private static final double DT = 0.05;

    private LinearFeatureModel linear;
    private LinearFeatureModel sparse;
    private Unicycle unicycle;
    private double[] x;
    private double[] u;
    private double[] xNext;

    /** Fits both models on a few episodes of the true Jackal (same seed every trial). */
    @Setup(Level.Trial)
    public void setup() {
        DataCollector.Plan plan = new DataCollector.Plan(6, 30, 1, JackalParams.defaults(), DT, 0.005);
        List<Episode> eps = new java.util.ArrayList<>();
        for (int e = 0; e < plan.episodes(); e++) {
            eps.add(LogLoader.toEpisode(DataCollector.episode(plan, e), "episode_" + e, null));
        }
        linear = LinearFitter.fitRidge(eps, FeatureLibrary.defaults(), 1e-8);
        sparse = SparseFitter.fit(eps, FeatureLibrary.defaults(), 1e-8, 1).model();
        unicycle = new Unicycle();
        x = new double[] {1.0, 2.0, 0.3, 0.8, 0.4};
        u = new double[] {1.2, -0.6};
        xNext = new double[5];
    }

    /** @return x of the next state of the ridge model (all library terms). */
    @Benchmark
    public double linearStep() {
        linear.step(x, u, DT, xNext);
        return xNext[0];
    }

    /** @return x of the next state of the sparse model. */
    @Benchmark
    public double sparseStep() {
        sparse.step(x, u, DT, xNext);
        return xNext[0];
    }

    /** @return x of the next state of the kinematic unicycle (the baseline). */
    @Benchmark
    public double unicycleStep() {
        unicycle.step(x, u, DT, xNext);
        return xNext[0];
    }
}
