package org.foresight.examples.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.world.SignedDistanceField;
import org.foresight.dynamics.world.WorldLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Question: what does one signed-distance query cost (bilinear value, and value + gradient) at a random
 * point of a BARN world? The critic of a 2000 × 56 MPPI batch makes ~10⁵ of them per iteration.
 * Points cycle through a pre-drawn table (power of two) so the index arithmetic is the only overhead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class SdfQueryBenchmark {
    private static final int POINTS = 4096;
    private SignedDistanceField sdf;
    private double[] xs;
    private double[] ys;
    private final double[] grad = new double[2];
    private int i;

    /** Loads world 17 and draws query points inside its field and corridor. */
    @Setup(Level.Trial)
    public void setup() {
        sdf = WorldLoader.loadBarn(17).sdf();
        SplittableRandom r = new SplittableRandom(1);
        xs = new double[POINTS];
        ys = new double[POINTS];
        for (int k = 0; k < POINTS; k++) {
            xs[k] = r.nextDouble(-4.5, 0.0);
            ys[k] = r.nextDouble(0.0, 13.0);
        }
    }

    /** Baseline: reading the query point only. */
    @Benchmark
    public double baseline() {
        int k = (i++) & (POINTS - 1);
        return xs[k] + ys[k];
    }

    /** Distance only [m]. */
    @Benchmark
    public double distance() {
        int k = (i++) & (POINTS - 1);
        return sdf.distance(xs[k], ys[k]);
    }

    /** Distance and gradient. */
    @Benchmark
    public double distanceAndGradient() {
        int k = (i++) & (POINTS - 1);
        return sdf.distanceAndGradient(xs[k], ys[k], grad) + grad[0];
    }
}
