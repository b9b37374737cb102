package org.foresight.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.worldmodel.collect.DataCollector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code foresight collect}: trajectory logs of the true Jackal driven with exciting inputs in open space. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Write trajectory logs of the true Jackal driven with exciting inputs in open space.",
                "Each episode opens with a 6 s pilot (steps forward, reverse, left, right) whose measured response",
                "times the rest: random steps, chirps and PRBS over the whole envelope, reverse included.",
                "One log per episode (episode_NNN.csv + .json; the .json records the measured envelope).",
                "Same seed, identical files."})
public final class CollectCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--out", required = true, description = "Directory for the logs.")
    Path out;

    @Option(names = "--episodes", defaultValue = "20", description = "Number of episodes. Default: ${DEFAULT-VALUE}.")
    int episodes;

    @Option(names = "--duration", defaultValue = "30", description = "Length of each episode [s]. Default: ${DEFAULT-VALUE}.")
    double duration;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--robot", split = ",", paramLabel = "NAME=VALUE",
            description = "Change the hidden robot parameters, e.g. --robot tauV=0.2,yawSlip=0.3 (names: see JackalParams).")
    Map<String, String> robot = new LinkedHashMap<>();

    @Override
    public Integer call() {
        JackalParams params = robotParams(robot);
        DataCollector.Plan plan = new DataCollector.Plan(episodes, duration, seed, params, 0.05, 0.005);
        List<Path> written;
        try (ProgressBar pb = new ProgressBarBuilder().setTaskName("collect").setInitialMax(episodes)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            written = DataCollector.collect(plan, out, pb::stepTo);
        }
        System.out.printf("wrote %d logs of %.0f s each (%d rows at 50 ms) to %s%n", written.size(), duration,
                Math.round(duration / 0.05), out);
        return 0;
    }

    /**
     * The default robot with some fields changed.
     *
     * @param overrides field name → value.
     * @return the parameters.
     * @throws IllegalArgumentException naming an unknown field or an invalid value.
     */
    static JackalParams robotParams(Map<String, String> overrides) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = MAPPER.convertValue(JackalParams.defaults(), LinkedHashMap.class);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!m.containsKey(e.getKey())) {
                throw new IllegalArgumentException("--robot " + e.getKey() + ": unknown parameter (known: "
                        + String.join(", ", m.keySet()) + ")");
            }
            if (e.getKey().equals("integrator")) {
                m.put(e.getKey(), e.getValue().toUpperCase(java.util.Locale.ROOT));
                continue;
            }
            try {
                m.put(e.getKey(), Double.parseDouble(e.getValue()));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("--robot " + e.getKey() + "=" + e.getValue() + ": not a number");
            }
        }
        try {
            return MAPPER.convertValue(m, JackalParams.class);
        } catch (IllegalArgumentException ex) {
            Throwable c = ex;
            while (c.getCause() != null) {
                c = c.getCause();
            }
            throw new IllegalArgumentException("--robot: " + c.getMessage());
        }
    }
}
