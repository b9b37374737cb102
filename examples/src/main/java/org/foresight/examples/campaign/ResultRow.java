package org.foresight.examples.campaign;

import java.io.Serializable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One finished episode as a row of {@code results.csv}. The first seven columns are the episode's identity
 * ({@link #key()}); the rest is what happened. Times in seconds, planning in milliseconds, distances in metres.
 * Serializable: a Spark task sends it back to the driver.
 *
 * @param world           world name, e.g. {@code barn:12}.
 * @param planner         planner name.
 * @param config          the planner configuration's id in a sweep ({@code configs.csv}), {@code -} in a bench.
 * @param model           model planned through, as given ({@code truth}, {@code unicycle}, a file, {@code class:}).
 * @param perception      {@code map} or {@code lidar}.
 * @param robot           the plant, e.g. {@code default} or {@code class:my.Plant}.
 * @param seed            replicate index 0..N−1 of {@code --seeds N}.
 * @param localization    {@code truth} or {@code odometry}.
 * @param latency         how planning time was charged, e.g. {@code measured}.
 * @param outcome         success, collision or timeout.
 * @param timeS           AT [s].
 * @param otS             OT [s].
 * @param score           BARN score.
 * @param pathM           distance driven [m].
 * @param planMsP50       median planning time [ms].
 * @param planMsP99       99th percentile of planning time [ms].
 * @param overrunFraction share of periods that ended with a plan in flight.
 * @param minClearanceM   least true footprint clearance [m] (NaN if not measured).
 * @param perceptionMsP50 median perception time [ms].
 * @param perceptionMsP99 99th percentile of perception time [ms].
 * @param stopCycles      plans that commanded a safety stop.
 * @param collisionWith   what a collision hit: {@code none}, {@code static} (walls, static obstacles) or
 *                        {@code moving}.
 */
public record ResultRow(String world, String planner, String config, String model, String perception, String robot, int seed,
                        String localization, String latency, String outcome, double timeS, double otS, double score,
                        double pathM, double planMsP50, double planMsP99, double overrunFraction,
                        double minClearanceM, double perceptionMsP50, double perceptionMsP99, int stopCycles,
                        String collisionWith)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The header line of {@code results.csv} (without the newline). */
    public static final String HEADER = "world,planner,config,model,perception,robot,seed,localization,latency,outcome,time_s,"
            + "ot_s,score,path_m,plan_ms_p50,plan_ms_p99,overrun_fraction,min_clearance_m,perception_ms_p50,"
            + "perception_ms_p99,stop_cycles,collision_with";

    /** @return the episode's identity: world, planner, model, perception, robot, seed. */
    public EpisodeKey key() {
        return new EpisodeKey(world, planner, config, model, perception, robot, seed);
    }

    /** @return the row as one CSV line, without the newline. */
    public String toCsv() {
        return String.join(",", field(world), field(planner), field(config), field(model), field(perception), field(robot),
                Integer.toString(seed), field(localization), field(latency), field(outcome))
                + String.format(Locale.ROOT, ",%.3f,%.3f,%.4f,%.3f,%.3f,%.3f,%.4f,%.4f,%.3f,%.3f,%d", timeS, otS, score,
                pathM, planMsP50, planMsP99, overrunFraction, minClearanceM, perceptionMsP50, perceptionMsP99, stopCycles)
                + "," + field(collisionWith);
    }

    /**
     * @param line   one CSV line as {@link #toCsv} writes it.
     * @param source file name and line number, for the message.
     * @return the row.
     * @throws IllegalArgumentException naming the source when the line is malformed.
     */
    public static ResultRow parse(String line, String source) {
        List<String> f = split(line);
        if (f.size() != 22) {
            throw new IllegalArgumentException(source + ": expected 22 fields (" + HEADER + "), got " + f.size());
        }
        try {
            return new ResultRow(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), Integer.parseInt(f.get(6)),
                    f.get(7), f.get(8), f.get(9), d(f.get(10)), d(f.get(11)), d(f.get(12)), d(f.get(13)), d(f.get(14)),
                    d(f.get(15)), d(f.get(16)), d(f.get(17)), d(f.get(18)), d(f.get(19)), Integer.parseInt(f.get(20)),
                    f.get(21));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": a number field is not a number (" + e.getMessage() + ")");
        }
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    /** A CSV field, quoted when it holds a comma or a quote. */
    static String field(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Splits one CSV line with RFC 4180 quoting. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
