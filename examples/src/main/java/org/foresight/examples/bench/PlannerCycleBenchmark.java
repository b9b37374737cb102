package org.foresight.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.Planner;
import org.foresight.mpc.cem.CemConfig;
import org.foresight.mpc.cem.CemPlanner;
import org.foresight.mpc.mppi.MppiPlanner;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.path.GuidePlanner;
import org.foresight.mpc.perception.MapObstacleField;
import org.foresight.worldmodel.collect.DataCollector;
import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.LogLoader;
import org.foresight.worldmodel.fit.FitOptions;
import org.foresight.worldmodel.fit.ModelFitter;
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
 * Does a CEM planning cycle (4 iterations × 500 rollouts × 56 steps) cost at most 1.2× an MPPI cycle with the
 * same rollout budget (1 × 2000 × 56)? Both over the unicycle, with the default critics, in BARN world 0,
 * on all cores (issue 11's budget). Run: {@code ./foresight jmh PlannerCycle}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"}) // the planners' SIMD kernels
public class PlannerCycleBenchmark {
    /** The planner: MPPI (1 iteration of 2000 rollouts) or CEM (4 iterations of 500). */
    @Param({"mppi", "cem"})
    public String planner;

    private Planner p;
    private PlanRequest request;
    private Plan out;

    /** Builds the world, guide and planner over the unicycle, both with the same rollout budget. */
    @Setup(Level.Trial)
    public void setup() {
        World world = WorldLoader.loadBarn(0);
        DynamicsModel m = new Unicycle();
        int t = Runtime.getRuntime().availableProcessors();
        p = planner.equals("cem")
                ? new CemPlanner(m, CemConfig.defaults().withThreads(t).withSeed(3), CriticSet.defaults(CriticParams.defaults()))
                : new MppiPlanner(m, MppiConfig.defaults().withThreads(t).withSeed(3), CriticSet.defaults(CriticParams.defaults()));
        // Inside the obstacle field, moving forward at 1.5 m/s along the guide.
        double sx = world.start().x();
        double sy = world.start().y() + 2.5;
        GuidePath guide = new GuidePlanner(world.grid(), Footprint.JACKAL, 0.05).plan(sx, sy, world.goalX(), world.goalY());
        request = new PlanRequest(0.0, new double[] {sx, sy, world.start().theta()}, MapObstacleField.of(world),
                world.goalX(), world.goalY(), world.goalTolerance(), guide);
        out = new Plan(56, 0);
    }

    /** Stops the worker threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        p.close();
    }

    /** One whole planning cycle. */
    @Benchmark
    public double cycle() {
        p.plan(request, out);
        return out.command[0] + out.command[1];
    }
}
