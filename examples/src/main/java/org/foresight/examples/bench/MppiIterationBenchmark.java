package org.foresight.examples.bench;

import java.nio.file.Path;
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
import org.foresight.mpc.mppi.MppiPlanner;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.path.GuidePlanner;
import org.foresight.mpc.perception.MapObstacleField;
import org.foresight.worldmodel.collect.DataCollector;
import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.LogLoader;
import org.foresight.worldmodel.fit.FitOptions;
import org.foresight.worldmodel.fit.ModelFitter;
import org.foresight.worldmodel.io.ModelFile;
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
 * Question: how long does one MPPI iteration take at the default 2000 samples × 56 steps with all eight
 * critics (obstacle, goal, path follow/align, control effort/rate, prefer forward, speed) on a BARN world,
 * planning through the unicycle and through a learned linear model? One call = one planning cycle with
 * one iteration: noise, bounded controls, rollouts, critics, softmax update, smoothing, warm-start shift.
 * SampleTime mode reports p50/p99; {@code -prof gc} shows the allocation per call (should be ≈ 0 B/op). The fork
 * runs with the Vector API module, as {@code ./foresight} does.
 *
 * <pre>./foresight jmh MppiIterationBenchmark -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"}) // the planner's SIMD kernels
public class MppiIterationBenchmark {
    /**
     * Model planned through: the kinematic unicycle, a ridge-fitted linear feature model ("linear", fitted in
     * setup), or any model file written by {@code fit} (a path ending in {@code .json}, e.g.
     * {@code -p model=unicycle,/tmp/physics.json}).
     */
    @Param({"unicycle", "linear"})
    public String model;

    /** Samples K. */
    @Param({"2000"})
    public int samples;

    /** Horizon T [steps]. */
    @Param({"56"})
    public int horizon;

    /** Planner worker threads (0 = one per core). */
    @Param({"0"})
    public int threads;

    private MppiPlanner planner;
    private PlanRequest request;
    private Plan out;

    /** Builds the world, guide, model and planner; fits the linear model on collected data for "linear". */
    @Setup(Level.Trial)
    public void setup() {
        World world = WorldLoader.loadBarn(0);
        DynamicsModel m;
        if (model.equals("unicycle")) {
            m = new Unicycle();
        } else if (model.endsWith(".json")) {
            m = ModelFile.readFor(Path.of(model), 0.05);
        } else {
            DataCollector.Plan plan = new DataCollector.Plan(4, 30.0, 1L, JackalParams.defaults(), 0.05, 0.005);
            List<Episode> eps = new ArrayList<>();
            for (int i = 0; i < plan.episodes(); i++) {
                eps.add(LogLoader.toEpisode(DataCollector.episode(plan, i), "bench-" + i, 0.05));
            }
            m = ModelFitter.fit(eps, FitOptions.defaults("linear"), 1L).model();
        }
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        MppiConfig cfg = MppiConfig.defaults().withSamples(samples).withHorizon(horizon).withThreads(t).withSeed(3);
        planner = new MppiPlanner(m, cfg, CriticSet.defaults(CriticParams.defaults()));
        // Inside the obstacle field, moving forward at 1.5 m/s along the guide.
        double sx = world.start().x();
        double sy = world.start().y() + 2.5;
        GuidePath guide = new GuidePlanner(world.grid(), Footprint.JACKAL, 0.05).plan(sx, sy, world.goalX(), world.goalY());
        double[] state = {sx, sy, world.start().theta(), 1.5, 0.0};
        double[] s = m.stateDim() == 3 ? new double[] {sx, sy, world.start().theta()} : state;
        request = new PlanRequest(0.0, s, MapObstacleField.of(world), world.goalX(), world.goalY(),
                world.goalTolerance(), guide);
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
