package org.foresight.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.path.GuidePlanner;
import org.foresight.mpc.perception.MapObstacleField;
import org.foresight.worldmodel.collect.DataCollector;
import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.LogLoader;
import org.foresight.worldmodel.fit.FitOptions;
import org.foresight.worldmodel.fit.MlpConfig;
import org.foresight.worldmodel.fit.ModelFitter;
import org.foresight.worldmodel.io.ModelFile;

/**
 * What the benchmarks build in their {@code @Setup} (never measured): models by name or file, and the
 * planning scene. One place, so every benchmark plans through the same models in the same situation.
 */
final class BenchSetup {
    /** Control period and model step of every benchmark [s] (the planners' default). */
    static final double DT = MppiConfig.defaults().dt();

    /**
     * One-step and rollout sample budget of the benchmarks' MLP (each phase). Far below the default
     * ({@link MlpConfig#defaults()}), so the setup takes seconds; the network's shape (2 × 32 tanh), hence the
     * cost of a step, is the default's.
     */
    static final long MLP_BUDGET = 20_000;

    private BenchSetup() {
    }

    /**
     * A model by name or file:
     * <ul>
     *   <li>{@code unicycle}: the kinematic unicycle (state x, y, θ);</li>
     *   <li>{@code jackal}: the Jackal ground truth (second-order, RK4);</li>
     *   <li>{@code physics}, {@code linear}, {@code sparse}, {@code ensemble}, {@code mlp} (the kinds of
 *       {@link FitOptions#KINDS}): fitted here by {@link #fit};</li>
     *   <li>anything else: a model file (.json) read as {@code ./foresight ... --model FILE.json} reads it
     *       ({@link ModelFile#readFor} at the planners' period).</li>
     * </ul>
     *
     * @param spec the name or path.
     * @return the model.
     * @throws IllegalArgumentException if spec is neither a name nor an existing file.
     */
    static DynamicsModel model(String spec) {
        switch (spec) {
            case "unicycle":
                return new Unicycle();
            case "jackal":
                return new JackalDiffDrive(JackalParams.defaults());
            default:
                if (FitOptions.KINDS.contains(spec)) {
                    return fit(spec);
                }
                Path file = Path.of(spec);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("model '" + spec + "': expected unicycle, jackal, "
                            + String.join(", ", FitOptions.KINDS) + " or an existing model file (.json)");
                }
                return ModelFile.readFor(file, DT);
        }
    }

    /**
     * Fits a learned model of the given kind on 4 simulated Jackal episodes of 30 s (seed 1, the same data
     * every trial) with {@link ModelFitter}, as {@code ./foresight fit} does, with the default options except
     * a small MLP budget ({@link #MLP_BUDGET}); ensembles are 5 sparse members.
     *
     * @param kind one of {@link FitOptions#KINDS}.
     * @return the model.
     */
    static DynamicsModel fit(String kind) {
        DataCollector.Plan plan = new DataCollector.Plan(4, 30.0, 1L, JackalParams.defaults(), DT, 0.005);
        List<Episode> eps = new ArrayList<>();
        for (int i = 0; i < plan.episodes(); i++) {
            eps.add(LogLoader.toEpisode(DataCollector.episode(plan, i), "bench-" + i, DT));
        }
        FitOptions d = FitOptions.defaults(kind);
        FitOptions o = new FitOptions(kind, d.library(), d.lambda(), d.mlp().withBudget(MLP_BUDGET), d.memberKind(),
                d.members());
        return ModelFitter.fit(eps, o, 1L).model();
    }

    /**
     * The planning situation of the planner benchmarks: BARN world {@code index}, 2.5 m past the start inside
     * the obstacle field, heading along the world's start pose at 1.5 m/s, the guide path to the goal, the map's
     * distance field as obstacles.
     *
     * @param index    BARN world index.
     * @param stateDim the model's state dimension: 3 gives the pose only, 5 adds (v, ω) = (1.5 m/s, 0).
     * @return the request at time 0.
     */
    static PlanRequest barnRequest(int index, int stateDim) {
        World world = WorldLoader.loadBarn(index);
        double sx = world.start().x();
        double sy = world.start().y() + 2.5;
        GuidePath guide = new GuidePlanner(world.grid(), Footprint.JACKAL, 0.05).plan(sx, sy, world.goalX(), world.goalY());
        double[] s = stateDim == 3 ? new double[] {sx, sy, world.start().theta()}
                : new double[] {sx, sy, world.start().theta(), 1.5, 0.0};
        return new PlanRequest(0.0, s, MapObstacleField.of(world), world.goalX(), world.goalY(), world.goalTolerance(),
                guide);
    }
}
