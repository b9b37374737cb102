package org.foresight.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.foresight.dynamics.log.AtomicFiles;
import org.foresight.examples.campaign.BenchCharts;
import org.foresight.examples.campaign.BenchSummary;
import org.foresight.examples.campaign.ResultStore;
import org.foresight.examples.campaign.WorldRef;
import org.foresight.mpc.config.ConfigException;
import org.foresight.mpc.config.PlannerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code foresight bench}: every planner × model × perception × robot × seed over a list of worlds, in parallel,
 * resumable (one crash-safe row per finished episode in {@code results.csv}), with {@code summary.md} and PNG
 * charts made from all the rows.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run every combination of --planners, --models, --perception and --robots over --worlds for "
                + "--seeds seeds, in parallel on all cores, with planning time charged to the robot (--latency). "
                + "Writes results.csv (one row per episode, appended as each finishes, in campaign order once complete), summary.md (per combination, "
                + "per block of 50 BARN worlds, published BARN entries on the same worlds), success.png and "
                + "score_per_world.png into --out. Running the same command again resumes: finished episodes are "
                + "skipped. Each episode's planner is first warmed up on its start state (30 discarded cycles).")
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    CampaignOptions campaign = new CampaignOptions();

    @Mixin
    PlannerOptions plannerOptions = new PlannerOptions();

    @Option(names = "--planners", split = ",", paramLabel = "LIST",
            description = "Planners to compare, e.g. mppi,switching,dwa (default: --planner, or the configuration's).")
    List<String> planners;

    @Override
    public Integer call() throws Exception {
        PlannerConfig base = plannerOptions.config();
        if (plannerOptions.printConfig) {
            System.out.println(PlannerOptions.json(base));
            return 0;
        }
        List<String> plannerList = planners == null ? List.of(base.planner())
                : CampaignOptions.clean("--planners", planners);
        List<CampaignOptions.NamedConfig> configs = new ArrayList<>();
        for (String p : plannerList) {
            try {
                configs.add(new CampaignOptions.NamedConfig("-", base.withSet("planner=" + p)));
            } catch (ConfigException e) {
                throw new IllegalArgumentException("--planners " + p + ": unknown planner (known: "
                        + String.join(", ", PlannerConfig.PLANNERS) + ")");
            }
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("planners", plannerList);
        Map<String, Object> tree = new LinkedHashMap<>(base.toTree());
        tree.remove("planner"); // the planners are listed above
        identity.put("planner_config", tree);
        CampaignOptions.Outcome o = campaign.run(configs, "bench", identity);
        String md = BenchSummary.markdown(o.rows(), o.conditions());
        AtomicFiles.writeText(campaign.out.resolve("summary.md"), w -> w.write(md));
        BenchCharts.write(campaign.out, o.rows(), o.worlds().stream().map(WorldRef::name).toList());
        System.out.print(md);
        System.out.println("written: " + campaign.out.resolve(ResultStore.RESULTS) + ", "
                + campaign.out.resolve("summary.md") + ", " + campaign.out.resolve("success.png") + ", "
                + campaign.out.resolve("score_per_world.png"));
        return 0;
    }
}
