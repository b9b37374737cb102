package org.foresight.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.foresight.dynamics.log.RunLogWriter;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.world.World;
import org.foresight.examples.campaign.EpisodeKey;
import org.foresight.examples.campaign.ResultRow;
import org.foresight.examples.campaign.WorldSpecs;
import org.foresight.mpc.Planner;
import org.foresight.mpc.config.PlannerConfig;
import org.foresight.mpc.loop.EpisodeConfig;
import org.foresight.mpc.loop.EpisodeRunner;
import org.foresight.mpc.loop.EpisodeSummary;
import org.foresight.mpc.loop.Latency;

/**
 * One episode of a campaign ({@code bench}, {@code sweep}) as small serialisable values: its identity, the
 * planner configuration as JSON and the option values as given. {@link #run} builds the world, the model, the
 * plant and the planner from them in whatever JVM it runs in (a worker thread of the local engine, or a Spark
 * executor), so both engines run exactly the same code on exactly the same inputs.
 *
 * @param key           the episode's identity (the row's first seven columns).
 * @param worldOrdinal  the world's BARN index, else its position in {@code --worlds}; part of the episode's seed.
 * @param plannerConfig the planner configuration as JSON ({@link PlannerConfig#toTree()}).
 * @param plant         the robot options.
 * @param sensing       the sensing options.
 * @param latency       {@code --latency} as given.
 * @param baseSeed      {@code --seed}.
 * @param command       "bench" or "sweep", for {@code meta.json}.
 * @param runsDir       where {@code --keep-runs} writes run directories (a path the task can reach), or null.
 * @param clutter       {@code --moving-obstacles} and its options.
 * @param plantChanges  {@code --plant-change} values as given (may be empty).
 * @param adaptForgetting {@code --adapt-forgetting} (used by a model item ending in {@code +adapt}).
 * @param adaptSettledForgetting {@code --adapt-settled-forgetting} (likewise).
 * @param adaptDetect   {@code --adapt-detect} (likewise).
 * @param t0            {@code --t0} [s]: the world's clock runs this long before the robot starts, ≥ 0.
 */
public record EpisodeSpec(EpisodeKey key, int worldOrdinal, String plannerConfig, Plant plant, Sensing sensing,
                          String latency, long baseSeed, String command, String runsDir, Clutter clutter,
                          java.util.ArrayList<String> plantChanges, double adaptForgetting,
                          double adaptSettledForgetting, double adaptDetect, double t0)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** User classes per class path, so that a JVM running thousands of episodes loads them once. */
    private static final Map<String, UserClasses> CLASSES = new ConcurrentHashMap<>();

    /**
     * {@link PlantOptions} as given: {@code --robot} (or a {@code --robots} item), {@code --plant}, {@code --classpath}.
     *
     * @param robot     preset and/or overrides, or null.
     * @param plant     {@code class:NAME}, or null.
     * @param classpath extra class folders and jars, or null.
     */
    public record Plant(String robot, String plant, String classpath) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Plant of(PlantOptions o) {
            return new Plant(o.robotSpec(), o.plantSpec(), o.classpathSpec());
        }

        PlantOptions options() {
            UserClasses c = CLASSES.computeIfAbsent(classpath == null ? "" : classpath, UserClasses::of);
            return PlantOptions.of(robot, plant, classpath, c);
        }
    }

    /**
     * {@link MovingObstacleOptions} as given: moving discs added to every world.
     *
     * @param count  {@code --moving-obstacles}, ≥ 0.
     * @param radius {@code --obstacle-radius} [m].
     * @param speed  {@code --obstacle-speed} MIN,MAX [m/s], or null for the default.
     */
    public record Clutter(int count, double radius, java.util.ArrayList<Double> speed) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** No added discs. */
        public static final Clutter NONE = new Clutter(0, org.foresight.dynamics.world.MovingObstacle.RANDOM_RADIUS, null);

        static Clutter of(MovingObstacleOptions o) {
            return new Clutter(o.count, o.radius, o.speed == null ? null : new java.util.ArrayList<>(o.speed));
        }

        MovingObstacleOptions options() {
            MovingObstacleOptions o = new MovingObstacleOptions();
            o.count = count;
            o.radius = radius;
            o.speed = speed;
            return o;
        }
    }

    /**
     * {@link SensingOptions} as given.
     *
     * @param protocol     barn or oracle, or null.
     * @param perception   map or lidar, or null (the protocol's).
     * @param localization truth or odometry, or null.
     * @param lidar        {@code --lidar} KEY=VAL, in order.
     * @param odometry     {@code --odometry} KEY=VAL, in order.
     * @param tracker      {@code --tracker} KEY=VAL, in order.
     * @param movingFilter {@code --moving-filter} KEY=VAL, in order.
     */
    public record Sensing(String protocol, String perception, String localization, LinkedHashMap<String, String> lidar,
                          LinkedHashMap<String, String> odometry, LinkedHashMap<String, String> tracker,
                          LinkedHashMap<String, String> movingFilter) implements Serializable {
        private static final long serialVersionUID = 2L;

        static Sensing of(SensingOptions o) {
            return new Sensing(o.protocol, o.perception, o.localization, new LinkedHashMap<>(o.lidar),
                    new LinkedHashMap<>(o.odometry), new LinkedHashMap<>(o.tracker), new LinkedHashMap<>(o.movingFilter));
        }

        SensingOptions options() {
            SensingOptions o = new SensingOptions();
            o.protocol = protocol;
            o.perception = perception;
            o.localization = localization;
            o.lidar = new LinkedHashMap<>(lidar);
            o.odometry = new LinkedHashMap<>(odometry);
            o.tracker = new LinkedHashMap<>(tracker);
            o.movingFilter = new LinkedHashMap<>(movingFilter);
            return o;
        }
    }

    /**
     * @param c the configuration.
     * @return it as the JSON an episode spec carries.
     */
    static String json(PlannerConfig c) {
        try {
            return JSON.writeValueAsString(c.toTree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the planner configuration, parsed back from its JSON (bit-identical: Jackson round-trips doubles). */
    PlannerConfig config() {
        try {
            Map<String, Object> tree = JSON.readValue(plannerConfig, new TypeReference<LinkedHashMap<String, Object>>() { });
            return PlannerConfig.defaults().withOverrides(tree, "");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a planner configuration that does not parse back: " + e.getMessage(), e);
        }
    }

    /**
     * Runs one episode: loads the world and the model, builds the plant and the planner, drives to the goal.
     *
     * @param spec           the episode.
     * @param plannerThreads worker threads of the planner (results do not depend on it).
     * @return its row.
     */
    public static ResultRow run(EpisodeSpec spec, int plannerThreads) {
        EpisodeKey k = spec.key();
        long episodeSeed = spec.baseSeed() + spec.worldOrdinal() + 1000L * k.seed();
        // As navigate: the clock offset first, then the added clutter.
        World w = spec.clutter().options().apply(
                WorldOptions.atT0(WorldSpecs.byName(k.world()).loader().get(), spec.t0()), episodeSeed);
        PlantOptions plant = spec.plant().options();
        PlannerConfig config = spec.config();
        Latency latency = Latency.parse(spec.latency());
        EpisodeConfig cfg = spec.sensing().options().apply(
                EpisodeConfig.defaults(episodeSeed).withPlant(plant.plant()).withLatency(latency), "barn");
        cfg = PlannerOptions.loopFor(config, cfg);
        var changes = PlantChangeOptions.parse(spec.plantChanges(), plant, cfg.sim().timeout());
        EpisodeModel em = EpisodeModel.build(k.model(), plant, AdaptOptions.config(spec.adaptForgetting(),
                spec.adaptSettledForgetting(), spec.adaptDetect()), changes,
                false, java.util.List.of());
        DynamicsModel m = em.model();
        EpisodeSummary s;
        try (Planner p = PlannerOptions.build(config, m, plannerThreads, episodeSeed)) {
            EpisodeRunner runner = new EpisodeRunner(w, p, cfg).updateModel(em.update())
                    .changePlant(PlantChangeOptions.plantChanges(changes));
            if (spec.runsDir() != null) {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("command", spec.command());
                meta.put("world", k.world());
                meta.put("planner", k.planner());
                meta.put("config_id", k.config());
                meta.put("planner_config", config.toTree());
                meta.put("model", k.model());
                meta.put("seed", episodeSeed);
                meta.put("latency", latency.label());
                meta.put("sensing", cfg.sensing().label());
                if (cfg.sensing().needsLidar()) {
                    meta.put("tracker", cfg.sensing().tracker().toString());
                    meta.put("moving_filter", cfg.sensing().movingFilter().toString());
                }
                meta.put("plant", plant.describe());
                meta.put("plant_changes", PlantChangeOptions.describe(changes));
                meta.put("moving_obstacles", spec.clutter().options().label());
                meta.put("t0_s", spec.t0());
                String dir = String.format(Locale.ROOT, "%s_%s_%s_%s_%s_%s_s%d", k.world(), k.planner(), k.config(),
                        k.model(), k.perception(), k.robot(), k.seed()).replaceAll("[^A-Za-z0-9._=-]+", "_");
                try (RunLogWriter log = RunLogWriter.create(Path.of(spec.runsDir()).resolve(dir), w, cfg.footprint(),
                        cfg.sim().lidar(), cfg.sim().lidarOffset(), meta)) {
                    s = runner.run(log);
                }
            } else {
                s = runner.run(null);
            }
        }
        var e = s.result();
        String[] sensing = s.sensing().split("\\+");
        return new ResultRow(k.world(), k.planner(), k.config(), k.model(), k.perception(), k.robot(), k.seed(),
                sensing.length > 1 ? sensing[1] : "truth", s.latency(), e.outcome().jsonName(), e.time(),
                e.optimalTime(), e.score(), e.pathLength(), s.planMsQuantile(0.5), s.planMsQuantile(0.99),
                s.overrunFraction(), s.minClearance(), s.perceptionMsQuantile(0.5), s.perceptionMsQuantile(0.99),
                s.stopCycles(), e.collisionWith());
    }
}
