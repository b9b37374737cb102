package org.foresight.examples.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.critic.Critic;
import org.foresight.mpc.critic.CriticContext;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.mppi.MppiPlanner;
import org.foresight.mpc.mppi.PlanStart;
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
 * Question: what does each critic cost to score a whole 2000 × 56 rollout batch on one thread, and which
 * critics dominate the scoring share of an MPPI iteration?
 *
 * <p>Setup: one real batch, the same for every critic: an MPPI planner over the unicycle (2000 × 56, default
 * critics, one thread, seed 3) plans three cycles in BARN world 0 ({@link BenchSetup#barnRequest}) and its last
 * batch is kept; the critics' context is filled as the planner filled it for that batch. The critic is built by
 * name with {@link CriticSet#create} from {@link CriticParams#defaults()} and prepared once. One change to the
 * defaults: the goal critic's activation distance is raised from 2 m to 1000 m, because the scene's start is
 * farther than 2 m from the goal, where the goal critic would return at once.
 *
 * <p>One call zeroes the costs (2000 doubles, part of the payload) and scores the batch block by block, as the
 * planner's workers do; {@code all} scores every default critic in order through {@link CriticSet#score}: compare
 * it with the sum of the single critics, and with {@link MppiIterationBenchmark}. {@code -prof gc} should show
 * ≈ 0 B/op.
 *
 * <pre>./foresight jmh CriticBenchmark -prof gc
 * ./foresight jmh CriticBenchmark -p critic=obstacle,all</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"}) // the planner's SIMD kernels
public class CriticBenchmark {
    /** Goal critic activation distance [m]: beyond any BARN world, so the goal critic always scores. */
    private static final double GOAL_ACTIVATION = 1000.0;

    /** A name of {@link CriticParams#DEFAULT_CRITICS}, or {@code all} for the whole default set. */
    @Param({"obstacle", "goal", "path_follow", "path_align", "control_effort", "control_rate", "prefer_forward",
            "speed", "all"})
    public String critic;

    /** Samples K of the batch. */
    @Param({"2000"})
    public int samples;

    /** Horizon T of the batch [steps]. */
    @Param({"56"})
    public int horizon;

    private RolloutBuffers batch;
    private CriticContext context;
    private Critic one;
    private CriticSet set;
    private double[] costs;

    /** Fills the batch with an MPPI planner's rollouts, then builds and prepares the critic. */
    @Setup(Level.Trial)
    public void setup() {
        MppiConfig cfg = MppiConfig.defaults().withSamples(samples).withHorizon(horizon).withThreads(1).withSeed(3);
        PlanRequest request = BenchSetup.barnRequest(0, 3);
        try (MppiPlanner planner = new MppiPlanner(BenchSetup.model("unicycle"), cfg,
                CriticSet.defaults(CriticParams.defaults()))) {
            Plan out = new Plan(horizon, 0);
            double lastV = 0;
            double lastW = 0;
            for (int i = 0; i < 3; i++) {
                lastV = out.command[ControlIndex.V]; // the command the planner starts this cycle from
                lastW = out.command[ControlIndex.OMEGA];
                planner.plan(request, out);
            }
            batch = planner.buffers();
            context = new CriticContext(); // as the planner filled it for the batch it kept
            PlanStart.context(context, request, lastV, lastW, cfg.dt(), cfg.horizon());
        }
        costs = new double[samples];
        CriticParams params = goalAlwaysActive(CriticParams.defaults());
        if (critic.equals("all")) {
            set = CriticSet.defaults(params);
            set.prepare(context);
        } else {
            one = CriticSet.create(critic, params);
            one.prepare(context);
        }
    }

    /** The parameters with the goal critic's activation distance raised to {@value #GOAL_ACTIVATION} m. */
    private static CriticParams goalAlwaysActive(CriticParams p) {
        return new CriticParams(p.goalWeight(), GOAL_ACTIVATION, p.pathFollowWeight(), p.pathAlignWeight(),
                p.pathAlignCap(), p.collisionCost(), p.obstacleWeight(), p.obstacleMargin(), p.collisionPad(),
                p.footprintLength(), p.footprintWidth(), p.footprintCircles(), p.effortWeightV(), p.effortWeightOmega(),
                p.rateWeightV(), p.rateWeightOmega(), p.preferForwardWeight(), p.speedWeight(), p.speedTarget(),
                p.dynamicObstacle(), p.spread());
    }

    /** @return the first and last samples' costs: the batch scored by the critic (or all of them). */
    @Benchmark
    public double score() {
        final double[] c = costs;
        Arrays.fill(c, 0.0);
        if (set != null) {
            set.score(context, batch, 0, samples, c);
        } else {
            final int B = RolloutBuffers.BLOCK;
            for (int k0 = 0; k0 < samples; k0 += B) {
                one.score(context, batch, k0, Math.min(samples, k0 + B), c);
            }
        }
        return c[0] + c[samples - 1];
    }
}
