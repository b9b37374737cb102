package org.foresight.examples.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Question: what does JMH's gc profiler report per operation for an operation as long as one MPPI iteration
 * (about 2.5 ms) that allocates nothing at all? That figure is JMH's own bookkeeping (its sampling, control
 * and profiler threads allocate a little per second, and {@code gc.alloc.rate.norm} divides it over the ops);
 * it is the floor under {@link MppiIterationBenchmark}'s B/op, whose planner allocates nothing per cycle on
 * any of its threads (mpc's PlanAllocationTest counts it directly). Same mode and timing as that benchmark.
 *
 * <pre>./foresight jmh 'GcBaseline|MppiIteration' -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GcBaselineBenchmark {

    /** Burns about 2.5 ms of CPU without touching the heap. */
    @Benchmark
    public void allocationFreeSpin() {
        Blackhole.consumeCPU(1_500_000);
    }
}
