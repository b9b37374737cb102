package org.foresight.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import org.foresight.dynamics.log.RunLogWriter;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.world.World;
import org.foresight.examples.campaign.EpisodeKey;
import org.foresight.examples.campaign.ResultRow;
import org.foresight.examples.campaign.ResultStore;
import org.foresight.examples.campaign.WorldRef;
import org.foresight.examples.campaign.WorldSpecs;
import org.foresight.mpc.Planner;
import org.foresight.mpc.config.PlannerConfig;
import org.foresight.mpc.loop.EpisodeConfig;
import org.foresight.mpc.loop.EpisodeRunner;
import org.foresight.mpc.loop.EpisodeSummary;
import org.foresight.mpc.loop.Latency;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code bench} and {@code sweep} share, as a picocli {@code @Mixin}: the worlds, models, perceptions,
 * robots and seeds of a campaign, how it runs (threads, latency, sensing) and where its rows go; and the running
 * itself: every (configuration, world, model, perception, robot, seed) as one episode, in parallel, each finished
 * row appended to a crash-safe {@link ResultStore}, skipping what a previous run of the same command finished.
 */
public final class CampaignOptions {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    PlantOptions plantOptions = new PlantOptions();

    @Mixin
    LatencyOption latencyOption = new LatencyOption();

    @Mixin
    SensingOptions sensingOptions = new SensingOptions();

    @Option(names = "--worlds", defaultValue = "barn:all", paramLabel = "LIST",
            description = "Comma-separated: barn:all, barn:test (the challenge's 50 test worlds 0, 6, ..., 294), "
                    + "barn:A-B[:STEP], barn:N (bare N, A-B also mean BARN worlds), a folder of BARN-format .txt worlds "
                    + "(reference paths from its paths/ folder when present), a world file, or a map_server .yaml "
                    + "holding 'start: [x, y, theta]' and 'goal: [x, y]' lines. Default: ${DEFAULT-VALUE}.")
    String worlds;

    @Option(names = {"--models", "--model"}, split = ",", paramLabel = "LIST",
            description = "Models planned through: truth, unicycle, FILE.json, class:NAME (comma-separated). "
                    + "Default: truth.")
    List<String> models;

    @Option(names = "--robots", paramLabel = "LIST",
            description = "Plants to drive, comma-separated: presets, presets with KEY=VAL overrides (an item with '=' "
                    + "belongs to the one before it), or class:NAME (default: --robot / --plant, or default).")
    String robots;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N",
            description = "Seeds per episode (noise, odometry, sampling): replicates 0..N-1. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--out", description = "Output directory (required unless --print-config).")
    Path out;

    @Option(names = "--force", description = "Replace the results of a different campaign already in --out.")
    boolean force;

    @Option(names = "--threads", defaultValue = "0",
            description = "Episodes run in parallel (0 = one per core); each planner then uses one thread. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--seed", defaultValue = "0",
            description = "Base seed: the episode of world i (BARN index, else its position) and replicate s uses "
                    + "seed + i + 1000 s. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--keep-runs", description = "Also write every episode's run directory under --out/runs/.")
    boolean keepRuns;

    /** A planner configuration in a campaign: its id ({@code -} in a bench) and the configuration. */
    record NamedConfig(String id, PlannerConfig config) {
    }

    /** One episode to run: its identity and how to build it. */
    private record Job(EpisodeKey key, WorldRef world, int worldOrdinal, PlannerConfig config, PlantOptions plant,
                       SensingOptions sensing) {
    }

    /** What a finished campaign leaves for its summary. */
    record Outcome(List<ResultRow> rows, List<WorldRef> worlds, String conditions) {
    }

    /**
     * Checks every option and list (before any episode starts), opens the store, runs what is not yet done.
     *
     * @param configs  the planner configurations.
     * @param command  "bench" or "sweep", for messages and run metadata.
     * @param identity extra entries of {@code campaign.json} that make two campaigns different (e.g. the grid).
     * @return the rows of all finished episodes, in campaign order, and the conditions line.
     * @throws Exception an episode's failure.
     */
    Outcome run(List<NamedConfig> configs, String command, Map<String, Object> identity) throws Exception {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0 (0 = one per core), got " + threads);
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        }
        if (out == null) {
            throw new IllegalArgumentException("missing required option --out (see `foresight " + command + " --help`)");
        }
        List<WorldRef> worldList = WorldSpecs.parse(worlds);
        List<String> modelList = models == null ? List.of("truth") : clean("--models", models);
        List<String> robotList = robots == null ? List.of(plantOptions.label()) : robotItems(robots);
        List<String> perceptionList = sensingOptions.perception == null ? Arrays.asList((String) null)
                : clean("--perception", List.of(sensingOptions.perception.split(",")));
        Latency latency = latencyOption.latency();
        Map<String, PlantOptions> plants = new LinkedHashMap<>();
        for (String r : robotList) {
            PlantOptions po = robots == null ? plantOptions : plantOptions.forRobot(r);
            po.validate();
            plants.put(r, po);
            for (String m : modelList) {
                NavigateCommand.Models.load(m, po);
            }
        }
        Map<String, SensingOptions> sensings = new LinkedHashMap<>();
        for (String p : perceptionList) {
            SensingOptions so = p == null ? sensingOptions : sensingOptions.withPerception(p);
            so.apply(EpisodeConfig.defaults(0), "barn");
            sensings.put(so.sensing("barn").perception().name().toLowerCase(Locale.ROOT), so);
        }
        OutputPaths.directory("--out", out);

        List<Job> jobs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            for (int wi = 0; wi < worldList.size(); wi++) {
                WorldRef w = worldList.get(wi);
                for (NamedConfig c : configs) {
                    for (String m : modelList) {
                        for (Map.Entry<String, SensingOptions> se : sensings.entrySet()) {
                            for (Map.Entry<String, PlantOptions> pl : plants.entrySet()) {
                                jobs.add(new Job(new EpisodeKey(w.name(), c.config().planner(), c.id(), m, se.getKey(),
                                        pl.getKey(), s), w, w.barnIndex() >= 0 ? w.barnIndex() : wi, c.config(),
                                        pl.getValue(), se.getValue()));
                            }
                        }
                    }
                }
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("command", command);
        c.put("worlds", worldList.stream().map(WorldRef::name).toList());
        c.putAll(identity);
        c.put("models", modelList);
        c.put("perceptions", List.copyOf(sensings.keySet()));
        c.put("robots", List.copyOf(plants.keySet()));
        c.put("seeds", seeds);
        c.put("seed", seed);
        c.put("latency", latency.label());
        c.put("protocol", sensingOptions.protocol("barn"));
        c.put("localization", sensingOptions.localization);
        c.put("lidar", sensingOptions.lidar);
        c.put("odometry", sensingOptions.odometry);
        String campaign = JSON.writeValueAsString(c) + "\n";
        try (ResultStore store = ResultStore.open(out, campaign, force)) {
            List<Job> todo = jobs.stream().filter(j -> !store.isDone(j.key())).toList();
            if (todo.size() < jobs.size()) {
                System.err.printf(Locale.ROOT, "%s: resuming, %d of %d episodes already in %s%n", command,
                        jobs.size() - todo.size(), jobs.size(), out.resolve(ResultStore.RESULTS));
            }
            execute(todo, store, latency, command);
            Map<EpisodeKey, Integer> order = new HashMap<>();
            for (int i = 0; i < jobs.size(); i++) {
                order.put(jobs.get(i).key(), i);
            }
            // Campaign order (seed, world, configuration, model, perception, robot), not finishing order.
            List<ResultRow> rows = new ArrayList<>(store.rows());
            rows.sort(Comparator.comparingInt(r -> order.getOrDefault(r.key(), Integer.MAX_VALUE)));
            TreeSet<String> labels = new TreeSet<>();
            for (SensingOptions o : sensings.values()) {
                labels.add(o.sensing("barn").label());
            }
            String conditions = String.format(Locale.ROOT, "Conditions: sensing %s; latency %s; %d seed(s); %d world(s) "
                            + "(%s); robots %s; %d episodes.", String.join(", ", labels), latency.label(), seeds,
                    worldList.size(), worlds, String.join(", ", plants.keySet()), rows.size());
            return new Outcome(rows, worldList, conditions);
        }
    }

    private void execute(List<Job> todo, ResultStore store, Latency latency, String command) throws Exception {
        if (todo.isEmpty()) {
            return;
        }
        int parallel = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        int plannerThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / parallel);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<?>> futures = new ArrayList<>();
        try (ProgressBar pb = Progress.bar(command, todo.size())) {
            for (Job j : todo) {
                futures.add(pool.submit(() -> {
                    ResultRow r = runOne(j, plannerThreads, latency, command);
                    store.append(r);
                    synchronized (pb) {
                        pb.step();
                        pb.setExtraMessage(String.format(Locale.ROOT, "%s %s %s", j.key().world(),
                                j.key().config().equals("-") ? j.key().planner() : j.key().config(), r.outcome()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ResultRow runOne(Job j, int plannerThreads, Latency latency, String command) {
        World w = j.world().loader().get();
        EpisodeKey k = j.key();
        DynamicsModel m = NavigateCommand.Models.load(k.model(), j.plant());
        long episodeSeed = seed + j.worldOrdinal() + 1000L * k.seed();
        EpisodeConfig cfg = j.sensing().apply(
                EpisodeConfig.defaults(episodeSeed).withPlant(j.plant().plant()).withLatency(latency), "barn");
        cfg = cfg.withGuideMargin(PlannerOptions.guideMargin(j.config(), cfg.guideMargin()));
        EpisodeSummary s;
        try (Planner p = PlannerOptions.build(j.config(), m, plannerThreads, episodeSeed)) {
            EpisodeRunner runner = new EpisodeRunner(w, p, cfg);
            if (keepRuns) {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("command", command);
                meta.put("world", k.world());
                meta.put("planner", k.planner());
                meta.put("config_id", k.config());
                meta.put("planner_config", j.config().toTree());
                meta.put("model", k.model());
                meta.put("seed", episodeSeed);
                meta.put("latency", latency.label());
                meta.put("sensing", cfg.sensing().label());
                meta.put("plant", j.plant().describe());
                String dir = String.format(Locale.ROOT, "%s_%s_%s_%s_%s_%s_s%d", k.world(), k.planner(), k.config(),
                        k.model(), k.perception(), k.robot(), k.seed()).replaceAll("[^A-Za-z0-9._=-]+", "_");
                try (RunLogWriter log = RunLogWriter.create(out.resolve("runs").resolve(dir), w, cfg.footprint(),
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
                s.stopCycles());
    }

    static List<String> clean(String option, List<String> items) {
        List<String> out = new ArrayList<>();
        for (String i : items) {
            String t = i.trim();
            if (t.isEmpty()) {
                throw new IllegalArgumentException(option + ": an empty item in the list");
            }
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Splits {@code --robots}: an item holding '=' (a parameter override) belongs to the item before it. */
    static List<String> robotItems(String spec) {
        List<String> out = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String t = raw.trim();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("--robots " + spec + ": an empty item in the list");
            }
            if (t.contains("=") && !out.isEmpty() && !out.get(out.size() - 1).startsWith("class:")) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "," + t);
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
