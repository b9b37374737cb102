package org.foresight.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.foresight.worldmodel.collect.DataCollector;
import org.foresight.worldmodel.collect.ExcitationSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code foresight collect}: trajectory logs of the simulated robot (the Jackal, a preset, or a user's plant
 * class) driven with exciting inputs in open space.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Write trajectory logs of the simulated robot (--robot or --plant) driven with exciting inputs " +
                    "in open space. " +
                    "Each episode opens with a 6 s pilot (steps forward, reverse, left, right) whose measured response " +
                    "times the rest: random steps, chirps and PRBS over the whole envelope, reverse included. " +
                    "One log per episode (episode_NNN.csv + .json; the .json records the measured envelope). " +
                    "Same seed, identical files.")
public final class CollectCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Directory for the logs.")
    Path out;

    @Option(names = "--episodes", defaultValue = "20", description = "Number of episodes. Default: ${DEFAULT-VALUE}.")
    int episodes;

    @Option(names = "--duration", defaultValue = "30", description = "Length of each episode [s]. Default: ${DEFAULT-VALUE}.")
    double duration;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--overwrite",
            description = "Replace the episodes already in --out (without it, a folder that holds episodes is refused, "
                    + "so that old and new logs are never mixed).")
    boolean overwrite;

    @Option(names = "--excite-max-v", defaultValue = "2.0", paramLabel = "M_PER_S",
            description = "Speed limit of the commands the excitation sends [m/s] (narrow it to write logs that never "
                    + "reach high speeds). Default: ${DEFAULT-VALUE}.")
    double exciteMaxV;

    @Option(names = "--excite-max-omega", defaultValue = "4.0", paramLabel = "RAD_PER_S",
            description = "Yaw-rate limit of the commands the excitation sends [rad/s] (e.g. 1 for logs that never "
                    + "excite fast turns). Default: ${DEFAULT-VALUE}.")
    double exciteMaxOmega;

    @Mixin
    PlantOptions plantOptions = new PlantOptions();

    @Override
    public Integer call() throws java.io.IOException {
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes must be >= 1, got " + episodes);
        }
        if (!Double.isFinite(duration) || duration <= ExcitationSignal.PILOT_SECONDS) {
            throw new IllegalArgumentException("--duration " + duration + ": must be longer than the "
                    + ExcitationSignal.PILOT_SECONDS + " s pilot that opens every episode");
        }
        long rows = (long) Math.ceil(duration / 0.05);
        long heap = Runtime.getRuntime().maxMemory();
        if (rows * 8 * 8 * 4 > heap / 2) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "--duration %.6g s is %d rows per episode, more than the %d MiB Java heap holds; collect more, "
                            + "shorter episodes (--episodes)", duration, rows, heap >> 20));
        }
        if (!(exciteMaxV > 0) || !Double.isFinite(exciteMaxV)) {
            throw new IllegalArgumentException("--excite-max-v must be finite and > 0 m/s, got " + exciteMaxV);
        }
        if (!(exciteMaxOmega > 0) || !Double.isFinite(exciteMaxOmega)) {
            throw new IllegalArgumentException("--excite-max-omega must be finite and > 0 rad/s, got " + exciteMaxOmega);
        }
        plantOptions.validate();
        OutputPaths.directory("--out", out);
        List<Path> old;
        try (var files = java.nio.file.Files.list(out)) {
            old = files.filter(f -> f.getFileName().toString().matches("episode_\\d+\\.(csv|json)")).sorted().toList();
        }
        if (!old.isEmpty()) {
            if (!overwrite) {
                throw new IllegalArgumentException("--out " + out + ": already holds " + old.size()
                        + " episode files; choose an empty folder or add --overwrite to replace them");
            }
            for (Path f : old) {
                java.nio.file.Files.delete(f);
            }
        }
        DataCollector.Plan plan = new DataCollector.Plan(episodes, duration, seed, plantOptions.plant(),
                plantOptions.describe(), 0.05, 0.005).withExcitation(exciteMaxV, exciteMaxOmega);
        List<Path> written;
        try (ProgressBar pb = Progress.bar("collect", episodes)) {
            written = DataCollector.collect(plan, out, pb::stepTo);
        }
        System.out.printf("wrote %d logs of %.0f s each (%d rows at 50 ms) to %s%n", written.size(), duration,
                Math.round(duration / 0.05), out);
        return 0;
    }
}
