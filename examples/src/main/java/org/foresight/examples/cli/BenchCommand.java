package org.foresight.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import org.foresight.dynamics.log.RunLogWriter;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.foresight.mpc.Planner;
import org.foresight.mpc.loop.EpisodeConfig;
import org.foresight.mpc.loop.EpisodeRunner;
import org.foresight.mpc.loop.EpisodeSummary;
import org.foresight.mpc.config.PlannerConfig;
import org.foresight.mpc.loop.Latency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code foresight bench}: many BARN worlds in parallel with one planner and model, a progress bar, and a
 * table of success, collisions, timeouts, mean BARN score and planning-time percentiles
 * ({@code results.csv} per world, {@code results.md} summary).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run MPPI on many BARN worlds in parallel and tabulate success, collisions, timeouts, score, " +
                    "planning time and overruns, with planning time charged to the robot (--latency) and any robot as " +
                    "the plant (--robot, --plant). Writes results.csv (one row per world) and results.md in --out. " +
                    "Each episode's planner is first warmed up on its start state (30 discarded cycles, as navigate does), " +
                    "so the planning times are those of JIT-compiled code.")
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    PlantOptions plantOptions = new PlantOptions();

    @Mixin
    LatencyOption latencyOption = new LatencyOption();

    @Mixin
    SensingOptions sensingOptions = new SensingOptions();

    @Option(names = "--worlds", defaultValue = "0-299", paramLabel = "SPEC",
            description = "BARN world indices: ranges and lists, e.g. 0-299, 0-29, 3,7,12, 0-299:10 (every 10th). Default: ${DEFAULT-VALUE}.")
    String worlds;

    @Mixin
    PlannerOptions plannerOptions = new PlannerOptions();

    @Option(names = "--model", defaultValue = "truth", paramLabel = "truth|unicycle|FILE.json|class:NAME",
            description = "Model planned through (as for navigate). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--out", description = "Output directory (required unless --print-config).")
    Path out;

    @Option(names = "--threads", defaultValue = "0",
            description = "Episodes run in parallel (0 = one per core); each planner then uses one thread. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--seed", defaultValue = "0", description = "Base seed (world i uses seed + i). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--keep-runs", description = "Also write every episode's run directory under --out/runs/.")
    boolean keepRuns;

    /** The effective planner configuration (set in {@link #call}). */
    private PlannerConfig plannerConfig;

    /** One world's row. */
    record Row(int world, EpisodeSummary summary) {
    }

    @Override
    public Integer call() throws Exception {
        int[] ids = parseWorlds(worlds);
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0 (0 = one per core), got " + threads);
        }
        PlannerConfig pc = plannerOptions.config();
        if (plannerOptions.printConfig) {
            System.out.println(PlannerOptions.json(pc));
            return 0;
        }
        if (out == null) {
            throw new IllegalArgumentException("missing required option --out (see `foresight bench --help`)");
        }
        plannerConfig = pc;
        Latency latency = latencyOption.latency();
        sensingOptions.apply(EpisodeConfig.defaults(0), "barn"); // fail fast on bad sensing options
        plantOptions.validate();
        NavigateCommand.Models.load(model, plantOptions); // fail fast on a bad --model
        int parallel = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        int plannerThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / parallel);
        OutputPaths.directory("--out", out);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Row>> futures = new ArrayList<>();
        Row[] rows = new Row[ids.length];
        try (ProgressBar pb = Progress.bar("bench " + plannerConfig.planner() + "/" + model, ids.length)) {
            for (int id : ids) {
                futures.add(pool.submit(() -> {
                    Row r = runOne(id, plannerThreads, latency);
                    synchronized (pb) {
                        pb.step();
                        pb.setExtraMessage(String.format(Locale.ROOT, "world %d %s", id, r.summary().result().outcome().jsonName()));
                    }
                    return r;
                }));
            }
            for (int i = 0; i < ids.length; i++) {
                rows[i] = futures.get(i).get();
            }
        } finally {
            pool.shutdownNow();
        }
        writeCsv(rows);
        String md = markdown(rows);
        Files.writeString(out.resolve("results.md"), md, StandardCharsets.UTF_8);
        System.out.print(md);
        System.out.println("written: " + out.resolve("results.csv") + ", " + out.resolve("results.md"));
        return 0;
    }

    private Row runOne(int id, int plannerThreads, Latency latency) {
        World w = WorldLoader.loadBarn(id);
        DynamicsModel m = NavigateCommand.Models.load(model, plantOptions);
        EpisodeConfig cfg = sensingOptions.apply(
                EpisodeConfig.defaults(seed + id).withPlant(plantOptions.plant()).withLatency(latency), "barn");
        cfg = cfg.withGuideMargin(PlannerOptions.guideMargin(plannerConfig, cfg.guideMargin()));
        try (Planner p = PlannerOptions.build(plannerConfig, m, plannerThreads, seed + id)) {
            EpisodeRunner runner = new EpisodeRunner(w, p, cfg);
            if (keepRuns) {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("command", "bench");
                meta.put("world", "barn:" + id);
                meta.put("planner", plannerConfig.planner());
                meta.put("planner_config", plannerConfig.toTree());
                meta.put("model", model);
                meta.put("seed", seed + id);
                meta.put("latency", latency.label());
                meta.put("sensing", cfg.sensing().label());
                meta.put("plant", plantOptions.describe());
                try (RunLogWriter log = RunLogWriter.create(out.resolve("runs").resolve(String.format("world_%03d", id)),
                        w, cfg.footprint(), cfg.sim().lidar(), cfg.sim().lidarOffset(), meta)) {
                    return new Row(id, runner.run(log));
                }
            }
            return new Row(id, runner.run(null));
        }
    }

    /**
     * Parses "0-299", "3,7,12", "0-299:10" (step) and combinations.
     *
     * @param spec the spec.
     * @return sorted distinct indices in 0..299.
     */
    static int[] parseWorlds(String spec) {
        TreeSet<Integer> set = new TreeSet<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            int step = 1;
            int colon = p.indexOf(':');
            try {
                if (colon >= 0) {
                    step = Integer.parseInt(p.substring(colon + 1));
                    p = p.substring(0, colon);
                }
                int dash = p.indexOf('-');
                int a = Integer.parseInt(dash >= 0 ? p.substring(0, dash) : p);
                int b = dash >= 0 ? Integer.parseInt(p.substring(dash + 1)) : a;
                if (a < 0 || b > 299 || a > b || step < 1) {
                    throw new IllegalArgumentException("--worlds " + spec + ": '" + part + "' is not a range within 0..299");
                }
                for (int i = a; i <= b; i += step) {
                    set.add(i);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--worlds " + spec + ": '" + part + "' is not N, A-B or A-B:STEP");
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("--worlds " + spec + ": no worlds");
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    private void writeCsv(Row[] rows) {
        StringBuilder sb = new StringBuilder("world,robot,model,sensing,latency,outcome,time_s,ot_s,score,path_m,"
                + "plan_ms_p50,plan_ms_p99,latency_ms_p50,latency_ms_p99,overrun_fraction,perception_ms_p50,"
                + "perception_ms_p99,stop_cycles\n");
        for (Row r : rows) {
            var s = r.summary();
            var e = s.result();
            sb.append(String.format(Locale.ROOT,
                    "%d,%s,%s,%s,%s,%s,%.3f,%.3f,%.4f,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,%.3f,%.3f,%d%n",
                    r.world(), csv(plantOptions.label()), csv(model), s.sensing(), s.latency(), e.outcome().jsonName(),
                    e.time(), e.optimalTime(), e.score(), e.pathLength(), s.planMsQuantile(0.5), s.planMsQuantile(0.99),
                    s.latencyMsQuantile(0.5), s.latencyMsQuantile(0.99), s.overrunFraction(),
                    s.perceptionMsQuantile(0.5), s.perceptionMsQuantile(0.99), s.stopCycles()));
        }
        try {
            Files.writeString(out.resolve("results.csv"), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve("results.csv") + ": " + e.getMessage(), e);
        }
    }

    /** A CSV field: quoted when it holds a comma or a quote. */
    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private String markdown(Row[] rows) {
        List<Double> all = new ArrayList<>();
        List<Double> perception = new ArrayList<>();
        for (Row r : rows) {
            for (double v : r.summary().planMs()) {
                all.add(v);
            }
            for (double v : r.summary().perceptionMs()) {
                perception.add(v);
            }
        }
        double[] t = all.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(t);
        double[] p = perception.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(p);
        String sensing = rows.length == 0 ? "" : rows[0].summary().sensing();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "| planner | robot | model | sensing | latency | worlds | success | collisions "
                + "| timeouts | mean score | overrun fraction | plan ms p50 | p90 | p99 | perception ms p50 | p99 |%n"));
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Tally all0 = Tally.of(rows, 0, Integer.MAX_VALUE);
        sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %d (%.1f %%) | %d | %d | %.3f | %.3f | %.2f "
                        + "| %.2f | %.2f | %.2f | %.2f |%n",
                plannerConfig.planner(), plantOptions.label(), model, sensing, latencyOption.latency().label(), all0.n, all0.success,
                100.0 * all0.success / Math.max(1, all0.n), all0.collision, all0.timeout, all0.meanScore(),
                all0.overrunFraction(), q(t, 0.5), q(t, 0.9), q(t, 0.99), q(p, 0.5), q(p, 0.99)));
        if (rows.length > 50) {
            sb.append(String.format(Locale.ROOT, "%n| worlds | episodes | success | collisions | timeouts | mean score |%n"));
            sb.append("|---|---|---|---|---|---|\n");
            for (int b = 0; b < 300; b += 50) {
                Tally k = Tally.of(rows, b, b + 49);
                if (k.n > 0) {
                    sb.append(String.format(Locale.ROOT, "| %d-%d | %d | %d (%.1f %%) | %d | %d | %.3f |%n", b, b + 49, k.n,
                            k.success, 100.0 * k.success / k.n, k.collision, k.timeout, k.meanScore()));
                }
            }
        }
        return sb.toString();
    }

    /** Outcome counts over the rows of a range of worlds. */
    private static final class Tally {
        int n;
        int success;
        int collision;
        int timeout;
        double score;
        long cycles;
        long overruns;

        static Tally of(Row[] rows, int fromWorld, int toWorld) {
            Tally t = new Tally();
            for (Row r : rows) {
                if (r.world() < fromWorld || r.world() > toWorld) {
                    continue;
                }
                t.n++;
                switch (r.summary().result().outcome()) {
                    case SUCCESS -> t.success++;
                    case COLLISION -> t.collision++;
                    case TIMEOUT -> t.timeout++;
                    default -> { }
                }
                t.score += r.summary().result().score();
                t.cycles += r.summary().cycles();
                t.overruns += r.summary().overrunCycles();
            }
            return t;
        }

        double meanScore() {
            return n == 0 ? 0.0 : score / n;
        }

        double overrunFraction() {
            return cycles == 0 ? 0.0 : (double) overruns / cycles;
        }
    }

    private static double q(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.floor(p * (sorted.length - 1))];
    }
}
