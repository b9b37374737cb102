package org.foresight.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
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
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import org.foresight.examples.campaign.EpisodeKey;
import org.foresight.examples.campaign.ResultRow;
import org.foresight.examples.campaign.ResultStore;
import org.foresight.examples.campaign.WorldRef;
import org.foresight.examples.campaign.WorldSpecs;
import org.foresight.mpc.config.PlannerConfig;
import org.foresight.mpc.loop.EpisodeConfig;
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

    @Mixin
    MovingObstacleOptions movingObstacleOptions = new MovingObstacleOptions();

    @Mixin
    AdaptOptions adaptOptions = new AdaptOptions();

    @Mixin
    PlantChangeOptions plantChangeOptions = new PlantChangeOptions();

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
            description = "Episodes run in parallel (0 = one per core); each planner then uses one thread. Not used by "
                    + "sweep --engine spark (its master decides). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--seed", defaultValue = "0",
            description = "Base seed: the episode of world i (BARN index, else its position) and replicate s uses "
                    + "seed + i + 1000 s. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--keep-runs", description = "Also write every episode's run directory under --out/runs/.")
    boolean keepRuns;

    @Option(names = "--t0", paramLabel = "SECONDS", defaultValue = "0",
            description = "Start every world's clock this long before the robot [s] (its moving obstacles have moved "
                    + "for t0 when the robot starts; DynaBARN's harness uses several seconds), as navigate's --t0. "
                    + "Default: ${DEFAULT-VALUE}.")
    double t0;

    /** A planner configuration in a campaign: its id ({@code -} in a bench) and the configuration. */
    record NamedConfig(String id, PlannerConfig config) {
    }

    /** What a finished campaign leaves for its summary. */
    record Outcome(List<ResultRow> rows, List<WorldRef> worlds, String conditions, List<Path> tables) {
    }

    /** @return the engine of {@code --threads}: this machine. */
    EpisodeEngine localEngine() {
        return new LocalEngine(threads);
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
        return run(configs, command, identity, this::localEngine);
    }

    /**
     * As {@link #run(List, String, Map)}, on an engine started after every check and before anything is written
     * to {@code --out} (an engine that cannot start leaves nothing behind).
     *
     * @param engine starts the engine.
     */
    Outcome run(List<NamedConfig> configs, String command, Map<String, Object> identity,
                Supplier<EpisodeEngine> engine) throws Exception {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0 (0 = one per core), got " + threads);
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        }
        movingObstacleOptions.validate();
        WorldOptions.checkT0(t0);
        if (out == null) {
            throw new IllegalArgumentException("missing required option --out (see `foresight " + command + " --help`)");
        }
        List<WorldRef> worldList = WorldSpecs.parse(worlds);
        List<String> modelList = (models == null ? List.of("truth") : clean("--models", models)).stream()
                .map(adaptOptions::item).distinct().toList();
        var adaptConfig = adaptOptions.config();
        List<String> robotList = robots == null ? List.of(plantOptions.label()) : robotItems(robots);
        List<String> perceptionList = sensingOptions.perception == null ? Arrays.asList((String) null)
                : clean("--perception", List.of(sensingOptions.perception.split(",")));
        Latency latency = latencyOption.latency();
        Map<String, PlantOptions> plants = new LinkedHashMap<>();
        for (String r : robotList) {
            PlantOptions po = robots == null ? plantOptions : plantOptions.forRobot(r);
            po.validate();
            plants.put(r, po);
            var changes = PlantChangeOptions.parse(plantChangeOptions.changes, po, EpisodeConfig.defaults(0).sim().timeout());
            for (String m : modelList) {
                EpisodeModel.build(m, po, adaptConfig, changes, false, List.of());
            }
        }
        Map<String, SensingOptions> sensings = new LinkedHashMap<>();
        for (String p : perceptionList) {
            SensingOptions so = p == null ? sensingOptions : sensingOptions.withPerception(p);
            so.apply(EpisodeConfig.defaults(0), "barn");
            sensings.put(so.sensing("barn").perception().name().toLowerCase(Locale.ROOT), so);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + ": is a file, not a directory");
        }

        String runsDir = keepRuns ? out.resolve("runs").toAbsolutePath().toString() : null;
        List<EpisodeSpec> jobs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            for (int wi = 0; wi < worldList.size(); wi++) {
                WorldRef w = worldList.get(wi);
                for (NamedConfig c : configs) {
                    String json = EpisodeSpec.json(c.config());
                    for (String m : modelList) {
                        for (Map.Entry<String, SensingOptions> se : sensings.entrySet()) {
                            for (Map.Entry<String, PlantOptions> pl : plants.entrySet()) {
                                jobs.add(new EpisodeSpec(new EpisodeKey(w.name(), c.config().planner(), c.id(), m,
                                        se.getKey(), pl.getKey(), s), w.barnIndex() >= 0 ? w.barnIndex() : wi, json,
                                        EpisodeSpec.Plant.of(pl.getValue()), EpisodeSpec.Sensing.of(se.getValue()),
                                        latencyOption.spec(), seed, command, runsDir,
                                        EpisodeSpec.Clutter.of(movingObstacleOptions), plantChangeOptions.specs(),
                                        adaptOptions.forgetting, adaptOptions.settledForgetting,
                                        adaptOptions.detect, t0));
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
        if (!sensingOptions.tracker.isEmpty()) { // only when given: earlier campaigns keep their identity
            c.put("tracker", sensingOptions.tracker);
        }
        if (!sensingOptions.movingFilter.isEmpty()) {
            c.put("moving_filter", sensingOptions.movingFilter);
        }
        c.put("moving_obstacles", movingObstacleOptions.label());
        if (t0 != 0.0) {
            c.put("t0_s", t0);
        }
        if (plantChangeOptions.any()) {
            c.put("plant_changes", plantChangeOptions.specs());
        }
        if (modelList.stream().anyMatch(m -> m.endsWith(AdaptOptions.SUFFIX))) {
            c.put("adapt_forgetting", adaptConfig.forgetting());
            c.put("adapt_settled_forgetting", adaptConfig.settledForgetting());
            c.put("adapt_detect", adaptConfig.detectThreshold());
        }
        String campaign = JSON.writeValueAsString(c) + "\n";
        // The engine starts before --out is created: one that cannot start (a master out of reach) leaves nothing.
        try (EpisodeEngine eng = engine.get();
             ResultStore store = ResultStore.open(OutputPaths.directory("--out", out), campaign, force)) {
            List<EpisodeSpec> todo = jobs.stream().filter(j -> !store.isDone(j.key())).toList();
            if (todo.size() < jobs.size()) {
                System.err.printf(Locale.ROOT, "%s: resuming, %d of %d episodes already in %s%n", command,
                        jobs.size() - todo.size(), jobs.size(), out.resolve(ResultStore.RESULTS));
            }
            execute(eng, todo, store, command);
            Map<EpisodeKey, Integer> order = new HashMap<>();
            for (int i = 0; i < jobs.size(); i++) {
                order.put(jobs.get(i).key(), i);
            }
            // Campaign order (seed, world, configuration, model, perception, robot), not finishing order.
            List<ResultRow> rows = new ArrayList<>(store.rows());
            rows.sort(Comparator.comparingInt(r -> order.getOrDefault(r.key(), Integer.MAX_VALUE)));
            if (rows.size() == jobs.size()) {
                store.finish(rows); // complete: results.csv in campaign order too
            }
            TreeSet<String> labels = new TreeSet<>();
            for (SensingOptions o : sensings.values()) {
                labels.add(o.sensing("barn").label());
            }
            String tuned = (sensingOptions.tracker.isEmpty() ? "" : " (tracker " + RecordOverrides.format(sensingOptions.tracker) + ")")
                    + (sensingOptions.movingFilter.isEmpty() ? "" : " (moving filter " + RecordOverrides.format(sensingOptions.movingFilter) + ")");
            String conditions = String.format(Locale.ROOT, "Conditions: sensing %s%s; latency %s; %d seed(s); %d world(s) "
                            + "(%s%s); robots %s%s; %d episodes.", String.join(", ", labels), tuned, latency.label(), seeds,
                    worldList.size(), worlds, t0 != 0.0 ? ", t0 " + java.math.BigDecimal.valueOf(t0).stripTrailingZeros().toPlainString() + " s" : "",
                    String.join(", ", plants.keySet()),
                    plantChangeOptions.any() ? " changed at " + String.join("; ", plantChangeOptions.specs()) : "",
                    rows.size());
            return new Outcome(rows, worldList, conditions, eng.writeTables(rows, out));
        }
    }

    private static void execute(EpisodeEngine engine, List<EpisodeSpec> todo, ResultStore store, String command)
            throws Exception {
        if (todo.isEmpty()) {
            return;
        }
        try (ProgressBar pb = Progress.bar(command, todo.size())) {
            engine.run(todo, r -> {
                store.append(r);
                synchronized (pb) {
                    pb.step();
                    pb.setExtraMessage(String.format(Locale.ROOT, "%s %s %s", r.world(),
                            r.config().equals("-") ? r.planner() : r.config(), r.outcome()));
                }
            });
        }
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
