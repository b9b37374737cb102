package org.foresight.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code foresight jmh}: runs the JMH benchmarks packaged in the CLI jar (package
 * {@code org.foresight.examples.bench}). Arguments go to JMH as they are; with none, every benchmark
 * runs with quick settings (1 fork, 3 × 1 s warm-up, 5 × 1 s measurement).
 */
@Command(name = "jmh", mixinStandardHelpOptions = false,
        description = "Run the JMH benchmarks (model steps, rollout, critics, MPPI/CEM/iLQR iterations, SDF query, " +
                    "lidar scan, perception update). Arguments are passed to JMH, e.g. ./foresight jmh SdfQuery -prof gc; " +
                    "-p NAME=VALUES sets parameters, -rf json -rff FILE.json writes the results; " +
                    "./foresight jmh -l lists the benchmarks, ./foresight jmh -h JMH's own options.")
public final class JmhCommand implements Callable<Integer> {
    /** Everything after {@code jmh}, passed to JMH (a benchmark regex, -prof gc, -f, -wi, -i, ...). */
    @CommandLine.Unmatched
    List<String> args = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (args.contains("--help")) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
        List<String> a = new ArrayList<>(args);
        if (!a.contains("-h") && !a.contains("-l")) {
            addDefault(a, "-f", "1");
            addDefault(a, "-wi", "3");
            addDefault(a, "-i", "5");
            addDefault(a, "-w", "1s");
            addDefault(a, "-r", "1s");
        }
        org.openjdk.jmh.Main.main(a.toArray(new String[0]));
        return 0;
    }

    private static void addDefault(List<String> a, String flag, String value) {
        if (!a.contains(flag)) {
            a.add(0, value);
            a.add(0, flag);
        }
    }
}
