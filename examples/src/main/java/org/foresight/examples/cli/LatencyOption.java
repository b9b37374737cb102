package org.foresight.examples.cli;

import org.foresight.mpc.loop.Latency;
import picocli.CommandLine.Option;

/** The {@code --latency} option of every command that runs closed-loop episodes (a picocli {@code @Mixin}). */
public final class LatencyOption {
    @Option(names = "--latency", defaultValue = "measured", paramLabel = "measured[+MS]|none|MS",
            description = "How planning time is charged to the robot. measured: the command reaches the wheels " +
                    "after the plan's wall-clock time (rounded up to the 5 ms physics step), the last command " +
                    "holding until then; a plan longer than the 50 ms period is an overrun. measured+MS (e.g. " +
                    "measured+30): the same plus a fixed delay outside the planner (scan age, transport, motor " +
                    "driver). MS (e.g. 20): the " +
                    "same with a fixed latency, bit-reproducible. none: the simulator waits for the planner " +
                    "(for debugging). Default: ${DEFAULT-VALUE}.")
    String latency;

    /**
     * @return the parsed latency.
     * @throws IllegalArgumentException naming {@code --latency} and the reason.
     */
    public Latency latency() {
        try {
            return Latency.parse(latency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--latency " + e.getMessage());
        }
    }

    /** @return the value as given. */
    public String spec() {
        return latency;
    }
}
