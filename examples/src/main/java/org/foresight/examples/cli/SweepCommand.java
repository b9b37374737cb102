package org.foresight.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.foresight.dynamics.log.AtomicFiles;
import org.foresight.examples.campaign.BenchCharts;
import org.foresight.examples.campaign.SweepGrid;
import org.foresight.examples.campaign.SweepRanking;
import org.foresight.examples.campaign.WorldRef;
import org.foresight.mpc.config.ConfigException;
import org.foresight.mpc.config.PlannerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code foresight sweep}: planner tuning over worlds × seeds. Every configuration of {@code --grid} (a Cartesian
 * grid and/or random samples over {@code --print-config} keys) runs as a bench campaign; the configurations are
 * ranked by success, mean score and collisions, and the best is written as a ready {@code --planner-config} file.
 * The episodes run on this machine ({@code --engine local}) or as Apache Spark tasks ({@code --engine spark}, the
 * engine loaded by name so that this command runs without Spark); both run {@link EpisodeSpec#run}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Tune a planner: run every configuration of --grid GRID.json ({\"planner\": \"mppi\", \"grid\": "
                + "{\"key.path\": [v1, v2]}, \"random\": {\"samples\": N, \"seed\": S, \"ranges\": {\"key.path\": [lo, hi]}}}) "
                + "over --worlds, --models, --perception, --robots and --seeds, as bench does (resumable). Writes "
                + "results.csv (bench's columns, the config column naming the configuration), configs.csv, summary.md "
                + "(the configurations ranked by success, mean score, collisions), success.png and best-config.json "
                + "(for --planner-config); with --engine spark also results.parquet.")
public final class SweepCommand implements Callable<Integer> {
    @Mixin
    CampaignOptions campaign = new CampaignOptions();

    @Mixin
    PlannerOptions plannerOptions = new PlannerOptions();

    @Option(names = "--grid", required = true, paramLabel = "GRID.json", description = "The search space (see above).")
    Path grid;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark",
            description = "Where episodes run: local (this machine, --threads at a time) or spark (Apache Spark, each "
                    + "episode one task; ./foresight adds Spark to the classpath for it). Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: local[N] (N task threads in this JVM), local[*], or spark://HOST:PORT "
                    + "(a standalone cluster). Default: local[*], or spark-submit's --master.")
    String master;

    /** The Spark engine's class, loaded by name: the CLI compiles and runs without Spark. */
    static final String SPARK_ENGINE = "org.foresight.examples.spark.SparkEngine";

    @Override
    public Integer call() throws Exception {
        if (!engine.equals("local") && !engine.equals("spark")) {
            throw new IllegalArgumentException("--engine " + engine + ": expected local or spark");
        }
        if (master != null && !engine.equals("spark")) {
            throw new IllegalArgumentException("--master " + master + ": only with --engine spark");
        }
        if (master != null && !master.matches("local(\\[(\\d+|\\*)(,\\d+)?])?|spark://[^/\\s]+:\\d+(,[^/\\s]+:\\d+)*")) {
            throw new IllegalArgumentException("--master " + master + ": expected local[N], local[*] or spark://HOST:PORT");
        }
        PlannerConfig base = plannerOptions.config();
        SweepGrid g = SweepGrid.read(grid);
        List<CampaignOptions.NamedConfig> configs = new ArrayList<>();
        Map<String, List<String>> assignments = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("config,planner,settings\n");
        PlannerConfig withPlanner;
        try {
            withPlanner = base.withSet("planner=" + g.planner());
        } catch (ConfigException e) {
            throw new IllegalArgumentException("--grid " + grid + ": key planner: unknown planner '" + g.planner()
                    + "' (known: " + String.join(", ", PlannerConfig.PLANNERS) + ")");
        }
        for (int i = 0; i < g.configurations().size(); i++) {
            String id = String.format(Locale.ROOT, "c%03d", i);
            PlannerConfig c = withPlanner;
            for (String a : g.configurations().get(i)) {
                try {
                    c = c.withSet(a);
                } catch (ConfigException e) {
                    throw new IllegalArgumentException("--grid " + grid + ": " + e.getMessage());
                }
            }
            configs.add(new CampaignOptions.NamedConfig(id, c));
            assignments.put(id, g.configurations().get(i));
            csv.append(id).append(',').append(g.planner()).append(",\"")
                    .append(String.join(" ", g.configurations().get(i)).replace("\"", "\"\"")).append("\"\n");
        }
        if (plannerOptions.printConfig) {
            System.out.println(PlannerOptions.json(configs.get(0).config()));
            return 0;
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("planner", g.planner());
        identity.put("configurations", assignments);
        Map<String, Object> tree = new LinkedHashMap<>(base.toTree());
        tree.remove("planner");
        identity.put("planner_config", tree);
        CampaignOptions.Outcome o = campaign.run(configs, "sweep", identity,
                engine.equals("spark") ? () -> sparkEngine(master) : campaign::localEngine);
        Path out = campaign.out;
        if (o.tables().isEmpty() && java.nio.file.Files.exists(out.resolve("results.parquet"))) {
            System.err.println("sweep: note: " + out.resolve("results.parquet") + " holds the rows of the last "
                    + "--engine spark run only; results.csv holds all");
        }
        AtomicFiles.writeText(out.resolve("configs.csv"), w -> w.write(csv.toString()));
        List<SweepRanking.Entry> ranked = SweepRanking.rank(o.rows(), assignments);
        String md = SweepRanking.markdown(ranked, o.conditions());
        AtomicFiles.writeText(out.resolve("summary.md"), w -> w.write(md));
        // The chart's bars in ranking order, best first.
        Map<String, Integer> rankOf = new java.util.HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            rankOf.put(ranked.get(i).id(), i);
        }
        List<org.foresight.examples.campaign.ResultRow> byRank = new ArrayList<>(o.rows());
        byRank.sort(java.util.Comparator.comparingInt(r -> rankOf.getOrDefault(r.config(), Integer.MAX_VALUE)));
        BenchCharts.write(out, byRank, o.worlds().stream().map(WorldRef::name).toList());
        if (!ranked.isEmpty()) {
            String best = ranked.get(0).id();
            PlannerConfig bc = configs.stream().filter(c -> c.id().equals(best)).findFirst().orElseThrow().config();
            AtomicFiles.writeText(out.resolve("best-config.json"), w -> w.write(PlannerOptions.json(bc) + "\n"));
        }
        System.out.print(md);
        StringBuilder written = new StringBuilder("written: " + out.resolve("results.csv"));
        for (Path t : o.tables()) {
            written.append(", ").append(t);
        }
        System.out.println(written + ", " + out.resolve("configs.csv") + ", " + out.resolve("summary.md") + ", "
                + out.resolve("success.png") + ", " + out.resolve("best-config.json"));
        return 0;
    }

    /**
     * Starts the Spark engine by name.
     *
     * @param master {@code --master}, or null.
     * @return the engine.
     * @throws IllegalArgumentException one line when Spark is not on the classpath or cannot start.
     */
    static EpisodeEngine sparkEngine(String master) {
        Class<?> c;
        try {
            c = Class.forName(SPARK_ENGINE);
            Class.forName("org.apache.spark.SparkContext");
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("--engine spark: Apache Spark is not on the classpath; run through "
                    + "./foresight (it adds examples/target/spark.classpath) or spark-submit (see README, sweep)");
        }
        try {
            return (EpisodeEngine) c.getConstructor(String.class, String.class).newInstance(master, "foresight sweep");
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("--engine spark: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("--engine spark: " + e, e);
        }
    }
}
