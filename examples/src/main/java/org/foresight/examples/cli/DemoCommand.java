package org.foresight.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight demo}: the whole story in one command: collect logs of the true robot, fit a world
 * model, navigate a BARN world planning through the learned model, and show the run. Each step is the
 * corresponding subcommand, so the demo prints the commands it runs for the user to repeat.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Collect logs, fit a world model, navigate a BARN world through it with MPPI, and show the run. " +
                    "Everything is written under --out (default runs/demo).")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "runs/demo", description = "Where to write everything. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--world", defaultValue = "barn:0", description = "World to navigate. Default: ${DEFAULT-VALUE}.")
    String world;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--no-window", description = "Do not open the replay window; write a PNG frame instead.")
    boolean noWindow;

    @CommandLine.Mixin
    LatencyOption latencyOption = new LatencyOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        latencyOption.latency(); // a bad --latency fails before anything runs
        OutputPaths.directory("--out", out);
        CommandLine root = spec.commandLine().getParent();
        Path logs = out.resolve("logs");
        Path model = out.resolve("model.json");
        Path run = out.resolve("run");
        List<List<String>> steps = new ArrayList<>();
        steps.add(List.of("collect", "--out", logs.toString(), "--episodes", "20", "--seed", Long.toString(seed)));
        steps.add(List.of("fit", "--logs", logs.toString(), "--kind", "linear", "--out", model.toString(),
                "--report", out.resolve("fit-report.json").toString()));
        steps.add(List.of("navigate", "--world", world, "--planner", "mppi", "--model", model.toString(),
                "--out", run.toString(), "--seed", Long.toString(seed), "--latency", latencyOption.spec()));
        boolean window = !noWindow && org.foresight.viz.FxPlatform.displayAvailable();
        steps.add(window ? List.of("replay", run.toString())
                : List.of("replay", run.toString(), "--png", out.resolve("run.png").toString()));
        int i = 1;
        for (List<String> step : steps) {
            System.out.println();
            System.out.println("[" + i++ + "/" + steps.size() + "] ./foresight " + String.join(" ", step));
            int code = root.execute(step.toArray(new String[0]));
            if (code != 0) {
                System.err.println("demo: step failed with exit code " + code);
                return code;
            }
        }
        System.out.println();
        System.out.println("demo finished: logs in " + logs + ", run in " + run);
        return 0;
    }
}
