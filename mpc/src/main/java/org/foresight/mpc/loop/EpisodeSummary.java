package org.foresight.mpc.loop;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foresight.dynamics.sim.EpisodeResult;

/**
 * The outcome of one closed-loop episode plus planning and latency statistics.
 *
 * @param world         world name.
 * @param result        the simulator's BARN result (outcome, AT, OT, score, path length, sim time).
 * @param planMs        wall-clock planning time of every plan [ms], in order (cycles in which the planner was
 *                      busy with an earlier plan have none).
 * @param latencyMs     latency charged to every plan [ms] (same order and length as {@code planMs}).
 * @param cycles        control periods simulated.
 * @param overrunCycles control periods that ended with a plan still in flight (the planner missed the period).
 * @param stopCycles    plans in which the planner commanded a safety stop.
 * @param lastStatus    the planner's status label of the last plan.
 * @param latency       how planning time was charged: "measured", "none" or e.g. "20 ms".
 * @param perceptionMs  wall-clock time of each cycle's perception (scan into the map, distance field, guide
 *                      re-plan) [ms]; zeros with the exact map.
 * @param sensing       what the robot knew, e.g. "lidar+odometry" ({@link Sensing#label()}).
 * @param minClearance  the least true clearance between the footprint (three circles of radius width/2 along
 *                      its length) and a static obstacle over the cycles [m], negative in contact; NaN when not
 *                      measured.
 */
public record EpisodeSummary(String world, EpisodeResult result, double[] planMs, double[] latencyMs, int cycles,
                             int overrunCycles, int stopCycles, String lastStatus, String latency,
                             double[] perceptionMs, String sensing, double minClearance) {

    /** A summary without perception timings (a run with the exact map, or without a planner). */
    public EpisodeSummary(String world, EpisodeResult result, double[] planMs, double[] latencyMs, int cycles,
                          int overrunCycles, int stopCycles, String lastStatus, String latency) {
        this(world, result, planMs, latencyMs, cycles, overrunCycles, stopCycles, lastStatus, latency, new double[0],
                Sensing.oracle().label(), Double.NaN);
    }

    /** Checks the shapes. */
    public EpisodeSummary {
        if (planMs.length != latencyMs.length) {
            throw new IllegalArgumentException(planMs.length + " planning times but " + latencyMs.length + " latencies");
        }
        if (overrunCycles < 0 || overrunCycles > cycles) {
            throw new IllegalArgumentException("overrun cycles " + overrunCycles + " not in [0, " + cycles + "]");
        }
    }

    /**
     * @param q quantile in [0, 1].
     * @return the planning-time quantile [ms] (nearest rank below), 0 without plans.
     */
    public double planMsQuantile(double q) {
        return quantile(planMs, q);
    }

    /**
     * @param q quantile in [0, 1].
     * @return the charged-latency quantile [ms] (nearest rank below), 0 without plans.
     */
    public double latencyMsQuantile(double q) {
        return quantile(latencyMs, q);
    }

    /**
     * @param q quantile in [0, 1].
     * @return the perception-time quantile [ms] (nearest rank below), 0 without timings.
     */
    public double perceptionMsQuantile(double q) {
        return quantile(perceptionMs, q);
    }

    /** @return overrun cycles / cycles, 0 without cycles. */
    public double overrunFraction() {
        return cycles == 0 ? 0.0 : (double) overrunCycles / cycles;
    }

    private static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return 0.0;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return s[(int) Math.floor(q * (s.length - 1))];
    }

    /**
     * The fields of {@code result.json} that tools read: "outcome" (success/collision/timeout), "collision_with"
     * (none/static/moving), "time_s"
     * (AT), "ot_s", "score", "path_m", "plan_ms_p50", "plan_ms_p99", "latency", "latency_ms_p50",
     * "latency_ms_p99", "overrun_fraction", plus "sim_time_s", "cycles", "plans", "overrun_cycles",
     * "stop_cycles", "last_status".
     *
     * @return an ordered, JSON-serialisable map.
     */
    public Map<String, Object> toResultJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", result.outcome().jsonName());
        m.put("collision_with", result.collisionWith());
        m.put("time_s", result.time());
        m.put("ot_s", result.optimalTime());
        m.put("score", result.score());
        m.put("path_m", result.pathLength());
        m.put("plan_ms_p50", planMsQuantile(0.50));
        m.put("plan_ms_p99", planMsQuantile(0.99));
        m.put("latency", latency);
        m.put("latency_ms_p50", latencyMsQuantile(0.50));
        m.put("latency_ms_p99", latencyMsQuantile(0.99));
        m.put("overrun_fraction", overrunFraction());
        m.put("sensing", sensing);
        m.put("perception_ms_p50", perceptionMsQuantile(0.50));
        m.put("perception_ms_p99", perceptionMsQuantile(0.99));
        m.put("min_clearance_m", Double.isFinite(minClearance) ? minClearance : null);
        m.put("sim_time_s", result.simTime());
        m.put("cycles", cycles);
        m.put("plans", planMs.length);
        m.put("overrun_cycles", overrunCycles);
        m.put("stop_cycles", stopCycles);
        m.put("last_status", lastStatus);
        m.put("world", world);
        return m;
    }
}
