package org.foresight.examples.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.mppi.RolloutBuffers;
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
 * Question: what does rolling a batch of {@code samples} × {@code horizon} command sequences through a model cost,
 * without noise, clipping, critics or threads: the model's share of a sampling planner's iteration?
 *
 * <p>Setup: the commands are drawn once (seed 5, v ∈ [−0.5, 2] m/s, |ω| ≤ 3 rad/s) into a {@link RolloutBuffers}
 * batch. One call does what the MPPI rollout does per {@link RolloutBuffers#BLOCK}-sample block, on one thread:
 * start every sample at the same state, then per step copy the block's commands into the {@code stepBatch} input,
 * one {@code stepBatch} over the block, and one copy per state channel into the batch. {@code model} takes the
 * names of {@link BenchSetup#model} or a model file path ({@code -p model=/path/model.json}).
 *
 * <p>Compare with {@link MppiIterationBenchmark} (the whole iteration, on all cores) and with
 * {@link ModelStepBenchmark}'s {@code batch} × horizon (the model alone). Cost should scale linearly with
 * {@code samples} and {@code horizon}; {@code -prof gc} should show ≈ 0 B/op.
 *
 * <pre>./foresight jmh RolloutBenchmark -prof gc
 * ./foresight jmh RolloutBenchmark -p model=unicycle,jackal,physics,linear,sparse,ensemble,mlp</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"}) // the models' SIMD kernels
public class RolloutBenchmark {
    /** Model rolled through: see {@link BenchSetup#model}. */
    @Param({"unicycle", "linear"})
    public String model;

    /** Samples K. */
    @Param({"2000"})
    public int samples;

    /** Horizon T [steps]. */
    @Param({"56"})
    public int horizon;

    private DynamicsModel m;
    private double dt;
    private int n;
    private RolloutBuffers batch;
    private double[] x0;
    private double[] xa;
    private double[] xb;
    private double[] u;

    /** Builds the model, draws the commands and sizes the buffers. */
    @Setup(Level.Trial)
    public void setup() {
        m = BenchSetup.model(model);
        dt = BenchSetup.DT;
        n = m.stateDim();
        batch = new RolloutBuffers();
        batch.ensure(samples, horizon);
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < batch.cmdV.length; i++) {
            batch.cmdV[i] = r.nextDouble(-0.5, 2.0);
            batch.cmdOmega[i] = r.nextDouble(-3.0, 3.0);
        }
        x0 = new double[n];
        x0[StateIndex.X] = -2.0;
        x0[StateIndex.Y] = 3.0;
        x0[StateIndex.THETA] = Math.PI / 2;
        if (n > StateIndex.OMEGA) {
            x0[StateIndex.V] = 1.0;
        }
        int b = RolloutBuffers.BLOCK;
        xa = new double[n * b];
        xb = new double[n * b];
        u = new double[ControlIndex.DIM * b];
    }

    /** @return the last sample's final x [m]: one rollout of the whole batch. */
    @Benchmark
    public double rollout() {
        final RolloutBuffers bt = batch;
        final int B = RolloutBuffers.BLOCK;
        final int T = horizon;
        for (int k0 = 0; k0 < samples; k0 += B) {
            final int cnt = Math.min(B, samples - k0);
            final int o0 = bt.blockOffset(k0);
            double[] a = xa;
            double[] b = xb;
            for (int i = 0; i < n; i++) {
                Arrays.fill(a, i * cnt, (i + 1) * cnt, x0[i]);
            }
            for (int t = 0; t < T; t++) {
                final int o = o0 + t * B;
                System.arraycopy(bt.cmdV, o, u, ControlIndex.V * cnt, cnt);
                System.arraycopy(bt.cmdOmega, o, u, ControlIndex.OMEGA * cnt, cnt);
                m.stepBatch(a, u, cnt, dt, b);
                System.arraycopy(b, StateIndex.X * cnt, bt.x, o, cnt);
                System.arraycopy(b, StateIndex.Y * cnt, bt.y, o, cnt);
                System.arraycopy(b, StateIndex.THETA * cnt, bt.theta, o, cnt);
                if (n > StateIndex.OMEGA) {
                    System.arraycopy(b, StateIndex.V * cnt, bt.v, o, cnt);
                    System.arraycopy(b, StateIndex.OMEGA * cnt, bt.omega, o, cnt);
                }
                double[] tmp = a;
                a = b;
                b = tmp;
            }
        }
        return bt.x[bt.index(samples - 1, T - 1)];
    }
}
