package org.foresight.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.mpc.loop.PlantChange;
import picocli.CommandLine.Option;

/**
 * {@code --plant-change T:KEY=VAL,...} of {@code simulate}, {@code navigate}, {@code bench} and {@code sweep} (a
 * picocli {@code @Mixin}): the simulated Jackal's parameters change at time T, e.g. a payload or a slippery floor,
 * {@code 3:maxAccel=2,maxAlpha=4,yawSlip=0.5}. Repeatable; the changes accumulate in time order (each one starts
 * from the parameters in force before it). The keys are those of {@code --robot}.
 */
public final class PlantChangeOptions {
    @Option(names = "--plant-change", paramLabel = "T:KEY=VAL,...",
            description = "Change the simulated Jackal's parameters at time T [s] (applied at the first 50 ms control "
                    + "tick at or after T), e.g. 3:maxAccel=2,maxAlpha=4,yawSlip=0.5 (a payload and a slippery floor). "
                    + "Keys as --robot. Repeatable; changes accumulate in time order. Recorded in meta.json.")
    List<String> changes = new ArrayList<>();

    /** A parsed change: its time and the parameters from then on. */
    record Parsed(double time, JackalParams params, String spec) {
    }

    /** @return whether any change was given. */
    boolean any() {
        return changes != null && !changes.isEmpty();
    }

    /** @return the option values as given (a copy, serialisable). */
    ArrayList<String> specs() {
        return changes == null ? new ArrayList<>() : new ArrayList<>(changes);
    }

    /**
     * Parses and checks the changes against the plant and the episode's length.
     *
     * @param specs   the values as given.
     * @param plant   the robot options (the Jackal's parameters at t = 0).
     * @param timeout the episode's time limit [s] (a change at or after it never happens), or +∞.
     * @return the changes in time order, each with the accumulated parameters.
     * @throws IllegalArgumentException one line naming {@code --plant-change}, the value and the reason.
     */
    static List<Parsed> parse(List<String> specs, PlantOptions plant, double timeout) {
        List<Parsed> out = new ArrayList<>();
        if (specs == null || specs.isEmpty()) {
            return out;
        }
        if (plant.isClassPlant()) {
            throw new IllegalArgumentException("--plant-change changes the simulated Jackal's parameters (--robot); "
                    + "it does not apply to --plant " + plant.plantSpec());
        }
        List<double[]> times = new ArrayList<>();
        List<String> sorted = new ArrayList<>();
        for (String spec : specs) {
            String s = spec.trim();
            int colon = s.indexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                throw new IllegalArgumentException("--plant-change " + spec + ": expected T:KEY=VAL,... (e.g. "
                        + "3:maxAccel=2,maxAlpha=4)");
            }
            double t;
            try {
                t = Double.parseDouble(s.substring(0, colon).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--plant-change " + spec + ": the time '" + s.substring(0, colon)
                        + "' is not a number of seconds");
            }
            if (!(t >= 0) || !Double.isFinite(t)) {
                throw new IllegalArgumentException("--plant-change " + spec + ": the time must be a finite number of "
                        + "seconds >= 0, got " + s.substring(0, colon).trim());
            }
            if (t >= timeout) {
                throw new IllegalArgumentException("--plant-change " + spec + ": the time " + t
                        + " s is outside the episode (time limit " + timeout + " s)");
            }
            int at = 0;
            while (at < times.size() && times.get(at)[0] <= t) {
                at++;
            }
            times.add(at, new double[] {t});
            sorted.add(at, s);
        }
        JackalParams p = plant.params();
        for (int i = 0; i < sorted.size(); i++) {
            String s = sorted.get(i);
            String body = s.substring(s.indexOf(':') + 1);
            for (String part : body.split(",", -1)) {
                String kv = part.trim();
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--plant-change " + s + ": '" + kv + "' is not KEY=VALUE");
                }
                p = PlantOptions.override("--plant-change " + s, body, p, kv.substring(0, eq).trim(),
                        kv.substring(eq + 1).trim());
            }
            out.add(new Parsed(times.get(i)[0], p, s));
        }
        return out;
    }

    /**
     * The simulator's changes: a new Jackal with the parameters of each change.
     *
     * @param parsed the parsed changes.
     * @return one {@link PlantChange} per change.
     */
    static List<PlantChange> plantChanges(List<Parsed> parsed) {
        List<PlantChange> out = new ArrayList<>();
        for (Parsed p : parsed) {
            out.add(new PlantChange(p.time(), new JackalDiffDrive(p.params())));
        }
        return out;
    }

    /**
     * What {@code meta.json} records: per change its time, the option as given and every parameter from then on.
     *
     * @param parsed the parsed changes.
     * @return a JSON-serialisable list.
     */
    static List<Map<String, Object>> describe(List<Parsed> parsed) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Parsed p : parsed) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time_s", p.time());
            m.put("change", p.spec());
            m.put("params", p.params().toMap());
            out.add(m);
        }
        return out;
    }
}
