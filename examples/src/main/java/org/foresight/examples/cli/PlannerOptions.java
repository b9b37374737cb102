package org.foresight.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.mpc.Planner;
import org.foresight.mpc.cem.CemPlanner;
import org.foresight.mpc.config.ConfigException;
import org.foresight.mpc.config.PlannerConfig;
import org.foresight.mpc.loop.EpisodeConfig;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.dwa.DwaPlanner;
import org.foresight.mpc.ilqr.IlqrPlanner;
import org.foresight.mpc.mppi.MppiPlanner;
import org.foresight.mpc.mppi.RolloutKernel;
import org.foresight.mpc.recovery.RecoveringPlanner;
import org.foresight.mpc.switching.SwitchingPlanner;
import picocli.CommandLine.Option;

/**
 * The planner and all of its parameters, shared by {@code navigate} and {@code bench} as a picocli
 * {@code @Mixin}: {@code --planner}, {@code --planner-config FILE.json}, {@code --set key.path=value}
 * (repeatable), {@code --print-config}, and the shortcuts {@code --samples}, {@code --horizon}. The
 * effective configuration is {@link PlannerConfig#defaults()}, then the file, then each {@code --set} in
 * order, then the shortcuts and {@code --planner}.
 */
public final class PlannerOptions {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--planner", paramLabel = "NAME",
            description = "The planner: mppi, cem, ilqr, switching (MLDA-style modes over MPPI), or dwa (the BARN "
                    + "harness's DWA; it plans with unicycle arcs, not through --model) (default: the configuration's "
                    + "planner, mppi).")
    String planner;

    @Option(names = "--planner-config", paramLabel = "FILE.json",
            description = "Planner and critic parameters as JSON, the keys of --print-config; a file may hold only "
                    + "the keys it changes.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY.PATH=VALUE",
            description = "Change one parameter, e.g. --set mppi.temperature=0.5 --set critics.speedTarget=1.2 "
                    + "(repeatable; after the file).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--print-config",
            description = "Print the effective planner configuration as JSON and exit.")
    boolean printConfig;

    @Option(names = "--samples", paramLabel = "K", description = "Shortcut for --set mppi.samples=K (default 2000).")
    Integer samples;

    @Option(names = "--horizon", paramLabel = "STEPS",
            description = "Shortcut for --set mppi.horizon=STEPS [steps of 50 ms] (default 56).")
    Integer horizon;

    /**
     * @return the effective configuration.
     * @throws IllegalArgumentException one line naming the option, the file or the key, and the reason.
     */
    PlannerConfig config() {
        if (planner != null && !PlannerConfig.PLANNERS.contains(planner.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("--planner " + planner + ": not available (known: "
                    + String.join(", ", PlannerConfig.PLANNERS) + ")");
        }
        PlannerConfig c = PlannerConfig.defaults();
        if (file != null) {
            Map<String, Object> tree;
            try {
                tree = JSON.readValue(Files.readString(file), new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
                String why = e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s*\\(start marker.*", "");
                throw new IllegalArgumentException("--planner-config " + file + where + ": not valid JSON (" + why + ")");
            } catch (IOException e) {
                throw new IllegalArgumentException("--planner-config " + file + ": cannot read ("
                        + OutputPaths.reason(e) + ")");
            }
            try {
                c = c.withOverrides(tree, "");
            } catch (ConfigException e) {
                throw new IllegalArgumentException("--planner-config " + file + ": " + e.getMessage());
            }
        }
        for (String s : sets) {
            try {
                c = c.withSet(s);
            } catch (ConfigException e) {
                throw new IllegalArgumentException("--set " + s + ": " + e.getMessage());
            }
        }
        try {
            if (samples != null) {
                c = c.withSet("mppi.samples=" + samples);
            }
            if (horizon != null) {
                c = c.withSet("mppi.horizon=" + horizon);
            }
            if (planner != null) {
                c = c.withSet("planner=" + planner);
            }
        } catch (ConfigException e) {
            throw new IllegalArgumentException("--samples/--horizon: " + e.getMessage());
        }
        if (c.planner().equals("cem")) {
            NavigateCommand.Models.checkPlannerSize(c.cem().population(), c.cem().horizon(), 0);
        } else {
            NavigateCommand.Models.checkPlannerSize(c.mppi().samples(), c.mppi().horizon(), 0);
        }
        return c;
    }

    /**
     * @param c the configuration.
     * @return it as the JSON --print-config prints (and meta.json records).
     */
    static String json(PlannerConfig c) {
        try {
            return JSON.writeValueAsString(c.toTree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The loop settings a planner needs: DWA follows the guide closely and, like the harness's navfn path, needs
     * it through the middle of gaps (0.30 m of extra inflation) and re-planned at 10 Hz, as the harness's
     * launch file re-publishes the goal at 10 Hz and move_base re-plans navfn's path on each new goal; the other
     * planners take the loop's defaults.
     *
     * @param c   the configuration.
     * @param cfg the loop's settings so far.
     * @return the settings for this planner.
     */
    static EpisodeConfig loopFor(PlannerConfig c, EpisodeConfig cfg) {
        return c.planner().equals("dwa")
                ? cfg.withGuideMargin(DWA_GUIDE_MARGIN).withReplanPeriod(DWA_REPLAN_PERIOD) : cfg;
    }

    /** Guide margin used with DWA [m]. */
    static final double DWA_GUIDE_MARGIN = 0.30;
    /** Guide re-planning period used with DWA [s]. */
    static final double DWA_REPLAN_PERIOD = 0.1;

    /**
     * The planner of a configuration over a model.
     *
     * @param c       the configuration.
     * @param m       the model planned through.
     * @param threads worker threads.
     * @param seed    the seed of its random streams.
     * @return the planner (close it when done).
     */
    static Planner build(PlannerConfig c, DynamicsModel m, int threads, long seed) {
        try {
            return buildPlanner(c, m, threads, seed);
        } catch (IllegalArgumentException e) {
            if (c.mppi().kernel() == RolloutKernel.GENERIC) {
                throw e;
            }
            throw new IllegalArgumentException("--set mppi.kernel=" + c.mppi().kernel().name().toLowerCase(java.util.Locale.ROOT)
                    + ": " + e.getMessage(), e);
        }
    }

    private static Planner buildPlanner(PlannerConfig c, DynamicsModel m, int threads, long seed) {
        Planner p = switch (c.planner()) {
            case "mppi" -> new MppiPlanner(m, c.mppi().withThreads(threads).withSeed(seed), CriticSet.defaults(c.critics()));
            case "cem" -> new CemPlanner(m, c.cem().withThreads(threads).withSeed(seed), CriticSet.defaults(c.critics()));
            // the classical baseline: unicycle arcs, not the model; moving obstacles as the other planners predict them
            case "dwa" -> new DwaPlanner(c.dwa(), c.critics().dynamicObstacle());
            case "ilqr" -> new IlqrPlanner(m, c.ilqr()); // deterministic, single-threaded
            case "switching" -> new SwitchingPlanner(m, c.mppi().withThreads(threads).withSeed(seed), c.critics(),
                    c.switching());
            default -> throw new IllegalArgumentException("--planner " + c.planner() + ": not available");
        };
        // DWA has its own escape rules and switching its own stall recovery; the optimisers get the shared one
        boolean optimiser = !c.planner().equals("dwa") && !c.planner().equals("switching");
        return optimiser && c.recovery().enabled() ? new RecoveringPlanner(p, c.recovery(),
                0.5 * c.critics().footprintLength(), 0.5 * c.critics().footprintWidth()) : p;
    }
}
