package org.foresight.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.foresight.dynamics.log.RunLogWriter;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.dynamics.world.World;
import org.foresight.mpc.Planner;
import org.foresight.mpc.config.PlannerConfig;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.loop.EpisodeConfig;
import org.foresight.mpc.loop.EpisodeRunner;
import org.foresight.mpc.loop.EpisodeSummary;
import org.foresight.mpc.loop.Latency;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.mppi.MppiPlanner;
import org.foresight.viz.FxPlatform;
import org.foresight.viz.LiveView;
import org.foresight.worldmodel.io.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code foresight navigate}: one closed-loop episode, a planner driving the true Jackal through a world
 * while planning through a chosen model, written as a run directory (trajectory, per-cycle plans, the
 * heaviest rollouts, planning times, result.json).
 */
@Command(name = "navigate", mixinStandardHelpOptions = true,
        description = "Run one episode: MPPI plans through --model while the simulated robot (--robot or --plant) " +
                    "drives in --world, planning time charged to the robot (--latency). Writes trajectory.csv, cycles.csv, " +
                    "plans.bin, rollouts.bin and result.json (outcome, time_s, ot_s, score, path_m, plan_ms_p50, " +
                    "plan_ms_p99, latency_ms_p50, latency_ms_p99, overrun_fraction) in --out.")
public final class NavigateCommand implements Callable<Integer> {
    @Mixin
    WorldOptions worldOptions = new WorldOptions();

    @Mixin
    MovingObstacleOptions movingObstacleOptions = new MovingObstacleOptions();

    @Mixin
    PlantOptions plantOptions = new PlantOptions();

    @Mixin
    LatencyOption latencyOption = new LatencyOption();

    @Mixin
    PlannerOptions plannerOptions = new PlannerOptions();

    @Option(names = "--model", defaultValue = "truth", paramLabel = "truth|unicycle|FILE.json|class:NAME",
            description = "Model the planner plans through: truth (the simulated robot without its noise), unicycle, " +
                    "a model file from 'fit', or class:NAME, a DynamicsModel class (see --classpath) with a public " +
                    "no-argument constructor. Default: ${DEFAULT-VALUE}.")
    String model;

    @Mixin
    SensingOptions sensingOptions = new SensingOptions();

    @Mixin
    AdaptOptions adaptOptions = new AdaptOptions();

    @Mixin
    PlantChangeOptions plantChangeOptions = new PlantChangeOptions();

    @Option(names = "--adapt-reference", paramLabel = "FILE.json",
            description = "With --adapt: also record the one-step errors of this model (e.g. one fitted offline to the "
                    + "changed robot) on the same transitions, in adaptation.csv and adaptation.json. Repeatable.")
    java.util.List<String> adaptReferences = new java.util.ArrayList<>();

    @Option(names = "--out", description = "Run directory to write (required unless --print-config).")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the planner noise and the simulator. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--planner-threads", defaultValue = "0",
            description = "Planner worker threads (0 = one per core). Results do not depend on it. Default: ${DEFAULT-VALUE}.")
    int plannerThreads;

    @Option(names = "--timeout", defaultValue = "100", description = "Episode time limit [s]. Default: ${DEFAULT-VALUE}.")
    double timeout;

    @Option(names = "--show", description = "Show the run live in a window (needs a display). When the run is over the "
            + "window says so; the command ends when the window is closed.")
    boolean show;

    @Option(names = "--close-when-done", description = "With --show: close the window on its own 2 s after the run ends.")
    boolean closeWhenDone;

    @Option(names = "--warmup", defaultValue = "30",
            description = "Planning cycles run on the start state and discarded before the episode, so the logged " +
                    "planning times are those of JIT-compiled code (0 = time the cold start too). The episode " +
                    "does not depend on it. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Override
    public Integer call() throws Exception {
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0 planning cycles, got " + warmup);
        }
        if (!(timeout > 0) || !Double.isFinite(timeout)) {
            throw new IllegalArgumentException("--timeout must be a finite number of seconds > 0, got " + timeout);
        }
        PlannerConfig pc = plannerOptions.config();
        if (plannerOptions.printConfig) {
            System.out.println(PlannerOptions.json(pc));
            return 0;
        }
        if (out == null) {
            throw new IllegalArgumentException("missing required option --out (see `foresight navigate --help`)");
        }
        Models.checkPlannerSize(pc.mppi().samples(), pc.mppi().horizon(), plannerThreads);
        if (closeWhenDone && !show) {
            throw new IllegalArgumentException("--close-when-done applies to --show");
        }
        World world = movingObstacleOptions.apply(worldOptions.load(), seed);
        Latency latency = latencyOption.latency();
        DynamicsModel plant = plantOptions.plant();
        var changes = PlantChangeOptions.parse(plantChangeOptions.changes, plantOptions, timeout);
        String modelItem = adaptOptions.item(model);
        var adaptConfig = adaptOptions.config();
        if (!adaptReferences.isEmpty() && !modelItem.endsWith(AdaptOptions.SUFFIX)) {
            throw new IllegalArgumentException("--adapt-reference applies with --adapt");
        }
        java.util.List<DynamicsModel> refs = new java.util.ArrayList<>();
        for (String r : adaptReferences) {
            refs.add(Models.load(r, plantOptions));
        }
        EpisodeModel em = EpisodeModel.build(modelItem, plantOptions, adaptConfig, changes,
                modelItem.endsWith(AdaptOptions.SUFFIX), refs);
        DynamicsModel m = em.model();
        int threads = plannerThreads > 0 ? plannerThreads : Runtime.getRuntime().availableProcessors();
        EpisodeConfig cfg = EpisodeConfig.defaults(seed);
        cfg = cfg.withSim(cfg.sim().withTimeout(timeout)).withWarmupCycles(warmup).withPlant(plant).withLatency(latency);
        cfg = sensingOptions.apply(cfg, "oracle");
        cfg = PlannerOptions.loopFor(pc, cfg);
        OutputPaths.directory("--out", out);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("command", "navigate");
        meta.put("world", worldOptions.spec());
        meta.put("t0_s", world.startTime());
        meta.put("moving_obstacles", movingObstacleOptions.label());
        meta.put("planner", pc.planner());
        meta.put("model", model);
        meta.put("model_description", m.describe());
        meta.put("protocol", sensingOptions.protocol("oracle"));
        meta.put("sensing", cfg.sensing().label());
        meta.put("lidar", cfg.sim().lidar() == null ? "none" : cfg.sim().lidar().toString());
        meta.put("odometry", cfg.sim().odometry() == null ? "none" : cfg.sim().odometry().toString());
        if (cfg.sensing().needsLidar()) {
            meta.put("tracker", cfg.sensing().tracker().toString());
            meta.put("moving_filter", cfg.sensing().movingFilter().toString());
        }
        meta.put("latency", latency.label());
        meta.put("plant", plantOptions.describe());
        meta.put("plant_changes", PlantChangeOptions.describe(changes));
        meta.put("adapt", em.adapter() == null ? "off" : "rls, forgetting " + adaptConfig.forgetting()
                + ", settled " + adaptConfig.settledForgetting() + ", detect " + adaptConfig.detectThreshold());
        meta.put("adapt_references", adaptReferences);
        meta.put("seed", seed);
        meta.put("warmup_cycles", warmup);
        meta.put("planner_config", pc.toTree());
        LiveView view = null;
        EpisodeSummary s;
        try (Planner p = PlannerOptions.build(pc, m, threads, seed);
             RunLogWriter log = RunLogWriter.create(out, world, cfg.footprint(), cfg.sim().lidar(),
                     cfg.sim().lidarOffset(), meta)) {
            EpisodeRunner runner = new EpisodeRunner(world, p, cfg).updateModel(em.update())
                    .changePlant(PlantChangeOptions.plantChanges(changes));
            if (show) {
                view = Live.open(world, cfg);
            }
            try (me.tongfei.progressbar.ProgressBar bar = Progress.bar("navigate " + world.name(), 100)) {
                runner.onCycle(progressTo(bar, world, view));
                s = runner.run(log);
                bar.stepTo(100);
            }
            if (view != null) {
                Live.finish(view, s, closeWhenDone);
            }
        }
        if (em.trace() != null) {
            writeTrace(em, changes, out);
        }
        var r = s.result();
        System.out.printf(java.util.Locale.ROOT, "%s: %s in %.2f s (AT %.2f s, OT %.2f s, score %.3f, path %.2f m), "
                        + "planning p50 %.2f ms, p99 %.2f ms, latency %s, overrun fraction %.3f, %s (perception p50 %.2f ms, "
                        + "p99 %.2f ms), %d stop cycles; run written to %s%n",
                world.name(), r.outcome().jsonName(), r.simTime(), r.time(), r.optimalTime(), r.score(), r.pathLength(),
                s.planMsQuantile(0.5), s.planMsQuantile(0.99), latency.label(), s.overrunFraction(), s.sensing(),
                s.perceptionMsQuantile(0.5), s.perceptionMsQuantile(0.99), s.stopCycles(), out);
        if (view != null) {
            Live.await(view);
        }
        return 0;
    }

    /** Writes adaptation.csv and adaptation.json (RMS one-step errors in 0.5 s bins after the first change, or t = 0). */
    private static void writeTrace(EpisodeModel em, java.util.List<PlantChangeOptions.Parsed> changes, Path out)
            throws java.io.IOException {
        double from = changes.isEmpty() ? 0.0 : changes.get(0).time();
        em.trace().write(out.resolve("adaptation.csv"));
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("models", em.trace().names());
        j.put("adapter_state", em.adapter().state());
        j.put("bins_from_s", from);
        j.put("bins", em.trace().bins(from, 12));
        org.foresight.dynamics.log.AtomicFiles.writeText(out.resolve("adaptation.json"), w -> w.write(
                new com.fasterxml.jackson.databind.ObjectMapper().enable(
                        com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(j) + "\n"));
        System.out.println("adaptation: " + em.adapter().state() + "; one-step errors in " + out.resolve("adaptation.csv"));
    }

    /**
     * Shows the episode's progress: the share of the start-to-goal distance covered so far (the best yet) and
     * the simulated time; passes every cycle on to the live view when there is one.
     */
    private static java.util.function.Consumer<org.foresight.dynamics.log.CycleRecord> progressTo(
            me.tongfei.progressbar.ProgressBar bar, World world, LiveView view) {
        double d0 = Math.max(1e-9, Math.hypot(world.start().x() - world.goalX(), world.start().y() - world.goalY()));
        long[] best = {0};
        return rec -> {
            double d = Math.hypot(rec.state()[0] - world.goalX(), rec.state()[1] - world.goalY());
            long pct = Math.max(best[0], Math.min(99, Math.round(100 * (1 - d / d0))));
            best[0] = pct;
            bar.stepTo(pct);
            bar.setExtraMessage(String.format(java.util.Locale.ROOT, "t %.1f s", rec.t()));
            if (view != null) {
                view.cycle(rec);
            }
        };
    }

    /** Builds models and planners from command-line names; shared with {@link BenchCommand}. */
    static final class Models {
        private Models() {
        }

        /**
         * @param spec  truth | unicycle | FILE.json | class:NAME.
         * @param plant the simulated robot (truth is its noise-free twin) and the user classes.
         * @return the model.
         * @throws IllegalArgumentException naming the option on a bad spec.
         */
        static DynamicsModel load(String spec, PlantOptions plant) {
            if (spec.equals("truth")) {
                return plant.truth();
            }
            if (spec.equals("unicycle")) {
                return new Unicycle();
            }
            if (spec.startsWith("class:")) {
                String name = spec.substring("class:".length());
                DynamicsModel dm = plant.classes().instantiate("--model " + spec, name, DynamicsModel.class);
                checkModel("--model " + spec, dm);
                return dm;
            }
            Path file = Path.of(spec);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--model " + spec
                        + ": expected truth, unicycle, class:NAME or an existing model file (.json)");
            }
            return ModelFile.readFor(file, MppiConfig.defaults().dt());
        }

        /** Bytes the rollout batch holds per sample and step: 7 channels, noise and scratch, 8 bytes each. */
        static final long BYTES_PER_SAMPLE_STEP = 12 * 8;

        /**
         * Range-checks the planner's size against the horizon the loop can log and against the Java heap.
         *
         * @throws IllegalArgumentException naming the option and the limit.
         */
        static void checkPlannerSize(int samples, int horizon, int threads) {
            if (samples < 1) {
                throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
            }
            if (horizon < 2 || horizon > EpisodeRunner.MAX_HORIZON) {
                throw new IllegalArgumentException("--horizon must be in [2, " + EpisodeRunner.MAX_HORIZON
                        + "] steps of 50 ms, got " + horizon);
            }
            if (threads < 0) {
                throw new IllegalArgumentException("--planner-threads must be >= 0 (0 = one per core), got " + threads);
            }
            long heap = Runtime.getRuntime().maxMemory();
            long need = (long) samples * (horizon + 1) * BYTES_PER_SAMPLE_STEP;
            if (need > heap / 2) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "--samples %d x --horizon %d needs about %d MiB of rollout buffers, more than half of the %d MiB "
                                + "Java heap; ask for fewer, or raise the heap with FORESIGHT_JAVA_OPTS=-Xmx8g",
                        samples, horizon, need >> 20, heap >> 20));
            }
        }

        /** Checks that a user's model can be planned through: x, y, θ first, two controls, named entries. */
        static void checkModel(String option, DynamicsModel dm) {
            int n;
            int m;
            try {
                n = dm.stateDim();
                m = dm.controlDim();
                if (dm.stateNames() == null || dm.stateNames().size() != n
                        || dm.controlNames() == null || dm.controlNames().size() != m) {
                    throw new IllegalArgumentException(option + ": stateNames()/controlNames() do not match stateDim() "
                            + n + "/controlDim() " + m);
                }
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(option + ": the model failed to describe itself: " + e);
            }
            if (n < 3) {
                throw new IllegalArgumentException(option + ": state dimension " + n + " < 3 (x, y, theta come first)");
            }
            if (m != 2) {
                throw new IllegalArgumentException(option + ": control dimension " + m + ", expected 2 (cmd_v, cmd_omega)");
            }
        }
    }

    /** The optional live window ({@code --show}): the same view as {@code replay}, fed cycle by cycle. */
    static final class Live {
        private Live() {
        }

        static LiveView open(World world, EpisodeConfig cfg) {
            if (!FxPlatform.displayAvailable()) {
                System.err.println("navigate: --show ignored: no display (DISPLAY is not set); replay the run with --png instead");
                return null;
            }
            return LiveView.open(world, cfg.footprint(), cfg.sim().lidar(), "foresight navigate: " + world.name());
        }

        static void finish(LiveView view, EpisodeSummary s, boolean closeWhenDone) {
            view.finish(s.result().outcome().jsonName());
            if (closeWhenDone) {
                view.closeAfter(java.time.Duration.ofSeconds(2));
            }
        }

        static void await(LiveView view) {
            try {
                view.awaitClosed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                view.close();
            }
        }
    }
}
